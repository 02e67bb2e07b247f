"""Eleven digits the writer calls a national id, grouped any way ("fødselsnr 1109-1233-210", "ID number
is 12 08 69 933 90"), and a birth date with its personal number after a dialect "e" ("personnummeret e
12753"): a national id when the checksum holds, else possibly one. Without the word, the same grouping
is left alone."""

from __future__ import annotations

import pytest

from somevakt.analysis.personal_data import NATIONAL_ID, NATIONAL_ID_LIKE, find

# 12086993390 and 22066412753 pass the checksum (made up, nobody's); 11091233210 and 12127528887 fail it.


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("fødselsnr 1109-1233-210 ! æ har betalt regninga", NATIONAL_ID_LIKE, "1109-1233-210"),
        ("Fødselsnr 12 12 75 28 88 7, ring meg!", NATIONAL_ID_LIKE, "12 12 75 28 88 7"),
        ("My wife's ID number is 12 08 69 933 90, please help.", NATIONAL_ID, "12 08 69 933 90"),
        ("Personnummeret mitt er 1208-6993-390.", NATIONAL_ID, "1208-6993-390"),
    ],
)
def test_a_number_the_writer_calls_a_national_id_is_one_however_grouped(
    text: str, code: str, span: str
) -> None:
    found = find(text)
    assert [(m.code, text[m.start : m.end]) for m in found] == [(code, span)]


def test_a_birth_date_and_its_personal_number_after_a_dialect_verb_are_one_id() -> None:
    text = "Æ e født 22.06.64 og personnummeret e 12753. Ka skjer med søknaden?"
    assert [(m.code, text[m.start : m.end]) for m in find(text)] == [
        (NATIONAL_ID, "22.06.64 og personnummeret e 12753")
    ]


def test_the_same_grouping_without_the_word_is_no_id() -> None:
    assert find("Ordrenummer 1109-1233-210 er sendt.") == []
    assert find("Koden er 12 12 75 28 88 7.") == []
