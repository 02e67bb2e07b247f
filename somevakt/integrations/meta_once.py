"""Publishing on Facebook and Instagram once, although Meta takes no idempotency key.

A request that makes a post (a page feed post, an Instagram `media_publish`) is sent once per
attempt (`GraphClient.create`). Before it goes, the time is noted in the attempt's `progress`
(`ports.MAYBE_SENT`); a clean answer from Meta removes the note (the post's id, or a 4xx
refusal: nothing was made). When the answer is lost (a timeout, a dropped connection, a 5xx, a
worker that died), the note stays, and the next attempt first reads the account's latest posts
and adopts the one with our exact text made since then, instead of posting a second time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from somevakt.inbox.ports import MAYBE_SENT, PlatformError
from somevakt.integrations.facebook.client import GraphClient
from somevakt.integrations.meta_payload import ident, text_of, timestamp

# Meta's clock and ours may differ a little; Graph gives times to the second.
CLOCK_SLACK = timedelta(minutes=2)


def sent_at(progress: dict[str, Any]) -> datetime | None:
    """When an earlier attempt may have made the post, if one may have."""
    value = progress.get(MAYBE_SENT)
    return timestamp(value) if isinstance(value, str) else None


def create_once(client: GraphClient, path: str, progress: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Send the request that makes the post, noting in `progress` that it may have gone."""
    progress[MAYBE_SENT] = datetime.now(UTC).isoformat()
    try:
        made = client.create(path, **fields)
    except PlatformError as exc:
        if exc.status is not None and 400 <= exc.status < 500:
            # Meta answered and refused (a rate limit included): nothing was made.
            progress.pop(MAYBE_SENT, None)
        raise
    progress.pop(MAYBE_SENT, None)
    return made


def same_text(a: str, b: str) -> bool:
    return a.strip() == b.strip()


def find_made(
    rows: Iterable[dict[str, Any]],
    *,
    text: str,
    since: datetime,
    text_key: str,
    time_key: str,
    owner: str = "",
) -> str:
    """The id of the post among `rows` (the account's latest) with our text, made since `since`;
    "" if none. A row naming another author (a visitor's post on the page) is never ours."""
    earliest = since - CLOCK_SLACK
    for row in rows:
        author = row.get("from") if isinstance(row.get("from"), dict) else {}
        if owner and author and ident(author.get("id")) != owner:
            continue
        made = timestamp(row.get(time_key))
        if made is None or made < earliest:
            continue
        if same_text(text_of(row.get(text_key)), text):
            return ident(row.get("id"))
    return ""


def made_before(
    client: GraphClient,
    listing: str,
    progress: dict[str, Any],
    *,
    text: str,
    fields: str,
    text_key: str,
    time_key: str,
    owner: str = "",
) -> str:
    """The post an earlier attempt made without hearing back, read from the account's latest
    (`listing`: a page's feed, an Instagram account's media); "" if there was no such attempt or
    it made nothing. Once found, the note of a possible post is cleared."""
    since = sent_at(progress)
    if since is None:
        return ""
    rows = client.pages(listing, limit=25, max_pages=1, fields=fields)
    found = find_made(rows, text=text, since=since, text_key=text_key, time_key=time_key, owner=owner)
    if found:
        progress.pop(MAYBE_SENT, None)
    return found
