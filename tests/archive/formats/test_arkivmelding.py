"""The Fiks Arkiv `arkivmelding` is valid against the official schema and says what the
archive needs: the journal post type, the parties, the screening, the action and the files."""

from __future__ import annotations

from dataclasses import replace

import pytest
from lxml import etree

from somevakt.archive.formats.arkivmelding import (
    MDK,
    NS,
    build_arkivmelding,
    document_references,
)
from somevakt.archive.formats.records import (
    ArchiveDocument,
    CaseReference,
    Classification,
    Screening,
)

from .conftest import needs_fiks_schemas

N = {"a": NS, "m": MDK}


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def text(root: etree._Element, path: str) -> str | None:
    found = root.find(path, N)
    return None if found is None else found.text


@needs_fiks_schemas
@pytest.mark.parametrize("kind", ["inquiry", "reply", "moderation"])
@pytest.mark.parametrize("screened", [False, True])
def test_it_is_valid_against_the_fiks_arkiv_schema(kind, screened, make_record, arkivmelding_schema):
    record = make_record(kind, screening=Screening.proposed() if screened else None)
    arkivmelding_schema.validate(build_arkivmelding(record).decode())


@needs_fiks_schemas
def test_it_is_valid_with_a_case_a_classification_and_attachments(make_record, arkivmelding_schema):
    record = make_record("inquiry")
    attachment = ArchiveDocument.from_bytes("skjermbilde av tråden.png", "image/png", b"\x89PNG fake")
    record = replace(
        record,
        case=CaseReference.parse("2026/123"),
        classification=Classification("A10", "ORD", "Barnehage"),
        public_title="Henvendelse om barnehageplass via Facebook",
        documents=(*record.documents, attachment),
    )
    data = build_arkivmelding(record)
    arkivmelding_schema.validate(data.decode())
    root = parse(data)
    assert text(root, "a:registrering/a:referanseForelderMappe/m:saksnummer/m:saksaar") == "2026"
    assert text(root, "a:registrering/a:referanseForelderMappe/m:saksnummer/m:sakssekvensnummer") == "123"
    assert text(root, "a:registrering/a:klassifikasjon/a:klasseID") == "A10"
    assert text(root, "a:registrering/a:antallVedlegg") == "1"
    roles = [
        e.text
        for e in root.iterfind("a:registrering/a:dokumentbeskrivelse/a:tilknyttetRegistreringSom/m:kode", N)
    ]
    assert roles == ["H", "V"]


@needs_fiks_schemas
def test_it_is_valid_when_filed_in_an_archive_part_without_a_case(make_record, arkivmelding_schema):
    data = build_arkivmelding(make_record("moderation", series="SOME"))
    arkivmelding_schema.validate(data.decode())
    assert text(parse(data), "a:registrering/a:arkivdel/m:kode") == "SOME"


@needs_fiks_schemas
def test_the_schema_check_rejects_a_message_without_a_journal_post_type(make_record, arkivmelding_schema):
    root = parse(build_arkivmelding(make_record("inquiry")))
    reg = root.find("a:registrering", N)
    reg.remove(reg.find("a:journalposttype", N))
    assert not arkivmelding_schema.is_valid(etree.tostring(root).decode())


def test_it_makes_an_inquiry_an_incoming_journal_post_from_its_author(make_record):
    root = parse(build_arkivmelding(make_record("inquiry")))
    reg = root.find("a:registrering", N)
    assert reg.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "journalpost"
    assert text(reg, "a:journalposttype/m:kode") == "I"
    assert text(reg, "a:korrespondansepart/a:korrespondanseparttype/m:kode") == "EA"
    assert text(reg, "a:korrespondansepart/a:korrespondansepartNavn") == "Kari Nordmann"
    assert text(reg, "a:mottattDato") == "2026-03-04T10:00:00+01:00"


def test_it_makes_a_reply_an_outgoing_journal_post_to_the_author_it_answers(make_record):
    reg = parse(build_arkivmelding(make_record("reply"))).find("a:registrering", N)
    assert text(reg, "a:journalposttype/m:kode") == "U"
    assert text(reg, "a:korrespondansepart/a:korrespondanseparttype/m:kode") == "EM"
    assert text(reg, "a:korrespondansepart/a:korrespondansepartNavn") == "Kari Nordmann"
    assert text(reg, "a:sendtDato") == "2026-03-04T12:00:00+01:00"


def test_it_makes_deleted_content_an_internal_note_with_no_outside_party(make_record):
    reg = parse(build_arkivmelding(make_record("moderation"))).find("a:registrering", N)
    assert text(reg, "a:journalposttype/m:kode") == "X"
    assert text(reg, "a:journalposttype/m:beskrivelse") == "Organinternt dokument uten oppfølging"
    assert reg.find("a:korrespondansepart", N) is None
    assert reg.find("a:mottattDato", N) is None


def test_it_records_the_screening_and_its_legal_basis(make_record):
    record = make_record("inquiry", screening=Screening.proposed())
    reg = parse(build_arkivmelding(record)).find("a:registrering", N)
    for where in ("a:skjerming", "a:dokumentbeskrivelse/a:skjerming"):
        assert text(reg, f"{where}/a:tilgangsrestriksjon/m:kode") == "13"
        assert text(reg, f"{where}/a:skjermingshjemmel") == "Offentleglova § 13 jf. forvaltningsloven § 13"
    assert text(reg, "a:korrespondansepart/a:erSkjermet") == "true"


def test_it_has_no_screening_when_the_entry_is_not_screened(make_record):
    reg = parse(build_arkivmelding(make_record("inquiry"))).find("a:registrering", N)
    assert reg.find(".//a:skjerming", N) is None
    assert reg.find("a:korrespondansepart/a:erSkjermet", N) is None


def test_it_describes_each_document_by_the_file_beside_the_message(make_record):
    record = make_record("inquiry")
    doc = record.documents[0]
    root = parse(build_arkivmelding(record))
    obj = root.find("a:registrering/a:dokumentbeskrivelse/a:dokumentobjekt", N)
    assert text(root, "a:antallFiler") == "1"
    assert text(obj, "a:referanseDokumentfil") == "somevakt-entry-1.pdf"
    assert text(obj, "a:filnavn") == doc.file_name
    assert text(obj, "a:sjekksum") == doc.sha256
    assert text(obj, "a:sjekksumAlgoritme") == "SHA-256"
    assert text(obj, "a:filstoerrelse") == str(doc.size)
    assert text(obj, "a:format/m:kode") == "fmt/477"
    assert text(obj, "a:mimeType") == "application/pdf"


def test_it_gives_documents_safe_and_distinct_file_names_in_the_message_folder(make_record):
    docs = tuple(
        ArchiveDocument.from_bytes(name, "application/pdf", name.encode())
        for name in ("Tråd på Facebook.pdf", "Tr_d_p_Facebook.pdf", "arkivmelding.xml", "..")
    )
    record = replace(make_record("inquiry"), documents=docs)
    names = document_references(record)
    assert len(set(n.lower() for n in names)) == 4
    assert "arkivmelding.xml" not in names
    assert all(n.isascii() and "/" not in n and not n.startswith(".") for n in names)


def test_it_puts_the_action_its_grounds_and_clauses_in_a_note(make_record):
    note = text(
        parse(build_arkivmelding(make_record("moderation"))), "a:registrering/a:merknad/a:merknadstekst"
    )
    assert note.startswith("Slettet av Ola Hansen 04.03.2026 10.30.")
    assert "Trussel mot navngitt ansatt" in note
    assert "batsfjord:4.4" in note


def test_it_keeps_somevakt_s_key_so_the_archive_recognises_a_resent_message(make_record):
    reg = parse(build_arkivmelding(make_record("inquiry", record_id="je-42"))).find("a:registrering", N)
    assert text(reg, "a:referanseEksternNoekkel/m:fagsystem") == "somevakt"
    assert text(reg, "a:referanseEksternNoekkel/m:noekkel") == "je-42"


def test_it_keeps_markup_in_titles_and_grounds_as_text(make_record):
    record = make_record("moderation", title="<b>Slettet</b> & fjernet")
    root = parse(build_arkivmelding(record))
    assert text(root, "a:registrering/a:tittel") == "<b>Slettet</b> & fjernet"
