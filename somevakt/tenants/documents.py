"""Documents an app hands to the municipality's journal, without knowing the app that journals them.

The archive journals what has documentation value. Most of it comes from the inbox's event log,
which the archive listens to; but an app beside the archive (publishing: a post removed from the
platform, or kept although a consent behind it lapsed) may not import it, and crisis mode's report
is a document rather than an inbox item. So this module, below them all, names what such a
document is (`JournalDocument`) and offers one call, `journal_document`; the archive registers
the journaler in its `ready()` (`register_journaler`), as the inbox's listeners are registered.

Should the journaler fail (it never undoes the caller's action), the archive's sweep asks every
app that hands documents in for what it would journal (`register_document_source`, called with
the municipality and the sources already journaled) and journals what is missing.

A document is journaled once per `source` (a stable key the app chooses, e.g. `crisis:12:report`):
handing the same document in again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

# The kinds of document an app may hand in; the archive names each as an entry reason.
CRISIS_REPORT = "crisis_report"
POST_REMOVED = "post_removed"
POST_KEPT = "post_kept"
DOCUMENT_KINDS: tuple[str, ...] = (CRISIS_REPORT, POST_REMOVED, POST_KEPT)


@dataclass(frozen=True)
class Section:
    """A part of the document's text: a heading and its lines (plain text, never markup)."""

    heading: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """A file the app already keeps (the crisis report's PDF), archived beside the entry's own
    document with its SHA-256. `format_code` is its PRONOM id (fmt/477 for PDF/A-2b)."""

    file_name: str
    content: bytes = field(repr=False)
    title: str = ""
    mime_type: str = "application/pdf"
    format_code: str = ""
    format_name: str = ""


@dataclass(frozen=True)
class JournalDocument:
    """What the archive needs to journal a document: the texts are bokmål, as the archive keeps
    them. `actor`, `at` and `grounds` say who did what the document records (ended the crisis,
    removed the post) and why; `parties` are the municipality's own people it names, as
    (role, name); `personal_data` says whether it holds a person's data (somevakt then proposes
    screening; the records office decides)."""

    municipality: Any
    source: str
    kind: str
    title: str
    date: dt.datetime
    actor: str
    at: dt.datetime
    grounds: str
    clauses: tuple[str, ...] = ()
    parties: tuple[tuple[str, str], ...] = ()
    sections: tuple[Section, ...] = ()
    attachment: Attachment | None = None
    personal_data: bool = False

    def __post_init__(self) -> None:
        if self.kind not in DOCUMENT_KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}; expected one of {DOCUMENT_KINDS}")
        if not self.source.strip() or not self.title.strip() or not self.grounds.strip():
            raise ValueError("a document for the journal needs its source, title and grounds")


Journaler = Callable[[JournalDocument], Any]
DocumentSource = Callable[[Any, frozenset[str]], list[JournalDocument]]
_journalers: dict[str, Journaler] = {}
_sources: dict[str, DocumentSource] = {}


def _name(func: Callable[..., Any]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def register_journaler(journaler: Journaler) -> Journaler:
    # By name, so a second ready() does not register twice.
    _journalers[_name(journaler)] = journaler
    return journaler


def register_document_source(source: DocumentSource) -> DocumentSource:
    _sources[_name(source)] = source
    return source


def journal_document(document: JournalDocument) -> None:
    """Hand `document` to the journal. A journaler that fails is logged and never undoes the
    caller's action: the archive's sweep journals what it finds missing."""
    for name, journaler in list(_journalers.items()):
        try:
            journaler(document)
        except Exception:
            log.exception("journal: %s failed for %s", name, document.source)


def missing_documents(municipality: Any, journaled: frozenset[str]) -> list[JournalDocument]:
    """What the apps would hand in for `municipality` whose source is not in `journaled`."""
    found: list[JournalDocument] = []
    for name, source in list(_sources.items()):
        try:
            found.extend(doc for doc in source(municipality, journaled) if doc.source not in journaled)
        except Exception:
            log.exception("journal: the document source %s failed", name)
    return found
