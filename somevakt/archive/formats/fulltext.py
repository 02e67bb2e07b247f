"""A very long message goes to the archive twice: its beginning in the PDF capture, and all of it
as a plain-text attachment.

A 1,000,000-character comment would otherwise become a PDF of hundreds of pages that takes minutes
to render and that nobody reads. The attachment is made from the captured thread itself, so the
same entry always gives the same bytes (and the same checksum) on every delivery.
"""

from __future__ import annotations

from collections.abc import Iterable

from somevakt.archive.formats.cleaning import clean_text
from somevakt.archive.formats.records import ArchiveDocument, ThreadItem

# Characters of one message shown in the capture (a dozen pages); the rest is in the attachment.
MAX_IN_CAPTURE = 20_000
TEXT_MIME = "text/plain; charset=utf-8"
PLAIN_TEXT_PRONOM = "x-fmt/111"
PLAIN_TEXT_NAME = "Plain Text File"


def in_order(thread: Iterable[ThreadItem]) -> list[ThreadItem]:
    return sorted(thread, key=lambda item: item.time)


def file_name(record_id: str, number: int) -> str:
    return f"somevakt-{record_id}-melding-{number}.txt"


def long_messages(thread: Iterable[ThreadItem]) -> list[tuple[int, ThreadItem]]:
    """The thread's messages too long for the capture, with their number in the thread (from 1)."""
    return [(n, item) for n, item in enumerate(in_order(thread), start=1) if len(item.text) > MAX_IN_CAPTURE]


def attachments(record_id: str, thread: Iterable[ThreadItem]) -> list[ArchiveDocument]:
    """One plain-text document per message too long for the capture, with its whole text."""
    documents = []
    for number, item in long_messages(thread):
        header = f"{item.author} – {item.time.isoformat()} – {item.platform} {item.platform_id}\n\n"
        documents.append(
            ArchiveDocument.from_bytes(
                file_name(record_id, number),
                TEXT_MIME,
                clean_text(header + item.text).encode("utf-8"),
                title=f"Hele teksten i melding {number} ({len(item.text)} tegn)",
                format_code=PLAIN_TEXT_PRONOM,
                format_name=PLAIN_TEXT_NAME,
            )
        )
    return documents
