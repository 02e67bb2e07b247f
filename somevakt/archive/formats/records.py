"""The plain records every archive format is built from.

A `JournalRecord` is one journal entry as the archive sees it: whose record it is (the
municipality), what it is called, how it is classified and screened, the thread as it stood
when it was captured, what the municipality did and on which grounds, and the documents that
go with it. The Django archive app fills these from its models; the formats never see a model.

Which journal post type an entry becomes is decided here, once, from its kind:

- `inquiry`: a comment or message that needs formal case processing (referred to the
  municipality's ordinary channels). It is addressed to the municipality, so it is an
  incoming document, journalposttype I, with its author as sender.
- `reply`: the municipality's own answer to such an inquiry: an outgoing document, U, with the
  author it answers as recipient.
- `moderation`: content the municipality hid or deleted. The content was not addressed to the
  municipality as a case; what is archived is the municipality's own documentation of what it
  removed and why: an internal note without follow-up, X.

- `document`: a document of the municipality's own that another part of somevakt hands in (a
  crisis report, a post removed from the platform or kept although a consent lapsed): an
  internal document without follow-up, X, with the municipality's people it names as internal
  parties. It has no thread; its `document` (a `DocumentSubject`) says what it is.

An item that is both referred and hidden (someone posts their own fødselsnummer with a
question) is an `inquiry`; the hiding is recorded in its action and grounds.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.no import orgnr

from somevakt.archive.formats.cleaning import safe_permalink

OSLO = ZoneInfo("Europe/Oslo")

EntryKind = Literal["inquiry", "reply", "moderation", "document"]
ENTRY_KINDS: tuple[str, ...] = ("inquiry", "reply", "moderation", "document")

# Noark 5 code lists (kode, the text Noark 5 extracts use instead of the code).
JOURNALPOST_TYPES: dict[str, tuple[str, str]] = {
    "inquiry": ("I", "Inngående dokument"),
    "reply": ("U", "Utgående dokument"),
    "moderation": ("X", "Organinternt dokument uten oppfølging"),
    "document": ("X", "Organinternt dokument uten oppfølging"),
}
SCREENING_METADATA: dict[str, str] = {
    "TR1": "Skjerming tittel registrering - unntatt første linje",
    "TRO": "Skjerming tittel registrering - utvalgte ord",
    "NA": "Skjerming navn avsender",
    "NM": "Skjerming navn mottaker",
    "TD": "Skjerming tittel dokumentbeskrivelse",
    "MT": "Skjerming merknadstekst",
}
# The inbox's actions as the archived documents name them (bokmål).
ACTION_LABELS = {
    "refer_formal": "Henvist til formell henvendelse og saksbehandling",
    "refer_political": "Henvist til politisk nivå",
    "hide": "Skjult",
    "delete": "Slettet",
    "reply": "Besvart",
    "thank": "Takket",
    "escalate_manager": "Løftet til nærmeste leder",
    "escalate_crisis": "Løftet til kriseledelsen",
    "none": "Ingen handling",
    "crisis_report": "Krisemodus avsluttet; rapporten arkivert",
    "post_removed": "Innlegg fjernet fra plattformen",
    "post_kept": "Innlegg beholdt på plattformen selv om et samtykke er falt bort",
}
VISIBILITIES: tuple[str, ...] = ("visible", "hidden", "deleted")

# What somevakt proposes when a duty of confidentiality applies; the records office decides.
CONFIDENTIALITY_BASIS = "Offentleglova § 13 jf. forvaltningsloven § 13"

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class RecordError(ValueError):
    """A record that cannot be archived as it is; the message is one line, fit for a user."""


def _require_aware(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise RecordError(f"{what} must have a time zone: {value.isoformat()}")


def oslo(value: datetime) -> datetime:
    """The same instant on the clock in Norway, where the archive reads it."""
    return value.astimezone(OSLO)


def iso_oslo(value: datetime) -> str:
    """An xs:dateTime in Norwegian time with its offset, to the second."""
    return oslo(value).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Municipality:
    """The record creator (arkivskaper): the municipality, identified by its organisation number."""

    name: str
    org_number: str
    slug: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise RecordError("the municipality has no name")
        try:
            compact = orgnr.validate(self.org_number)
        except StdnumValidationError:
            raise RecordError(f"not a valid organisation number: {self.org_number!r}") from None
        object.__setattr__(self, "org_number", compact)


@dataclass(frozen=True)
class ThreadItem:
    """One message of the thread as it stood: who wrote it, when, where, and what it said.

    `by_municipality` marks the municipality's own replies and posts; `subject` marks the item
    the journal entry is about; `visibility` is what the public could see when it was captured.
    """

    author: str
    time: datetime
    text: str
    permalink: str
    platform: str
    account: str
    platform_id: str = ""
    by_municipality: bool = False
    subject: bool = False
    visibility: str = "visible"

    def __post_init__(self) -> None:
        _require_aware(self.time, "the time of a thread item")
        # A `javascript:` or foreign link never reaches the XML, the PDF or the entry page.
        object.__setattr__(self, "permalink", safe_permalink(self.permalink, self.platform))
        if self.visibility not in VISIBILITIES:
            raise RecordError(f"unknown visibility {self.visibility!r}; expected one of {VISIBILITIES}")


@dataclass(frozen=True)
class DocumentSection:
    """A part of a document's text: a heading and its lines, plain text."""

    heading: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentSubject:
    """What a `document` entry is about: the kind of document (in words, bokmål), its date, the
    municipality's people it names as (role, name), and its text in sections."""

    label: str
    date: datetime
    parties: tuple[tuple[str, str], ...] = ()
    sections: tuple[DocumentSection, ...] = ()

    def __post_init__(self) -> None:
        _require_aware(self.date, "the date of a document")
        if not self.label.strip():
            raise RecordError("a document needs to say what it is")


@dataclass(frozen=True)
class CitedClause:
    """A clause of the municipality's own guideline, by id (`gausdal:offisielle-kontoer-1`),
    with the pack's paraphrase so the archived document can be read without the pack."""

    id: str
    summary: str = ""


@dataclass(frozen=True)
class Action:
    """What the municipality did (an inbox action: refer_formal, hide, delete, reply, ...),
    who did it and when, and on which grounds."""

    action: str
    actor: str
    time: datetime
    grounds: str
    clauses: tuple[CitedClause, ...] = ()

    def __post_init__(self) -> None:
        _require_aware(self.time, "the time of the action")
        if not self.grounds.strip():
            raise RecordError("an archived action must state its grounds")


@dataclass(frozen=True)
class Screening:
    """Skjerming: whether the entry is exempt from public access, and on which legal basis.

    `access_code` is the archive system's tilgangskode (tilgangsrestriksjon); `metadata` lists
    the Noark 5 skjermingMetadata codes (keys of SCREENING_METADATA) that are screened.
    """

    skjermet: bool = False
    legal_basis: str = ""
    access_code: str = "13"
    metadata: tuple[str, ...] = ("NA", "NM")

    def __post_init__(self) -> None:
        if not self.skjermet:
            return
        if not self.legal_basis.strip():
            raise RecordError("a screened entry needs its legal basis (skjermingshjemmel)")
        if not self.access_code.strip():
            raise RecordError("a screened entry needs an access code (tilgangsrestriksjon)")
        unknown = [code for code in self.metadata if code not in SCREENING_METADATA]
        if unknown or not self.metadata:
            raise RecordError(f"unknown or missing screened metadata: {unknown or '(none)'}")

    @classmethod
    def proposed(cls) -> Screening:
        """What somevakt proposes where a duty of confidentiality applies."""
        return cls(skjermet=True, legal_basis=CONFIDENTIALITY_BASIS)


@dataclass(frozen=True)
class Classification:
    """The archive key (klasse) the entry is filed under, in a named classification system."""

    class_id: str
    system_id: str = ""
    title: str = ""

    def __post_init__(self) -> None:
        if not self.class_id.strip():
            raise RecordError("a classification needs a class id")


@dataclass(frozen=True)
class CaseReference:
    """A case number in the archive system (saksnummer), e.g. 2026/123."""

    year: int
    sequence: int

    def __post_init__(self) -> None:
        if not (1900 <= self.year <= 9999) or self.sequence < 1:
            raise RecordError(f"not a case number: {self.year}/{self.sequence}")

    def __str__(self) -> str:
        return f"{self.year}/{self.sequence}"

    @classmethod
    def parse(cls, text: str) -> CaseReference:
        match = re.fullmatch(r"\s*(\d{4})\s*/\s*(\d+)\s*", text)
        if not match:
            raise RecordError(f"not a case number (expected YEAR/NUMBER): {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class ArchiveDocument:
    """A document of the entry: its file name, type, checksum and size, and optionally its bytes.

    `format_code` is the PRONOM id the archive records (fmt/477 for PDF/A-2b).
    """

    file_name: str
    mime_type: str
    sha256: str
    size: int
    title: str = ""
    format_code: str = ""
    format_name: str = ""
    content: bytes | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.file_name.strip() or "/" in self.file_name or "\\" in self.file_name:
            raise RecordError(f"not a plain file name: {self.file_name!r}")
        if not _SHA256.match(self.sha256):
            raise RecordError(f"not a lower-case hex SHA-256: {self.sha256!r}")
        if self.size < 0:
            raise RecordError("a document cannot have a negative size")
        if self.content is not None and (
            len(self.content) != self.size or hashlib.sha256(self.content).hexdigest() != self.sha256
        ):
            raise RecordError(f"{self.file_name}: the content does not match its size and checksum")

    @classmethod
    def from_bytes(
        cls,
        file_name: str,
        mime_type: str,
        content: bytes,
        *,
        title: str = "",
        format_code: str = "",
        format_name: str = "",
    ) -> ArchiveDocument:
        return cls(
            file_name=file_name,
            mime_type=mime_type,
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
            title=title,
            format_code=format_code,
            format_name=format_name,
            content=content,
        )

    def read(self) -> bytes:
        if self.content is None:
            raise RecordError(f"{self.file_name}: the document's content was not loaded")
        return self.content


@dataclass(frozen=True)
class MetadataChange:
    """A change to the entry's metadata after it was registered (for the Noark 5 change log):
    `field` is the Noark 5 element name (tittel, skjerming, ...)."""

    field: str
    old: str
    new: str
    by: str
    at: datetime

    def __post_init__(self) -> None:
        _require_aware(self.at, "the time of a change")
        if not (self.field and self.old and self.new and self.by):
            raise RecordError("a metadata change needs its field, old and new value, and who made it")


@dataclass(frozen=True)
class JournalRecord:
    """One journal entry, ready for any of the archive formats.

    `id` is somevakt's stable key for the entry (it becomes the external key the archive
    system stores, and seeds the Noark 5 system ids, so re-exports are stable). `series` is the
    archive system's arkivdel code for entries filed without a case. `journal_year` and
    `journal_sequence` are the archive's own journal number once its receipt has come.
    """

    id: str
    municipality: Municipality
    kind: str
    title: str
    thread: tuple[ThreadItem, ...]
    action: Action
    registered_at: datetime
    created_by: str = "somevakt"
    public_title: str = ""
    case: CaseReference | None = None
    classification: Classification | None = None
    screening: Screening = field(default_factory=Screening)
    documents: tuple[ArchiveDocument, ...] = ()
    series: str = ""
    journal_year: int | None = None
    journal_sequence: int | None = None
    changes: tuple[MetadataChange, ...] = ()
    # The correspondent's name as the records office corrected it; empty: as the person wrote it.
    counterpart_name: str = ""
    # A `document` entry's document (it has no thread).
    document: DocumentSubject | None = None

    def __post_init__(self) -> None:
        if not _SAFE_ID.match(self.id):
            raise RecordError(f"not a usable record id (letters, digits, . _ -): {self.id!r}")
        if self.kind not in ENTRY_KINDS:
            raise RecordError(f"unknown entry kind {self.kind!r}; expected one of {ENTRY_KINDS}")
        if not self.title.strip():
            raise RecordError("a journal entry needs a title")
        if (self.kind == "document") != (self.document is not None):
            raise RecordError("a document entry, and only one, describes its document")
        if not self.thread and self.document is None:
            raise RecordError("a journal entry needs the thread it is about")
        _require_aware(self.registered_at, "the registration time")
        if sum(item.subject for item in self.thread) > 1:
            raise RecordError("only one thread item can be the subject of an entry")
        names = [doc.file_name for doc in self.documents]
        if len(set(names)) != len(names):
            raise RecordError("two documents of one entry have the same file name")
        if (self.journal_year is None) != (self.journal_sequence is None):
            raise RecordError("a journal number needs both its year and its sequence number")

    @property
    def journal_date(self) -> date:
        return oslo(self.registered_at).date()

    @property
    def journalposttype(self) -> tuple[str, str]:
        """(code, Noark 5 text) of the journal post type this entry becomes."""
        return JOURNALPOST_TYPES[self.kind]

    @property
    def action_summary(self) -> str:
        """The action, who did it and when, its grounds and cited clauses, in one text (merknad)."""
        action = self.action
        label = ACTION_LABELS.get(action.action, action.action)
        text = f"{label} av {action.actor} {oslo(action.time):%d.%m.%Y %H.%M}. Begrunnelse: {action.grounds}"
        if action.clauses:
            cited = "; ".join(f"{c.id} ({c.summary})" if c.summary else c.id for c in action.clauses)
            text += f" Retningslinjer: {cited}"
        return text

    @property
    def subject(self) -> ThreadItem:
        """The thread item the entry is about: the one marked, else the first."""
        for item in self.thread:
            if item.subject:
                return item
        return self.thread[0]

    @property
    def document_time(self) -> datetime:
        """When the document the entry is about was made: the subject message's time, or the
        handed-in document's date (dokumentetsDato)."""
        return self.document.date if self.document is not None else self.subject.time

    @property
    def description(self) -> str:
        """A short description of what the entry is about (beskrivelse)."""
        if self.document is not None:
            return f"{self.document.label} {oslo(self.document.date):%d.%m.%Y %H.%M}"
        subject = self.subject
        return f"Melding på {subject.platform} ({subject.account}) {oslo(subject.time):%d.%m.%Y %H.%M}"

    @property
    def parties(self) -> list[tuple[str, str, str]]:
        """(korrespondanseparttype code, its text, name) of every party: the external one of an
        inquiry or a reply, or the municipality's own people a document names (intern avsender)."""
        if self.document is not None:
            return [("IA", "Intern avsender", f"{name} ({role})") for role, name in self.document.parties]
        counterpart = self.counterpart
        return [counterpart] if counterpart is not None else []

    @property
    def counterpart(self) -> tuple[str, str, str] | None:
        """(korrespondanseparttype code, its text, name) of the external party, if any.

        An inquiry's sender is the subject's author; a reply's recipient is the author of the
        newest item by someone else before the reply. A moderation note has no external party.
        """
        if self.kind == "inquiry":
            return ("EA", "Avsender", self.counterpart_name or self.subject.author)
        if self.kind == "reply":
            subject = self.subject
            earlier = [i for i in self.thread if not i.by_municipality and i.time <= subject.time]
            if earlier:
                return ("EM", "Mottaker", self.counterpart_name or max(earlier, key=lambda i: i.time).author)
        return None
