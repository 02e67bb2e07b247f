"""Comments from export files (`somevakt import FILE --account ID`): one row, one comment."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from somevakt.inbox.ports import Capabilities, InboundComment
from somevakt.integrations.base import Adapter
from somevakt.integrations.meta_payload import timestamp

OSLO = ZoneInfo("Europe/Oslo")

# Accepted column names, first found wins: our own, then Meta's and Mastodon's export names.
ID_KEYS = ("platform_id", "id", "comment_id")
TEXT_KEYS = ("text", "message", "content")
AUTHOR_KEYS = ("author", "author_name", "from_name", "username")
TIME_KEYS = ("received_at", "created_time", "created_at", "timestamp")
PARENT_KEYS = ("parent_id", "parent")
POST_KEYS = ("post_id", "media_id")
LINK_KEYS = ("permalink", "permalink_url", "url")
MAX_TEXT = 100_000


class RowRejected(ValueError):
    """A row that cannot become a comment; the message is the reason shown in the summary."""


class FileAdapter(Adapter):
    platform = "file"
    capabilities = Capabilities(reply=False, hide=False, unhide=False, delete=False, fetch_recent=False)

    def parse(self, payload: dict[str, Any]) -> list[InboundComment]:
        return [self.parse_row(payload)]

    def parse_row(self, row: dict[str, Any]) -> InboundComment:
        platform_id = first(row, ID_KEYS)
        if not platform_id:
            raise RowRejected(f"no id (one of: {', '.join(ID_KEYS)})")
        text = first(row, TEXT_KEYS)
        if not text.strip():
            raise RowRejected(f"no text (one of: {', '.join(TEXT_KEYS)})")
        if len(text) > MAX_TEXT:
            raise RowRejected(f"text longer than {MAX_TEXT} characters")
        raw_time = next((row[key] for key in TIME_KEYS if row.get(key) not in (None, "")), None)
        if raw_time is None:
            # The deadline runs from when the comment was made, not from when it was imported.
            raise RowRejected(f"no time (one of: {', '.join(TIME_KEYS)})")
        received_at = parse_time(raw_time)
        if received_at is None:
            raise RowRejected(f"unreadable time {str(raw_time)[:40]!r} (use ISO 8601)")
        return InboundComment(
            platform=self.platform,
            account_external_id=self.external_id,
            platform_id=platform_id,
            text=text,
            author_name=first(row, AUTHOR_KEYS),
            author_id=first(row, ("author_id", "from_id")),
            received_at=received_at,
            parent_id=first(row, PARENT_KEYS),
            post_id=first(row, POST_KEYS),
            permalink=first(row, LINK_KEYS),
            raw=row,
        )


def first(row: dict[str, Any], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = row.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, dict):  # Meta's {"from": {"name": ...}} style
            continue
        if isinstance(value, bool):
            continue
        return str(value).strip() if not isinstance(value, str) or key not in TEXT_KEYS else value
    return ""


def parse_time(value: Any) -> datetime | None:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    parsed = timestamp(value)
    if parsed is None:
        return None
    # A time without an offset is Europe/Oslo local time, as everywhere in somevakt.
    if isinstance(value, str) and datetime.fromisoformat(value.replace("+0000", "+00:00")).tzinfo is None:
        return parsed.replace(tzinfo=OSLO)
    return parsed
