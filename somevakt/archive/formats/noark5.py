"""A Noark 5 archive extract (arkivuttrekk) of one municipality's journal entries for a period.

The folder it writes:

    OUT/arkivuttrekk.xml     ADDML descriptor: record creator, period, counts, SHA-256 of the files
    OUT/arkivstruktur.xml    arkiv > arkivdel > registrering (xsi:type journalpost), per entry
    OUT/endringslogg.xml     metadata changes after registration, and the closing of the period
    OUT/dokumenter/...       the documents, referenced from arkivstruktur.xml with their checksums
    OUT/*.xsd                the Noark 5 schemas, when the caller names a folder to copy them from

Dates are inclusive and in Europe/Oslo. The extract is written to a temporary folder beside OUT
and renamed into place when complete, so a half-written extract never looks complete. OUT must
not exist or be empty. A period with no entries gives a valid, empty extract.

Entries are filed directly in the arkivdel (no case folders: somevakt knows a case only by its
number in the municipality's case archive, which goes in the description). Codes are written as
Noark 5's self-explanatory texts ("Inngående dokument", not "I"), as the standard asks of
extracts. The change log always has one change: the arkivdel's status from "Aktiv periode" to
"Avsluttet periode" when the extract closes the period; endringslogg.xsd needs at least one.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from lxml import etree

from somevakt.archive.formats.cleaning import clean_text
from somevakt.archive.formats.records import (
    OSLO,
    SCREENING_METADATA,
    JournalRecord,
    Municipality,
    RecordError,
    iso_oslo,
    oslo,
)

N5 = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
N5_LOG = "http://www.arkivverket.no/standarder/noark5/endringslogg"
ADDML = "http://www.arkivverket.no/standarder/addml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DOCUMENT_FOLDER = "dokumenter"
SCHEMA_FILES = ("arkivstruktur.xsd", "metadatakatalog.xsd", "endringslogg.xsd")
# Stable system ids: the same entry gets the same ids in every extract it appears in.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:somevakt:noark5")


class ExtractError(ValueError):
    """An extract that cannot be written as asked; the message is one line, fit for a user."""


@dataclass(frozen=True)
class ExtractSummary:
    path: Path
    registrations: int
    documents: int
    changes: int


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The instants [first, after) that the inclusive Oslo dates start..end cover, for queries."""
    if start > end:
        raise ExtractError(f"the period starts ({start}) after it ends ({end})")
    return (
        datetime.combine(start, time(0), tzinfo=OSLO),
        datetime.combine(end + timedelta(days=1), time(0), tzinfo=OSLO),
    )


def _system_id(*parts: object) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, ":".join(str(p) for p in parts)))


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _Builder:
    def __init__(self, ns: str) -> None:
        self.ns = ns

    def sub(self, parent: etree._Element, tag: str, text: str | int | None = None) -> etree._Element:
        element = etree.SubElement(parent, f"{{{self.ns}}}{tag}")
        if text is not None:
            element.text = clean_text(str(text))
        return element


def _check_out(out: Path) -> None:
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise ExtractError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        raise ExtractError(f"{out} exists and is not empty")
    if not out.parent.is_dir():
        raise ExtractError(f"the folder {out.parent} does not exist")


def _ordered(
    records: Iterable[JournalRecord], municipality: Municipality, start: date, end: date
) -> list[JournalRecord]:
    chosen = sorted(records, key=lambda r: (r.registered_at, r.id))
    seen: set[str] = set()
    for record in chosen:
        if record.municipality.org_number != municipality.org_number:
            raise ExtractError(
                f"entry {record.id} belongs to {record.municipality.name}, not {municipality.name}"
            )
        if not start <= record.journal_date <= end:
            raise ExtractError(f"entry {record.id} ({record.journal_date}) is outside {start}–{end}")
        if record.id in seen:
            raise ExtractError(f"entry {record.id} appears twice")
        seen.add(record.id)
    return chosen


def _journal_numbers(records: list[JournalRecord]) -> dict[str, tuple[int, int]]:
    """The archive's journal numbers where its receipt gave them; the rest numbered on, per year."""
    numbers: dict[str, tuple[int, int]] = {}
    highest: dict[int, int] = {}
    for record in records:
        if record.journal_year is not None and record.journal_sequence is not None:
            numbers[record.id] = (record.journal_year, record.journal_sequence)
            highest[record.journal_year] = max(highest.get(record.journal_year, 0), record.journal_sequence)
    for record in records:
        if record.id not in numbers:
            year = record.journal_date.year
            highest[year] = highest.get(year, 0) + 1
            numbers[record.id] = (year, highest[year])
    return numbers


def _registration(
    b: _Builder,
    parent: etree._Element,
    record: JournalRecord,
    number: tuple[int, int],
    documents: dict[tuple[str, int], str],
) -> None:
    reg = b.sub(parent, "registrering")
    reg.set(f"{{{XSI}}}type", "journalpost")
    reg_id = _system_id("registrering", record.municipality.org_number, record.id)
    b.sub(reg, "systemID", reg_id)
    b.sub(reg, "opprettetDato", iso_oslo(record.registered_at))
    b.sub(reg, "opprettetAv", record.created_by)
    b.sub(reg, "arkivertDato", iso_oslo(record.registered_at))
    b.sub(reg, "arkivertAv", record.created_by)
    screening = record.screening

    def screen(where: etree._Element) -> None:
        element = b.sub(where, "skjerming")
        b.sub(element, "tilgangsrestriksjon", screening.access_code)
        b.sub(element, "skjermingshjemmel", screening.legal_basis)
        for code in screening.metadata:
            b.sub(element, "skjermingMetadata", SCREENING_METADATA[code])

    if screening.skjermet:
        screen(reg)
    for index, doc in enumerate(record.documents, start=1):
        described = b.sub(reg, "dokumentbeskrivelse")
        b.sub(described, "systemID", _system_id("dokumentbeskrivelse", reg_id, index))
        b.sub(described, "dokumenttype", "Arkivdokument fra sosiale medier")
        b.sub(described, "dokumentstatus", "Dokumentet er ferdigstilt")
        b.sub(described, "tittel", doc.title or record.title)
        b.sub(described, "opprettetDato", iso_oslo(record.registered_at))
        b.sub(described, "opprettetAv", record.created_by)
        b.sub(described, "tilknyttetRegistreringSom", "Hoveddokument" if index == 1 else "Vedlegg")
        b.sub(described, "dokumentnummer", index)
        b.sub(described, "tilknyttetDato", iso_oslo(record.registered_at))
        b.sub(described, "tilknyttetAv", record.created_by)
        if screening.skjermet:
            screen(described)
        obj = b.sub(described, "dokumentobjekt")
        b.sub(obj, "systemID", _system_id("dokumentobjekt", reg_id, index))
        b.sub(obj, "versjonsnummer", 1)
        b.sub(obj, "variantformat", "Arkivformat")
        b.sub(obj, "format", doc.format_code or doc.mime_type)
        if doc.format_name:
            b.sub(obj, "formatDetaljer", doc.format_name)
        b.sub(obj, "opprettetDato", iso_oslo(record.registered_at))
        b.sub(obj, "opprettetAv", record.created_by)
        b.sub(obj, "referanseDokumentfil", documents[(record.id, index)])
        b.sub(obj, "sjekksum", doc.sha256)
        b.sub(obj, "sjekksumAlgoritme", "SHA-256")
        b.sub(obj, "filstoerrelse", doc.size)
    year, sequence = number
    b.sub(reg, "registreringsID", f"{year}/{sequence}")
    b.sub(reg, "tittel", record.title)
    if record.public_title:
        b.sub(reg, "offentligTittel", record.public_title)
    description = f"{record.description}. "
    if record.document is None:
        description += f"Lenke: {record.subject.permalink}. "
    description += f"somevakt-ID: {record.id}."
    if record.case is not None:
        description += f" Saksnummer i sakarkivet: {record.case}."
    if record.classification is not None:
        description += f" Klassering: {record.classification.class_id}."
    b.sub(reg, "beskrivelse", description)
    b.sub(reg, "dokumentmedium", "Elektronisk arkiv")
    note = b.sub(reg, "merknad")
    b.sub(note, "merknadstekst", record.action_summary)
    b.sub(note, "merknadstype", "Merknad fra saksbehandler")
    b.sub(note, "merknadsdato", iso_oslo(record.action.time))
    b.sub(note, "merknadRegistrertAv", record.action.actor)
    for _code, text, name in record.parties:
        party = b.sub(reg, "korrespondansepart")
        b.sub(party, "korrespondanseparttype", text)
        b.sub(party, "korrespondansepartNavn", name)
    b.sub(reg, "journalaar", year)
    b.sub(reg, "journalsekvensnummer", sequence)
    # Each entry stands alone in the extract, so it is the first journal post of its own.
    b.sub(reg, "journalpostnummer", 1)
    b.sub(reg, "journalposttype", record.journalposttype[1])
    b.sub(reg, "journalstatus", "Journalført")
    b.sub(reg, "journaldato", record.journal_date.isoformat())
    b.sub(reg, "dokumentetsDato", oslo(record.document_time).date().isoformat())
    if record.kind == "inquiry":
        b.sub(reg, "mottattDato", iso_oslo(record.subject.time))
    elif record.kind == "reply":
        b.sub(reg, "sendtDato", iso_oslo(record.subject.time))
    if len(record.documents) > 1:
        b.sub(reg, "antallVedlegg", len(record.documents) - 1)


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _write(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _property(
    b: _Builder, parent: etree._Element, name: str, value: str | None = None, data_type: str = ""
) -> etree._Element:
    prop = b.sub(parent, "property")
    prop.set("name", name)
    if data_type:
        prop.set("dataType", data_type)
    if value is not None:
        b.sub(prop, "value", value)
    return prop


def _properties(b: _Builder, parent: etree._Element) -> etree._Element:
    return b.sub(parent, "properties")


def _file_property(b: _Builder, parent: etree._Element, name: str, checksum: str | None) -> None:
    file_props = _properties(b, _property(b, parent, "file"))
    _property(b, file_props, "name", name)
    fmt = _properties(b, _property(b, file_props, "format", "XML"))
    _property(b, fmt, "version", "1.0")
    if checksum is not None:
        check = _properties(b, _property(b, file_props, "checksum"))
        _property(b, check, "algorithm", "SHA-256")
        _property(b, check, "value", checksum)


def _schema_property(
    b: _Builder, parent: etree._Element, name: str, main: bool, checksum: str | None
) -> None:
    schema = _property(b, parent, "schema", "main" if main else None)
    props = _properties(b, schema)
    _file_property(b, props, name, checksum)
    kind = _properties(b, _property(b, props, "type", "XML Schema"))
    _property(b, kind, "version", "1.0")


def _count_property(b: _Builder, parent: etree._Element, element: str, count: int) -> None:
    occurrences = _properties(b, _property(b, parent, "numberOfOccurrences", element))
    _property(b, occurrences, "elementPath", f"//{element}")
    _property(b, occurrences, "value", str(count), "integer")


def _addml(
    municipality: Municipality,
    start: date,
    end: date,
    system_name: str,
    checksums: dict[str, str],
    registrations: int,
    documents: int,
    changes: int,
    screened: bool,
) -> bytes:
    b = _Builder(ADDML)
    root = etree.Element(f"{{{ADDML}}}addml", nsmap={None: ADDML, "xsi": XSI})
    root.set("name", "Noark 5-arkivuttrekk")
    dataset = b.sub(root, "dataset")
    b.sub(
        dataset, "description", f"Noark 5-arkivuttrekk fra {system_name}: {municipality.name}, {start}–{end}"
    )
    reference = b.sub(dataset, "reference")
    context = b.sub(b.sub(reference, "context"), "additionalElements")
    creators = b.sub(b.sub(context, "additionalElement"), "additionalElements")
    creators.getparent().set("name", "recordCreators")
    creator = b.sub(creators, "additionalElement")
    creator.set("name", "recordCreator")
    b.sub(creator, "value", municipality.name)
    for name, value in (
        ("systemType", "Fagsystem for sosiale medier (Noark 5-uttrekk)"),
        ("systemName", system_name),
        ("archive", f"Sosiale medier – {municipality.name}"),
    ):
        element = b.sub(context, "additionalElement")
        element.set("name", name)
        b.sub(element, "value", value)
    content = b.sub(b.sub(reference, "content"), "additionalElements")
    period = b.sub(content, "additionalElement")
    period.set("name", "archivalPeriod")
    period_props = _properties(b, period)
    _property(b, period_props, "startDate", start.isoformat())
    _property(b, period_props, "endDate", end.isoformat())

    objects = b.sub(dataset, "dataObjects")
    top = b.sub(objects, "dataObject")
    top.set("name", "Noark 5-arkivuttrekk")
    info = _properties(b, _property(b, _properties(b, top), "info"))
    kind = _properties(b, _property(b, info, "type", "Noark 5"))
    _property(b, kind, "version", "5.0")
    extra = _properties(b, _property(b, info, "additionalInfo"))
    cut = _properties(b, _property(b, extra, "periode"))
    _property(b, cut, "inngaaendeSkille", "skarpt")
    _property(b, cut, "utgaaendeSkille", "skarpt")
    for name, flag in (
        ("inneholderSkjermetInformasjon", screened),
        ("omfatterDokumenterSomErKassert", False),
        ("inneholderDokumenterSomSkalKasseres", False),
        ("inneholderVirksomhetsspesifikkeMetadata", False),
    ):
        _property(b, extra, name, "true" if flag else "false", "boolean")
    _property(b, extra, "antallDokumentfiler", str(documents), "integer")

    inner = b.sub(top, "dataObjects")
    for name, schema, counts in (
        ("arkivstruktur", "arkivstruktur.xsd", (("mappe", 0), ("registrering", registrations))),
        ("endringslogg", "endringslogg.xsd", (("endring", changes),)),
    ):
        data_object = b.sub(inner, "dataObject")
        data_object.set("name", name)
        props = _properties(b, data_object)
        _file_property(b, props, f"{name}.xml", checksums[f"{name}.xml"])
        _schema_property(b, props, schema, True, checksums.get(schema))
        _schema_property(b, props, "metadatakatalog.xsd", False, checksums.get("metadatakatalog.xsd"))
        counted = _properties(b, _property(b, props, "info"))
        for element, count in counts:
            _count_property(b, counted, element, count)
    return _xml(root)


def write_extract(
    out: Path | str,
    municipality: Municipality,
    records: Iterable[JournalRecord],
    *,
    start: date,
    end: date,
    now: datetime | None = None,
    created_by: str = "somevakt",
    system_name: str = "somevakt",
    schema_dir: Path | str | None = None,
) -> ExtractSummary:
    """Write the extract of `records` (all of them in start..end, Oslo dates) to `out`.

    Every record's documents must carry their content. `schema_dir`, if given, is the folder
    with Arkivverket's N5 schemas (arkivstruktur.xsd, metadatakatalog.xsd, endringslogg.xsd),
    copied into the extract and checksummed in arkivuttrekk.xml.
    """
    out = Path(out)
    period_bounds(start, end)
    _check_out(out)
    schema_paths: list[Path] = []
    if schema_dir is not None:
        schema_paths = [Path(schema_dir) / name for name in SCHEMA_FILES]
        missing = [str(p) for p in schema_paths if not p.is_file()]
        if missing:
            raise ExtractError(f"Noark 5 schema not found: {', '.join(missing)}")
    chosen = _ordered(records, municipality, start, end)
    numbers = _journal_numbers(chosen)
    when = now or datetime.now(tz=OSLO)
    if when.tzinfo is None:
        raise ExtractError("the extract time must have a time zone")

    temporary = out.parent / f".{out.name}.tmp-{secrets.token_hex(6)}"
    try:
        temporary.mkdir()
    except OSError as exc:
        raise ExtractError(f"could not write the extract beside {out}: {exc}") from exc
    try:
        (temporary / DOCUMENT_FOLDER).mkdir()
        references: dict[tuple[str, int], str] = {}
        document_count = 0
        for record in chosen:
            for index, doc in enumerate(record.documents, start=1):
                try:
                    content = doc.read()
                except RecordError as exc:
                    raise ExtractError(str(exc)) from None
                suffix = Path(doc.file_name).suffix.lower()
                suffix = suffix if suffix[1:].isalnum() else ""
                reference = f"{DOCUMENT_FOLDER}/{record.id}-{index}{suffix}"
                _write(temporary / reference, content)
                references[(record.id, index)] = reference
                document_count += 1

        b = _Builder(N5)
        arkiv = etree.Element(f"{{{N5}}}arkiv", nsmap={None: N5, "xsi": XSI})
        b.sub(arkiv, "systemID", _system_id("arkiv", municipality.org_number))
        b.sub(arkiv, "tittel", f"Sosiale medier – {municipality.name}")
        b.sub(
            arkiv,
            "beskrivelse",
            "Journalførte henvendelser fra kommunens offisielle kontoer i sosiale medier, kommunens svar "
            f"på dem, og dokumentasjon av skjult og slettet innhold, ført i {system_name}.",
        )
        b.sub(arkiv, "arkivstatus", "Avsluttet")
        b.sub(arkiv, "dokumentmedium", "Elektronisk arkiv")
        for tag, value in (
            ("opprettetDato", iso_oslo(when)),
            ("opprettetAv", created_by),
            ("avsluttetDato", iso_oslo(when)),
            ("avsluttetAv", created_by),
        ):
            b.sub(arkiv, tag, value)
        creator = b.sub(arkiv, "arkivskaper")
        b.sub(creator, "arkivskaperID", municipality.org_number)
        b.sub(creator, "arkivskaperNavn", municipality.name)
        part = b.sub(arkiv, "arkivdel")
        part_id = _system_id("arkivdel", municipality.org_number, start, end, iso_oslo(when))
        b.sub(part, "systemID", part_id)
        b.sub(part, "tittel", f"Sosiale medier {start:%d.%m.%Y}–{end:%d.%m.%Y}")
        b.sub(part, "arkivdelstatus", "Avsluttet periode")
        b.sub(part, "dokumentmedium", "Elektronisk arkiv")
        for tag, value in (
            ("opprettetDato", iso_oslo(when)),
            ("opprettetAv", created_by),
            ("avsluttetDato", iso_oslo(when)),
            ("avsluttetAv", created_by),
        ):
            b.sub(part, tag, value)
        b.sub(part, "arkivperiodeStartDato", start.isoformat())
        b.sub(part, "arkivperiodeSluttDato", end.isoformat())
        for record in chosen:
            _registration(b, part, record, numbers[record.id], references)
        _write(temporary / "arkivstruktur.xml", _xml(arkiv))

        log = _Builder(N5_LOG)
        changes = etree.Element(f"{{{N5_LOG}}}endringslogg", nsmap={None: N5_LOG})
        change_rows: list[tuple[str, str, datetime, str, str, str]] = [
            (part_id, "arkivdelstatus", when, created_by, "Aktiv periode", "Avsluttet periode")
        ]
        for record in chosen:
            reg_id = _system_id("registrering", record.municipality.org_number, record.id)
            change_rows.extend((reg_id, c.field, c.at, c.by, c.old, c.new) for c in record.changes)
        for unit, field, at, by, old, new in sorted(change_rows, key=lambda row: oslo(row[2])):
            change = log.sub(changes, "endring")
            log.sub(change, "referanseArkivenhet", unit)
            log.sub(change, "referanseMetadata", field)
            log.sub(change, "endretDato", iso_oslo(at))
            log.sub(change, "endretAv", by)
            log.sub(change, "tidligereVerdi", old)
            log.sub(change, "nyVerdi", new)
        _write(temporary / "endringslogg.xml", _xml(changes))

        for path in schema_paths:
            shutil.copyfile(path, temporary / path.name)
        checksums = {
            name: _sha256_file(temporary / name)
            for name in ("arkivstruktur.xml", "endringslogg.xml", *(p.name for p in schema_paths))
        }
        _write(
            temporary / "arkivuttrekk.xml",
            _addml(
                municipality,
                start,
                end,
                system_name,
                checksums,
                registrations=len(chosen),
                documents=document_count,
                changes=len(change_rows),
                screened=any(r.screening.skjermet for r in chosen),
            ),
        )
        _check_out(out)  # nobody filled OUT while we wrote
        # rename() replaces an empty folder atomically; a half-written extract is never at OUT.
        temporary.rename(out)
    except BaseException as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if isinstance(exc, OSError):
            raise ExtractError(f"could not write the extract to {out}: {exc}") from exc
        raise
    return ExtractSummary(out, len(chosen), document_count, len(change_rows))
