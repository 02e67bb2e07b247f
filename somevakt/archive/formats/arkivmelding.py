"""The KS Fiks Arkiv V1 message that creates a journal post: `arkivmelding` (opprett).

One journal entry becomes one message with one `registrering` of xsi:type `journalpost`:
journalposttype I for an inquiry referred to case processing, U for the municipality's reply to
one, X for an internal note on content the municipality hid or deleted and for a document of
its own handed in by another part of somevakt (see `records.py`).
The message is placed in the case when the records office has given a case number, otherwise
in the archive part (arkivdel) the municipality configured, otherwise left for the archive to
place. Screening goes on the registration, its document and the correspondence party; the
action and its grounds go in a `merknad`; somevakt's own key goes in `referanseEksternNoekkel`
so that the archive recognises a message it has already received.

Every document is described with `referanseDokumentfil`, the name of the file that lies beside
`arkivmelding.xml` in the message folder (see `outbox.py`), and its SHA-256 and size.
"""

from __future__ import annotations

import re

from lxml import etree

from somevakt.archive.formats.cleaning import clean_text
from somevakt.archive.formats.records import (
    ArchiveDocument,
    JournalRecord,
    iso_oslo,
    oslo,
)

NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
# Elements inside the catalogue's own types (kode, saksnummer, eksternNoekkel) are in its namespace.
MDK = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# somevakt's own business metadata (virksomhetsspesifikkeMetadata) lives in its own namespace.
SOMEVAKT_NS = "urn:somevakt:arkiv:sosiale-medier:1"
MESSAGE_TYPE = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett"
FILE_NAME = "arkivmelding.xml"
FAGSYSTEM = "somevakt"

_UNSAFE_IN_FILE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def document_references(record: JournalRecord) -> list[str]:
    """The names the documents get in the message folder: ASCII, unique, never `arkivmelding.xml`.

    The original name is kept in `filnavn`; this one only has to be safe on any file system.
    """
    names: list[str] = []
    for number, doc in enumerate(record.documents, start=1):
        name = _UNSAFE_IN_FILE_NAME.sub("_", doc.file_name).strip("._") or "dokument"
        if name.lower() == FILE_NAME or name.lower() in (n.lower() for n in names):
            name = f"{number}_{name}"
        names.append(name)
    return names


def _sub(parent: etree._Element, tag: str, text: str | int | None = None, ns: str = NS) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{tag}")
    if text is not None:
        element.text = clean_text(str(text))
    return element


def _code(parent: etree._Element, tag: str, code: str, description: str = "") -> None:
    element = _sub(parent, tag)
    _sub(element, "kode", code, MDK)
    if description:
        _sub(element, "beskrivelse", description, MDK)


def _screening(parent: etree._Element, record: JournalRecord) -> None:
    screening = record.screening
    if not screening.skjermet:
        return
    element = _sub(parent, "skjerming")
    _code(element, "tilgangsrestriksjon", screening.access_code)
    _sub(element, "skjermingshjemmel", screening.legal_basis)


def _document(
    parent: etree._Element, record: JournalRecord, number: int, doc: ArchiveDocument, reference: str
) -> None:
    described = _sub(parent, "dokumentbeskrivelse")
    _code(described, "dokumentstatus", "F", "Dokumentet er ferdigstilt")
    _sub(described, "tittel", doc.title or record.title)
    _sub(described, "opprettetDato", iso_oslo(record.registered_at))
    _sub(described, "opprettetAv", record.created_by)
    _code(
        described,
        "tilknyttetRegistreringSom",
        *(("H", "Hoveddokument") if number == 1 else ("V", "Vedlegg")),
    )
    _sub(described, "dokumentnummer", number)
    _sub(described, "tilknyttetDato", iso_oslo(record.registered_at))
    _sub(described, "tilknyttetAv", record.created_by)
    if record.screening.skjermet:
        _screening(described, record)
    obj = _sub(described, "dokumentobjekt")
    _sub(obj, "versjonsnummer", 1)
    _code(obj, "variantformat", "A", "Arkivformat")
    if doc.format_code:
        _code(obj, "format", doc.format_code, doc.format_name)
    _sub(obj, "mimeType", doc.mime_type)
    _sub(obj, "filnavn", doc.file_name)
    _sub(obj, "referanseDokumentfil", reference)
    _sub(obj, "sjekksum", doc.sha256)
    _sub(obj, "sjekksumAlgoritme", "SHA-256")
    _sub(obj, "filstoerrelse", doc.size)


def _business_metadata(parent: etree._Element, record: JournalRecord) -> None:
    container = _sub(parent, "virksomhetsspesifikkeMetadata")
    root = etree.SubElement(container, f"{{{SOMEVAKT_NS}}}sosialeMedier", nsmap={"sv": SOMEVAKT_NS})

    def add(tag: str, text: str) -> None:
        if text:
            etree.SubElement(root, f"{{{SOMEVAKT_NS}}}{tag}").text = clean_text(text)

    if record.document is not None:
        add("dokument", record.document.label)
    else:
        subject = record.subject
        add("plattform", subject.platform)
        add("konto", subject.account)
        add("plattformID", subject.platform_id)
        add("lenke", subject.permalink)
    add("tiltak", record.action.action)
    for clause in record.action.clauses:
        add("retningslinjepunkt", clause.id)


def build_arkivmelding(record: JournalRecord, *, system: str = "somevakt") -> bytes:
    """The `arkivmelding.xml` for one journal entry, as UTF-8 bytes."""
    root = etree.Element(f"{{{NS}}}arkivmelding", nsmap={None: NS, "n5mdk": MDK, "xsi": XSI})
    _sub(root, "system", system)
    _sub(root, "antallFiler", len(record.documents))

    reg = _sub(root, "registrering")
    reg.set(f"{{{XSI}}}type", "journalpost")
    _sub(reg, "opprettetDato", iso_oslo(record.registered_at))
    _sub(reg, "opprettetAv", record.created_by)
    if record.case is not None:
        folder = _sub(reg, "referanseForelderMappe")
        number = _sub(folder, "saksnummer", ns=MDK)
        _sub(number, "saksaar", record.case.year, MDK)
        _sub(number, "sakssekvensnummer", record.case.sequence, MDK)
    elif record.series:
        _code(reg, "arkivdel", record.series)
    _screening(reg, record)
    for number, (doc, reference) in enumerate(
        zip(record.documents, document_references(record), strict=True), start=1
    ):
        _document(reg, record, number, doc, reference)
    _sub(reg, "tittel", record.title)
    if record.public_title:
        _sub(reg, "offentligTittel", record.public_title)
    _sub(reg, "beskrivelse", record.description)
    _business_metadata(reg, record)

    note = _sub(reg, "merknad")
    _sub(note, "merknadstekst", record.action_summary)
    _code(note, "merknadstype", "MS", "Merknad fra saksbehandler")
    _sub(note, "merknadsdato", iso_oslo(record.action.time))
    _sub(note, "merknadRegistrertAv", record.action.actor)
    if record.screening.skjermet and "MT" in record.screening.metadata:
        _sub(note, "erSkjermet", "true")

    for code, text, name in record.parties:
        party = _sub(reg, "korrespondansepart")
        _code(party, "korrespondanseparttype", code, text)
        _sub(party, "korrespondansepartNavn", name)
        # Screening of names covers the outside sender and recipient, not the municipality's own.
        screened_name = {"EA": "NA", "EM": "NM"}.get(code)
        if record.screening.skjermet and screened_name in record.screening.metadata:
            _sub(party, "erSkjermet", "true")

    if record.classification is not None:
        cls = record.classification
        element = _sub(reg, "klassifikasjon")
        if cls.system_id:
            _sub(element, "klassifikasjonssystemID", cls.system_id)
        _sub(element, "klasseID", cls.class_id)
        if cls.title:
            _sub(element, "tittel", cls.title)

    key = _sub(reg, "referanseEksternNoekkel")
    _sub(key, "fagsystem", FAGSYSTEM, MDK)
    _sub(key, "noekkel", record.id, MDK)

    code, text = record.journalposttype
    _code(reg, "journalposttype", code, text)
    _sub(reg, "journaldato", record.journal_date.isoformat())
    _sub(reg, "dokumentetsDato", oslo(record.document_time).date().isoformat())
    if record.kind == "inquiry":
        _sub(reg, "mottattDato", iso_oslo(record.subject.time))
    elif record.kind == "reply":
        _sub(reg, "sendtDato", iso_oslo(record.subject.time))
    if len(record.documents) > 1:
        _sub(reg, "antallVedlegg", len(record.documents) - 1)

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
