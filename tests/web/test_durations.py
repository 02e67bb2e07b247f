"""`hours_minutes`: a length of time in words of the reader's language, never "35,1 t"."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation


def render(language: str, hours: object) -> str:
    with translation.override(language):
        return Template("{% load durations %}{{ hours|hours_minutes }}").render(Context({"hours": hours}))


@pytest.mark.parametrize(
    ("language", "hours", "expected"),
    [
        ("nb", 35.1, "35 timer 6 minutter"),
        ("nn", 35.1, "35 timar 6 minutt"),
        ("en", 35.1, "35 hours 6 minutes"),
        ("nb", 1, "1 time"),
        ("nn", 1 + 1 / 60, "1 time 1 minutt"),
        ("en", 1 + 1 / 60, "1 hour 1 minute"),
        ("nb", 0.5, "30 minutter"),
        ("en", 0, "0 minutes"),
        ("en", 2.9999, "3 hours"),  # rounded to the minute
    ],
)
def test_it_says_hours_and_minutes_in_words(language, hours, expected):
    assert render(language, hours) == expected


def test_it_leaves_nothing_as_nothing_and_shows_what_is_not_a_number_as_it_is():
    assert render("nb", None) == ""
    assert render("nb", "") == ""
    assert render("en", "soon") == "soon"
