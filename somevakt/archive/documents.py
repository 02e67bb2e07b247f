"""Journal entries for documents other apps hand in (tenants.documents): a crisis report, a post
removed from the platform or kept although a consent behind it lapsed.

The archive registers `journal_document` as the journaler in its `ready()`; the apps never
import the archive. One entry per (municipality, source): a document handed in again, by the
app or by the sweep, is the entry already made. The entry is an internal document (X) whose
subject is the document, not an inbox item; it is captured, screened and delivered like every
other entry.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.db import IntegrityError, transaction

from somevakt.archive.formats.records import CONFIDENTIALITY_BASIS
from somevakt.archive.models import EntryKind, JournalEntry
from somevakt.tenants.documents import DOCUMENT_KINDS, JournalDocument, missing_documents
from somevakt.tenants.models import Municipality

log = logging.getLogger(__name__)


def _fixed(document: JournalDocument) -> dict[str, Any]:
    """The document as the entry keeps it (JSON, the attachment's bytes apart)."""
    attachment = document.attachment
    return {
        "kind": document.kind,
        "date": document.date.isoformat(),
        "actor": document.actor,
        "at": document.at.isoformat(),
        "grounds": document.grounds,
        "clauses": list(document.clauses),
        "parties": [list(party) for party in document.parties],
        "sections": [{"heading": s.heading, "lines": list(s.lines)} for s in document.sections],
        "attachment": {
            "file_name": attachment.file_name,
            "title": attachment.title,
            "mime_type": attachment.mime_type,
            "format_code": attachment.format_code,
            "format_name": attachment.format_name,
            "sha256": hashlib.sha256(attachment.content).hexdigest(),
            "size": len(attachment.content),
        }
        if attachment is not None
        else None,
    }


def journal_document(document: JournalDocument) -> JournalEntry:
    """The entry for `document`: made now, or the one made before for its source."""
    municipality_id = getattr(document.municipality, "pk", document.municipality)
    found = JournalEntry.objects.filter(
        municipality_id=municipality_id, document_source=document.source
    ).first()
    if found is not None:
        return found
    screen = document.personal_data
    try:
        with transaction.atomic():
            return JournalEntry.objects.create(
                municipality_id=municipality_id,
                document_source=document.source,
                document=_fixed(document),
                attachment=document.attachment.content if document.attachment is not None else None,
                reason=document.kind,
                kind=EntryKind.DOCUMENT,
                title=document.title[:300],
                proposed_screening=screen,
                proposed_basis=CONFIDENTIALITY_BASIS if screen else "",
            )
    except IntegrityError:
        # Journaled at the same moment by someone else (the worker's sweep): theirs stands.
        return JournalEntry.objects.get(municipality_id=municipality_id, document_source=document.source)


def sweep_documents(municipality: Any = None) -> int:
    """Journal the documents the apps would hand in that have no entry yet; how many were made."""
    municipalities = [municipality] if municipality is not None else list(Municipality.objects.all())
    made = 0
    for one in municipalities:
        journaled = frozenset(
            JournalEntry.objects.filter(municipality=one, reason__in=DOCUMENT_KINDS).values_list(
                "document_source", flat=True
            )
        )
        for document in missing_documents(one, journaled):
            try:
                journal_document(document)
                made += 1
            except Exception:
                log.exception("archive: journaling the document %s failed", document.source)
    return made
