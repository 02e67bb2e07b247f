"""The Noark 5 extract of a municipality's journal entries for a period (`somevakt export noark5`).

Entries belong to the period by their journal date (the Oslo date they were journaled). Entries
not captured yet are captured first, so the extract has their documents; one whose capture fails
is still in the extract (nothing journaled may be missing), without its document, and reported.
`formats.noark5` does the writing: to a temporary folder, renamed when complete.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils import timezone

from somevakt.archive import conf
from somevakt.archive.entry_record import municipality_of, record_for, take_snapshot
from somevakt.archive.formats.noark5 import ExtractError, ExtractSummary, period_bounds, write_extract
from somevakt.archive.formats.records import JournalRecord, RecordError
from somevakt.archive.journal import sweep
from somevakt.archive.models import DeliveryState, JournalEntry
from somevakt.archive.services import capture_entry


class ExportError(Exception):
    """The extract cannot be written; one line. `returncode` 2 for the user's mistake."""

    def __init__(self, message: str, returncode: int = 2) -> None:
        super().__init__(message)
        self.returncode = returncode


@dataclass
class ExportResult:
    out: Path
    summary: ExtractSummary
    missing_documents: list[tuple[str, str]] = field(default_factory=list)


def _check_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportError(f"{out} exists and is not an empty folder")
    if not out.parent.is_dir():
        raise ExportError(f"the folder {out.parent} does not exist")


def export_noark5(
    municipality: Any, start: dt.date, end: dt.date, out: Path | str, *, now: dt.datetime | None = None
) -> ExportResult:
    out = Path(out)
    try:
        first, after = period_bounds(start, end)
    except ExtractError as exc:
        raise ExportError(str(exc)) from None
    _check_out(out)
    sweep(municipality)
    entries = list(
        JournalEntry.objects.filter(municipality=municipality, created_at__gte=first, created_at__lt=after)
        .select_related("municipality", "item__account", "item__status", "source_event__actor")
        .order_by("created_at", "id")
    )
    try:
        creator, _profile = municipality_of(municipality)
    except RecordError as exc:
        raise ExportError(str(exc)) from None
    records: list[JournalRecord] = []
    missing: list[tuple[str, str]] = []
    for entry in entries:
        if entry.state == DeliveryState.PENDING:
            capture_entry(entry)
        try:
            if entry.snapshot:
                records.append(record_for(entry))
            else:
                records.append(record_for(entry, with_document=False, snapshot=take_snapshot(entry)))
                missing.append((entry.record_id, entry.last_error or "not captured"))
        except RecordError as exc:
            raise ExportError(f"{entry.record_id}: {exc}", returncode=1) from None
    try:
        summary = write_extract(
            out,
            creator,
            records,
            start=start,
            end=end,
            now=now or timezone.now(),
            schema_dir=conf.noark5_schema_dir(),
        )
    except ExtractError as exc:
        raise ExportError(str(exc)) from None
    return ExportResult(out, summary, missing)
