"""The journal records refuse what cannot be archived, and decide the journal post type and the
outside party once for every format."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from somevakt.archive.formats.records import (
    ArchiveDocument,
    CaseReference,
    Municipality,
    RecordError,
    Screening,
    ThreadItem,
)

from .conftest import RECEIVED, build_record


def test_it_keeps_the_organisation_number_in_its_compact_form():
    assert Municipality("Gausdal kommune", "961 399 254").org_number == "961399254"


@pytest.mark.parametrize("number", ["961399255", "12345", "abc"])
def test_it_refuses_an_organisation_number_with_a_wrong_checksum_or_shape(number):
    with pytest.raises(RecordError, match="organisation number"):
        Municipality("Gausdal kommune", number)


@pytest.mark.parametrize(
    ("kind", "code", "text"),
    [
        ("inquiry", "I", "Inngående dokument"),
        ("reply", "U", "Utgående dokument"),
        ("moderation", "X", "Organinternt dokument uten oppfølging"),
    ],
)
def test_it_maps_each_kind_of_entry_to_its_journal_post_type(kind, code, text):
    assert build_record(kind).journalposttype == (code, text)


def test_it_names_the_sender_of_an_inquiry_and_no_party_for_a_moderation_note():
    assert build_record("inquiry").counterpart == ("EA", "Avsender", "Kari Nordmann")
    assert build_record("moderation").counterpart is None


def test_it_addresses_a_reply_to_the_latest_outside_author_before_it():
    record = build_record("reply")
    later_question = ThreadItem(
        "Per Hansen",
        RECEIVED + timedelta(hours=1),
        "Og SFO?",
        "https://x.invalid/p",
        "facebook",
        "Gausdal kommune",
    )
    after_reply = replace(later_question, author="Etterpå", time=RECEIVED + timedelta(hours=5))
    record = replace(record, thread=(*record.thread, later_question, after_reply))
    assert record.counterpart == ("EM", "Mottaker", "Per Hansen")


def test_its_journal_date_is_the_date_in_oslo():
    record = replace(build_record("inquiry"), registered_at=datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    assert record.journal_date == date(2027, 1, 1)


def test_it_refuses_times_without_a_time_zone():
    with pytest.raises(RecordError, match="time zone"):
        replace(build_record("inquiry"), registered_at=datetime(2026, 3, 4, 10, 0))


def test_it_refuses_a_screening_without_its_legal_basis():
    with pytest.raises(RecordError, match="legal basis"):
        Screening(skjermet=True)
    with pytest.raises(RecordError, match="screened metadata"):
        Screening(skjermet=True, legal_basis="Offentleglova § 13", metadata=("XYZ",))
    assert Screening.proposed().legal_basis == "Offentleglova § 13 jf. forvaltningsloven § 13"


def test_it_refuses_a_document_whose_content_does_not_match_its_checksum():
    good = ArchiveDocument.from_bytes("a.pdf", "application/pdf", b"abc")
    with pytest.raises(RecordError, match="does not match"):
        replace(good, content=b"abd")
    with pytest.raises(RecordError, match="plain file name"):
        replace(good, file_name="../a.pdf")


def test_it_reads_a_case_number():
    assert CaseReference.parse(" 2026 / 123 ") == CaseReference(2026, 123)
    assert str(CaseReference(2026, 7)) == "2026/7"
    with pytest.raises(RecordError, match="YEAR/NUMBER"):
        CaseReference.parse("123")


def test_it_refuses_an_entry_that_cannot_be_archived():
    record = build_record("inquiry")
    with pytest.raises(RecordError, match="record id"):
        replace(record, id="../x")
    with pytest.raises(RecordError, match="title"):
        replace(record, title=" ")
    with pytest.raises(RecordError, match="entry kind"):
        replace(record, kind="note")
    with pytest.raises(RecordError, match="thread"):
        replace(record, thread=())


def test_it_refuses_two_subjects_in_one_thread():
    record = build_record("inquiry")
    with pytest.raises(RecordError, match="only one"):
        replace(record, thread=tuple(replace(item, subject=True) for item in record.thread))
