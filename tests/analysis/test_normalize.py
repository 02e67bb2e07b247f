"""De-obfuscation keeps a map back to the original offsets."""

from __future__ import annotations

import pytest

from somevakt.analysis.normalize import normalize, skeleton


def norm(text: str) -> str:
    return normalize(text.lower()).text


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("i d i o t", "idiot"),
        ("i.d.i.o.t", "idiot"),
        ("idiooooot", "idiot"),
        ("1d10t", "idiot"),
        ("h0r3", "hore"),
        ("id\u200biot", "idiot"),
        ("IDIOT", "idiot"),
        ("іdіот", "idiot"),  # Cyrillic look-alikes
        ("jävla", "jævla"),
    ],
)
def test_it_folds_obfuscations_to_the_plain_word(written: str, plain: str) -> None:
    assert norm(written) == skeleton(plain)


def test_it_collapses_repeated_letters_on_both_sides() -> None:
    assert skeleton("dumme") == "dume" == norm("dummmmmme")


def test_it_leaves_ordinary_numbers_and_words_alone() -> None:
    assert norm("Møtet er 12.03.2024 i sal 5") == "møtet er 12.03.2024 i sal 5"
    assert norm("i går") == "i går"


def test_it_maps_every_character_back_to_the_original() -> None:
    text = "Du er en 😀 i\u200b d i o o o t!"
    n = normalize(text.lower())
    start = n.text.index("idiot")
    s, e = n.span(start, start + len("idiot"))
    assert text[s:e] == "i\u200b d i o o o t"
    assert len(n.index) == len(n.text) + 1


def test_it_handles_empty_and_invisible_only_text() -> None:
    assert normalize("").text == ""
    n = normalize("\u200b\u200e\x00")
    assert n.text == "" and n.index == (3,)
