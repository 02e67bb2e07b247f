"""The text of a mention that arrived without it.

Meta tells a page that someone named it (who, and in which post), but not always what they
wrote. A periodic job reads the post's text for such mentions of the last day and hands it to
the inbox as an edit of the item, through the one path every change takes, so it is triaged
like any text; a post the page may not read stays a mention without text, linked to the post.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.utils import timezone

from somevakt.inbox.ingest import receive_many
from somevakt.inbox.models import Item, ItemKind
from somevakt.inbox.ports import InboundComment, PlatformError
from somevakt.integrations.credentials import CredentialsUnreadable, adapter_of

log = logging.getLogger(__name__)

LOOK_BACK = timedelta(days=1)


def fill_mention_texts(now: datetime | None = None, limit: int = 50) -> int:
    """Read the texts of recent mentions that have none; returns how many were filled."""
    since = (now or timezone.now()) - LOOK_BACK
    waiting = list(
        Item.objects.filter(kind=ItemKind.MENTION, text="", received_at__gte=since)
        .select_related("account")
        .order_by("received_at")[:limit]
    )
    filled = 0
    for item in waiting:
        account = item.account
        if not account.has_credentials:
            continue
        try:
            text = adapter_of(account).fetch_text(item.platform_id)
        except NotImplementedError:
            continue
        except (PlatformError, CredentialsUnreadable) as exc:
            log.info("mentions: the text of item %s could not be read: %s", item.pk, exc)
            continue
        if not text.strip():
            continue
        change = InboundComment(
            platform=account.platform,
            account_external_id=account.external_id,
            platform_id=item.platform_id,
            text=text,
            post_id=item.post_id,
            verb="edited",
            channel="mention",
        )
        filled += sum(1 for received in receive_many([(account, change, None)]) if not received.stale)
    return filled
