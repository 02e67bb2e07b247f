""" "Per" first in a sentence is a name when where the person works follows ("Per på teknisk er så
dum"), and the preposition "per" ("as of") when a time follows: a month, a weekday or a part of the
day as well as "i dag" and "i år" ("Per i mars var det 30 søkere" names nobody)."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.names import named_people


def names_in(text: str) -> list[str]:
    return [text[s:e] for s, e in named_people(Document(text, "comment"))]


@pytest.mark.parametrize(
    "text",
    [
        "Per i mars var det 30 søkere til plassene.",
        "Per på mandag hadde ingen fått svar.",
        "Per i morges var vegen ikke brøytet.",
        "Per i desember er det fortsatt ingen lege her.",
        "Per i sommer var bassenget stengt.",
    ],
)
def test_per_before_a_time_is_no_one(text: str) -> None:
    assert names_in(text) == [], text


def test_per_before_a_workplace_is_still_someone() -> None:
    assert names_in("Per på teknisk er så treg at ingenting skjer.") == ["Per"]
