"""The shared tokenizer: any string tokenises, and token offsets index the original."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.tokenize import tokenize, tokenizer

AWKWARD = [
    "",
    " ",
    "😀😀😀",
    "a\x00b\x00c",
    "Hei\u200b på\u200d deg\u202e snudd\u202c tekst",
    "Привет, hei og مرحبا 你好 på nynorsk: eg veit ikkje.",
    "\u0301\u0301 kombinerende tegn",
    "Kva skjer med vegen? Eg har venta i tre veker!",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_it_tokenises_awkward_text_with_offsets_into_the_original(text: str) -> None:
    for token in tokenize(text):
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_it_splits_norwegian_punctuation_and_keeps_words() -> None:
    assert [t.text for t in tokenize("Hvorfor er vegen stengt? Eg lurer.")] == [
        "Hvorfor",
        "er",
        "vegen",
        "stengt",
        "?",
        "Eg",
        "lurer",
        ".",
    ]


def test_it_builds_the_tokenizer_once() -> None:
    assert tokenizer() is tokenizer()


def test_it_tokenises_a_megabyte_beyond_the_pipeline_length_limit() -> None:
    text = "Dette er en setning om brøyting. " * 32_000
    doc = tokenize(text)
    assert len(text) > 1_000_000
    assert doc[-1].idx + len(doc[-1].text) == len(text.rstrip())


def test_it_is_what_the_document_shares() -> None:
    doc = Document("Takk for svaret!")
    assert doc.tokens is doc.tokens
    assert [t.text for t in doc.tokens] == ["Takk", "for", "svaret", "!"]


def test_it_tokenises_a_long_run_of_punctuation_in_linear_time_with_true_offsets() -> None:
    import time

    text = '"' + "x" * 199 + "«" * 50_000 + " og så litt tekst."
    started = time.perf_counter()
    doc = tokenize(text)
    assert time.perf_counter() - started < 10  # it took seven minutes when the run was one piece
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert [t.text for t in doc][-5:] == ["og", "så", "litt", "tekst", "."]
