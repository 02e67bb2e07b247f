""" "fra X til Y" is a route between two places ("frå Lom til Vågå", "bussen fra Bøverbru til Lena")
only when X is a place: from a person, what follows "til" is a person too ("fra Kari til Per"), and
was dropped as a place (names 0.2.0+9). The writer's own name after "hilsen fra" stays the writer's."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.names import named_people


def names_in(text: str, kind: str = "comment") -> list[str]:
    return [text[s:e] for s, e in named_people(Document(text, kind))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Takk for blomstene fra Kari til Per, de kom fram i går.", "Per"),
        ("Det var en gave fra Ingrid til Jonas på avslutningen.", "Jonas"),
        ("Hilsen fra Ola til Kari og alle på avdelingen.", "Kari"),
    ],
)
def test_a_person_after_fra_a_person_til_is_named(text: str, name: str) -> None:
    assert name in names_in(text), text


def test_the_writer_after_hilsen_fra_stays_the_writer() -> None:
    assert "Ola" not in names_in("Hilsen fra Ola til Kari og alle på avdelingen.")


@pytest.mark.parametrize(
    "text",
    [
        "Kommer det buss fra Bøverbru til Lena på lørdager?",
        "Vegen frå Lom til Vågå er stengd i kveld.",
        "Ferja fra Bergen til Stavanger var full.",
        "Vi kjørte fra Hamningberg til Vardø i går.",
    ],
)
def test_a_route_between_places_names_no_one(text: str) -> None:
    assert names_in(text) == [], text
