"""The demo loader's inbox step: the fixture comments, visitor posts, direct messages and mentions
become items, triaged on the spot.

Runs after the registry's step has made the accounts. Idempotent: an item is unique per
(account, platform id) and triage is skipped for a text already triaged under the same
pack revision, so loading twice changes nothing. Triage runs here rather than in the
worker, so a database loaded with `somevakt demo --load-only` is complete (DESIGN.md §4).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from somevakt.inbox.ingest import ingest_comment
from somevakt.inbox.ports import InboundComment
from somevakt.inbox.triage import triage
from somevakt.registry.models import Account


def _accounts(context: Any) -> dict[str, Account]:
    found = {}
    for entry in context.accounts:
        municipality = context.municipalities.get(entry["municipality"])
        account = Account.objects.filter(
            municipality=municipality, platform=entry["platform"], external_id=str(entry["external_id"])
        ).first()
        if account is not None:
            found[entry["key"]] = account
    return found


def recent_shift(comments: list[dict[str, Any]], now: dt.datetime) -> dt.timedelta:
    """Whole days that bring the newest fixture comment into the last 24 hours.

    The fixture's dates are fixed, so without this every item of a fresh demo would be long
    overdue. Whole days keep each comment's time of day, and so whether it came in office hours.
    """
    if not comments:
        return dt.timedelta(0)
    newest = max(dt.datetime.fromisoformat(row["received_at"]) for row in comments)
    return dt.timedelta(days=max((now - newest) // dt.timedelta(days=1), 0))


def load(context: Any) -> None:
    accounts = _accounts(context)
    created = triaged = skipped = 0
    shift = recent_shift(context.comments, dt.datetime.now(dt.UTC))
    for row in context.comments:
        account = accounts.get(row["account"])
        if account is None:
            skipped += 1
            continue
        parsed = InboundComment(
            platform=account.platform,
            account_external_id=account.external_id,
            platform_id=row["platform_id"],
            text=row["text"],
            author_name=row["author"],
            received_at=dt.datetime.fromisoformat(row["received_at"]) + shift,
            parent_id=row.get("parent") or "",
            # A visitor post, a direct message or a mention beside the comments; a message's
            # thread is its conversation.
            channel=row.get("channel", "comment"),
            post_id=row.get("thread") or (row["platform_id"] if row.get("channel") == "post" else ""),
        )
        item, new = ingest_comment(account, parsed, enqueue=False)
        created += new
        triaged += triage(item, actor_label="demo")
    message = f"Demo inbox: {created} new items, {triaged} triaged, {len(context.comments) - skipped} in all"
    if skipped:
        message += f" ({skipped} comments skipped: their accounts are not loaded)"
    context.log(message)
