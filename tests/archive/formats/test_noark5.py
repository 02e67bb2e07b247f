"""The Noark 5 extract validates against the official schemas, its checksums match its files,
an empty period gives a valid empty extract, and a half-written extract never looks complete."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from somevakt.archive.formats.noark5 import ADDML, N5, ExtractError, period_bounds, write_extract
from somevakt.archive.formats.records import ArchiveDocument, MetadataChange, Screening

from .conftest import GAUSDAL, NOARK5, OSLO, build_record

YEAR = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
NOW = datetime(2027, 1, 2, 9, 0, tzinfo=OSLO)
A = {"n": N5, "a": ADDML}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def records():
    inquiry = build_record("inquiry", record_id="entry-1", screening=Screening.proposed())
    inquiry = replace(
        inquiry,
        changes=(
            MetadataChange(
                "skjerming",
                "Ikke skjermet",
                "Offentleglova § 13",
                "Arkivet",
                inquiry.registered_at + timedelta(1),
            ),
        ),
    )
    return [
        inquiry,
        build_record("reply", record_id="entry-2"),
        build_record("moderation", record_id="entry-3", received=datetime(2026, 6, 1, 22, 30, tzinfo=UTC)),
    ]


@pytest.fixture
def extract(tmp_path):
    out = tmp_path / "uttrekk"
    schema_dir = NOARK5 / "N5" if (NOARK5 / "N5").is_dir() else None
    summary = write_extract(out, GAUSDAL, records(), now=NOW, schema_dir=schema_dir, **YEAR)
    return out, summary


def test_it_writes_files_valid_against_the_official_schemas(extract, noark5_schemas):
    out, summary = extract
    for name, schema in noark5_schemas.items():
        schema.validate(str(out / name))
    assert (summary.registrations, summary.documents, summary.changes) == (3, 3, 2)


def test_it_writes_a_valid_empty_extract_for_a_period_with_nothing_in_it(tmp_path, noark5_schemas):
    out = tmp_path / "tomt"
    summary = write_extract(out, GAUSDAL, [], start=date(2025, 1, 1), end=date(2025, 1, 31), now=NOW)
    for name, schema in noark5_schemas.items():
        schema.validate(str(out / name))
    assert summary.registrations == 0
    assert list((out / "dokumenter").iterdir()) == []
    addml = etree.parse(str(out / "arkivuttrekk.xml"))
    assert addml.find(".//a:property[@name='antallDokumentfiler']/a:value", A).text == "0"


def test_its_descriptor_checksums_match_the_files(extract):
    out, _ = extract
    addml = etree.parse(str(out / "arkivuttrekk.xml"))
    checked = {}
    for file_prop in addml.iterfind(".//a:property[@name='file']", A):
        name = file_prop.find("a:properties/a:property[@name='name']/a:value", A).text
        value = file_prop.find(".//a:property[@name='checksum']//a:property[@name='value']/a:value", A)
        algorithm = file_prop.find(
            ".//a:property[@name='checksum']//a:property[@name='algorithm']/a:value", A
        )
        assert algorithm.text == "SHA-256"
        checked[name] = value.text
        assert sha(out / name) == value.text, name
    assert set(checked) == {
        "arkivstruktur.xml",
        "endringslogg.xml",
        "arkivstruktur.xsd",
        "metadatakatalog.xsd",
        "endringslogg.xsd",
    }


def test_its_document_checksums_sizes_and_counts_match_the_files(extract):
    out, _ = extract
    structure = etree.parse(str(out / "arkivstruktur.xml"))
    objects = structure.findall(".//n:dokumentobjekt", A)
    assert len(objects) == 3
    for obj in objects:
        path = out / obj.findtext("n:referanseDokumentfil", namespaces=A)
        assert sha(path) == obj.findtext("n:sjekksum", namespaces=A)
        assert path.stat().st_size == int(obj.findtext("n:filstoerrelse", namespaces=A))
        assert obj.findtext("n:sjekksumAlgoritme", namespaces=A) == "SHA-256"
    addml = etree.parse(str(out / "arkivuttrekk.xml"))
    files = len(list((out / "dokumenter").iterdir()))
    assert addml.find(".//a:property[@name='antallDokumentfiler']/a:value", A).text == str(files) == "3"
    counts = {
        p.findtext("a:value", namespaces=A): p.findtext(
            "a:properties/a:property[@name='value']/a:value", namespaces=A
        )
        for p in addml.iterfind(".//a:property[@name='numberOfOccurrences']", A)
    }
    assert counts == {"mappe": "0", "registrering": "3", "endring": "2"}
    assert len(structure.findall(".//n:registrering", A)) == 3
    assert len(etree.parse(str(out / "endringslogg.xml")).getroot()) == 2


def test_it_writes_noark_texts_not_codes_and_the_screening(extract):
    out, _ = extract
    regs = etree.parse(str(out / "arkivstruktur.xml")).findall(".//n:registrering", A)
    types = [r.findtext("n:journalposttype", namespaces=A) for r in regs]
    assert types == ["Inngående dokument", "Utgående dokument", "Organinternt dokument uten oppfølging"]
    first = regs[0]
    assert (
        first.findtext("n:skjerming/n:skjermingshjemmel", namespaces=A)
        == "Offentleglova § 13 jf. forvaltningsloven § 13"
    )
    assert first.findtext("n:skjerming/n:skjermingMetadata", namespaces=A) == "Skjerming navn avsender"
    assert first.findtext("n:korrespondansepart/n:korrespondanseparttype", namespaces=A) == "Avsender"
    assert "Henvist til formell henvendelse" in first.findtext("n:merknad/n:merknadstekst", namespaces=A)
    addml = etree.parse(str(out / "arkivuttrekk.xml"))
    screened = addml.find(".//a:property[@name='inneholderSkjermetInformasjon']/a:value", A)
    assert screened.text == "true"


def test_it_gives_the_same_entry_the_same_system_id_in_every_extract(tmp_path):
    ids = []
    for name in ("a", "b"):
        write_extract(tmp_path / name, GAUSDAL, records(), now=NOW, **YEAR)
        structure = etree.parse(str(tmp_path / name / "arkivstruktur.xml"))
        ids.append(
            [r.findtext("n:systemID", namespaces=A) for r in structure.iterfind(".//n:registrering", A)]
        )
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == 3


def test_it_keeps_the_archive_s_journal_numbers_and_numbers_the_rest_after_them(tmp_path):
    numbered = replace(build_record("inquiry", record_id="entry-1"), journal_year=2026, journal_sequence=1234)
    unnumbered = build_record(
        "moderation", record_id="entry-2", received=datetime(2026, 2, 1, 12, tzinfo=OSLO)
    )
    write_extract(tmp_path / "u", GAUSDAL, [numbered, unnumbered], now=NOW, **YEAR)
    regs = etree.parse(str(tmp_path / "u" / "arkivstruktur.xml")).findall(".//n:registrering", A)
    numbers = {r.findtext("n:registreringsID", namespaces=A) for r in regs}
    assert numbers == {"2026/1234", "2026/1235"}


def test_its_dates_are_inclusive_days_in_oslo(tmp_path):
    # 23:30 in Oslo on New Year's Eve is 22:30 UTC; ten past midnight on 1 January is still 2026 in UTC.
    late = build_record("inquiry", record_id="late", received=datetime(2026, 12, 31, 23, 30, tzinfo=OSLO))
    late = replace(late, registered_at=datetime(2026, 12, 31, 22, 30, tzinfo=UTC))
    early = replace(
        build_record("inquiry", record_id="early"), registered_at=datetime(2026, 12, 31, 23, 10, tzinfo=UTC)
    )
    write_extract(tmp_path / "in", GAUSDAL, [late], now=NOW, **YEAR)
    with pytest.raises(ExtractError, match="outside"):
        write_extract(tmp_path / "out", GAUSDAL, [early], now=NOW, **YEAR)
    first, after = period_bounds(date(2026, 3, 29), date(2026, 3, 29))
    assert after.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=23)  # summer time begins
    assert first.isoformat() == "2026-03-29T00:00:00+01:00"


@pytest.mark.parametrize("kind", ["not-empty", "file"])
def test_it_refuses_an_out_that_is_not_an_empty_folder_and_writes_nothing(tmp_path, kind):
    out = tmp_path / "uttrekk"
    if kind == "not-empty":
        out.mkdir()
        (out / "gammelt.txt").write_text("fra før")
    else:
        out.write_text("en fil")
    with pytest.raises(ExtractError) as caught:
        write_extract(out, GAUSDAL, records(), now=NOW, **YEAR)
    assert str(out) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uttrekk"]


def test_it_writes_into_an_existing_empty_folder(tmp_path):
    out = tmp_path / "uttrekk"
    out.mkdir()
    write_extract(out, GAUSDAL, records(), now=NOW, **YEAR)
    assert (out / "arkivuttrekk.xml").is_file()


def test_a_failed_extract_leaves_neither_out_nor_a_temporary_folder(tmp_path):
    unloaded = replace(
        build_record("inquiry"),
        documents=(ArchiveDocument("x.pdf", "application/pdf", "0" * 64, 10),),
    )
    with pytest.raises(ExtractError, match="not loaded"):
        write_extract(tmp_path / "uttrekk", GAUSDAL, [unloaded], now=NOW, **YEAR)
    assert list(tmp_path.iterdir()) == []


def test_it_refuses_a_period_that_ends_before_it_starts(tmp_path):
    with pytest.raises(ExtractError, match="after it ends"):
        write_extract(tmp_path / "u", GAUSDAL, [], start=date(2026, 2, 1), end=date(2026, 1, 1), now=NOW)


def test_it_refuses_another_municipality_s_entries(tmp_path):
    from somevakt.archive.formats.records import Municipality

    other = replace(build_record("inquiry"), municipality=Municipality("Båtsfjord kommune", "944980571"))
    with pytest.raises(ExtractError, match="Båtsfjord kommune"):
        write_extract(tmp_path / "u", GAUSDAL, [other], now=NOW, **YEAR)


def test_it_says_which_schema_is_missing(tmp_path):
    with pytest.raises(ExtractError, match=r"arkivstruktur\.xsd"):
        write_extract(tmp_path / "u", GAUSDAL, [], now=NOW, schema_dir=tmp_path, **YEAR)
    assert not (tmp_path / "u").exists()


def test_a_real_capture_travels_through_the_message_and_the_extract_unchanged(tmp_path, noark5_schemas):
    from somevakt.archive.formats.capture import capture
    from somevakt.archive.formats.outbox import OutboxTransport, OutgoingMessage

    record = build_record("inquiry", with_document=False, screening=Screening.proposed())
    record = replace(record, documents=(capture(record, generated_at=NOW),))
    OutboxTransport(tmp_path / "outbox").send(OutgoingMessage.for_record(record))
    write_extract(tmp_path / "uttrekk", GAUSDAL, [record], now=NOW, **YEAR)
    sent = tmp_path / "outbox" / record.id / record.documents[0].file_name
    kept = tmp_path / "uttrekk" / "dokumenter" / f"{record.id}-1.pdf"
    assert sha(sent) == sha(kept) == record.documents[0].sha256
    noark5_schemas["arkivstruktur.xml"].validate(str(tmp_path / "uttrekk" / "arkivstruktur.xml"))
