"""The report "what was deleted from our accounts this year, on which grounds", and its CSV.

CSV cells are made safe for spreadsheets: a cell that starts with = + - @ (or a tab or carriage
return) is prefixed with an apostrophe, so a commenter's text is never run as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from somevakt.archive.entry_record import person_name
from somevakt.archive.models import JournalEntry, Reason

OSLO = ZoneInfo("Europe/Oslo")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class DeletedRow:
    entry: JournalEntry
    deleted_at: dt.datetime
    platform: str
    account: str
    author: str
    text: str
    grounds: str
    clauses: tuple[str, ...]
    by: str


def year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime(year, 1, 1, tzinfo=OSLO), dt.datetime(year + 1, 1, 1, tzinfo=OSLO)


def deleted_in(municipality: Any, year: int) -> list[DeletedRow]:
    first, after = year_bounds(year)
    entries = (
        JournalEntry.objects.filter(
            municipality=municipality,
            reason=Reason.DELETE,
            source_event__at__gte=first,
            source_event__at__lt=after,
        )
        .select_related("item__account", "source_event__actor")
        .defer("capture_pdf")
        .order_by("source_event__at", "id")
    )
    rows = []
    for entry in entries:
        event, item = entry.source_event, entry.item
        rows.append(
            DeletedRow(
                entry=entry,
                deleted_at=event.at.astimezone(OSLO),
                platform=item.account.get_platform_display(),
                account=item.account.name,
                author=item.author_name,
                text=item.text,
                grounds=event.reason,
                clauses=tuple(event.clauses or ()),
                by=person_name(event.actor, event.actor_label),
            )
        )
    return rows


def grounds_count(rows: list[DeletedRow]) -> list[tuple[str, int]]:
    return Counter(clause for row in rows for clause in row.clauses).most_common()


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def deleted_csv(rows: list[DeletedRow], header: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    row.entry.record_id,
                    row.deleted_at.isoformat(timespec="minutes"),
                    row.platform,
                    row.account,
                    row.author,
                    row.text,
                    row.grounds,
                    " ".join(row.clauses),
                    row.by,
                )
            ]
        )
    return buffer.getvalue()
