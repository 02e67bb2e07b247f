"""Bad input: no exception, bounded time, and every finding's span indexes the original string."""

from __future__ import annotations

import time

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.registry import analyse, get

RULE_BASED = (
    "personal_data",
    "confidential",
    "abuse",
    "intent",
    "readability",
    "signature",
    "reply_stance",
    "private_profile",
    "bidi",
)
KINDS = ("comment", "reply", "post", "private")

SENTENCE = "Hei! Sønnen min (fnr 15108695088) ble kalt idiot, ring 912 34 567 eller skriv til a@b.no. "
AWKWARD = {
    "empty": "",
    "spaces": "   \n\t  ",
    "emoji only": "😀🎉🇳🇴👍🏽" * 50,
    "nul bytes": "a\x00b\x00\x00 faen\x00idiot\x00" * 20,
    "zero width and bidi": (
        "d\u200bu e\u200dr e\u2060n i\u202ed\u202ci\u200eo\u200ft \u2066neger\u2069 15108695088\u200b"
    ),
    "mixed scripts": "Привет idiот مرحبا 你好 fаen ελληνικά נעקסט 15108695088",
    "combining marks": "i\u0301d\u0301i\u0301o\u0301t" + "\u0301" * 100,
    "surrogate-free astral": "𝔦𝔡𝔦𝔬𝔱 𝐟𝐚𝐞𝐧 ｉｄｉｏｔ",
    "lone punctuation": "«»\"\"''“”„*@$!?" * 100,
}
# Strings built to make a careless regular expression backtrack for ever.
ADVERSARIAL = {
    "letters": "a" * 200_000,
    "digits": "1" * 200_000,
    "spaced digits": "1 " * 100_000,
    "dotted digits": "12." * 70_000,
    "at signs": "a@" * 100_000,
    "email-like": "a." * 100_000 + "@" + "b." * 100_000,
    "spaced letters": "i d " * 50_000,
    "stars": "f*" * 100_000,
    "quotes": '"' + "x" * 199 + "«" * 50_000,
    "pronoun chains": "du er så så så " * 15_000,
    "crisis words": "det brenner " * 20_000,
    "name lines": "\nKari" * 40_000,
    "long word": "kommune" * 30_000,
    "overrides": "\u202e" * 200_000,
    "closers": "\u202c\u2069" * 100_000,
    "isolated digits": "\u2068010285 12345\u2069 " * 10_000,
}


def check(text: str, kind: str = "comment") -> None:
    result = analyse(text, kind, only=RULE_BASED)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        if f.code.startswith("personal_data."):
            assert text[f.start : f.end].strip() == text[f.start : f.end]


@pytest.mark.parametrize("name", AWKWARD)
@pytest.mark.parametrize("kind", KINDS)
def test_it_survives_awkward_text_in_every_kind(name: str, kind: str) -> None:
    check(AWKWARD[name], kind)


def test_it_keeps_spans_true_around_invisible_characters() -> None:
    text = AWKWARD["zero width and bidi"]
    result = analyse(text, only=RULE_BASED)
    spans = {f.code: text[f.start : f.end] for f in result.findings}
    assert spans["personal_data.national_id"] == "15108695088"
    visible = "".join(c for c in spans["abuse.insult"] if c.isprintable())
    assert visible == "idiot"


def test_it_reports_direction_controls_and_a_possible_national_id_with_true_spans() -> None:
    text = AWKWARD["zero width and bidi"].replace("15108695088", "01.02.85 123 46")
    result = analyse(text, only=RULE_BASED)
    spans = [
        (f.code, text[f.start : f.end]) for f in result.findings if f.code.startswith(("text.", "personal"))
    ]
    assert spans == [
        ("text.bidi_override", "\u202ed\u202c"),
        ("text.bidi_override", "\u2066neger\u2069"),
        ("personal_data.national_id_like", "01.02.85 123 46"),
    ]


@pytest.mark.slow  # runs every analyser on long adversarial input
@pytest.mark.parametrize("name", ADVERSARIAL)
def test_it_finishes_adversarial_input_in_bounded_time(name: str) -> None:
    text = ADVERSARIAL[name]
    started = time.perf_counter()
    for kind in ("comment", "private"):
        check(text, kind)
    assert time.perf_counter() - started < 20  # generous: a backtracking regex takes hours here


@pytest.mark.slow
def test_it_analyses_a_megabyte_of_text() -> None:
    text = (SENTENCE * (1_048_576 // len(SENTENCE) + 1))[:1_048_576]
    started = time.perf_counter()
    check(text)
    assert time.perf_counter() - started < 60


def test_it_shares_one_document_between_analysers() -> None:
    doc = Document("Du er en idiot")
    get("abuse").analyse(doc)
    assert "normalized" in doc.__dict__
