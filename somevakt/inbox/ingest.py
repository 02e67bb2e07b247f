"""The hand-off from the platform integrations to the inbox.

`receive()` takes one `ParsedComment` for a known account and does what its verb says:
`add` and `edited` store the item (`ingest_comment`), `remove`, `hide` and `unhide` record
what the platform did (`platform_removed`, `platform_hidden`, `platform_unhidden`).
Everything here is idempotent: a redelivered or re-imported comment changes nothing.

A new item gets its `received` event in the same transaction, and triage is enqueued
once that transaction has committed. If the process dies in between, the worker's
triage sweep finds the untriaged item (`inbox.triage.sweep`).
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from somevakt.inbox.events import locked_status, record, record_first
from somevakt.inbox.models import Item, ItemKind
from somevakt.integrations.base import ParsedComment

log = logging.getLogger(__name__)

CHANNEL_KINDS = {"message": ItemKind.MESSAGE, "mention": ItemKind.MENTION}


def _platform_actor(account: Any) -> str:
    return f"platform:{account.platform}"


def _parent_id(parsed: ParsedComment) -> str:
    # Meta gives a top-level comment the post as its parent; that is no thread parent.
    if not parsed.parent_id or parsed.parent_id == parsed.post_id:
        return ""
    return parsed.parent_id


def _kind(parsed: ParsedComment) -> str:
    if parsed.channel in CHANNEL_KINDS:
        return CHANNEL_KINDS[parsed.channel]
    return ItemKind.REPLY if _parent_id(parsed) else ItemKind.COMMENT


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_comment(
    account: Any, parsed: ParsedComment, delivery: Any = None, *, enqueue: bool = True
) -> tuple[Item, bool]:
    """The item for (account, parsed.platform_id), and whether it was created now.

    Race-safe: the unique constraint on (account, platform_id) decides, so two deliveries
    of the same comment at once give one item. An `edited` delivery for a known item
    records the edit (keeping the previous text in the event) and triages the new text.
    With `enqueue=False` the caller triages itself (the demo loader does, on the spot).
    """
    if not parsed.platform_id:
        raise ValueError("the comment has no platform id")
    existing = Item.objects.filter(account=account, platform_id=parsed.platform_id).first()
    if existing is not None:
        if parsed.verb == "edited":
            platform_edited(account, existing, parsed.text, enqueue=enqueue)
        return existing, False

    parent_platform_id = _parent_id(parsed)
    try:
        with transaction.atomic():
            parent = (
                Item.objects.filter(account=account, platform_id=parent_platform_id).first()
                if parent_platform_id
                else None
            )
            item = Item.objects.create(
                municipality_id=account.municipality_id,
                account=account,
                platform_id=parsed.platform_id,
                parent=parent,
                parent_platform_id=parent_platform_id,
                post_id=parsed.post_id,
                kind=_kind(parsed),
                author_name=parsed.author_name[:200],
                author_id=parsed.author_id[:200],
                text=parsed.text,
                permalink=parsed.permalink[:1000],
                received_at=parsed.received_at or timezone.now(),
                delivery=delivery,
            )
            # Replies that arrived before this comment now find their parent.
            Item.objects.filter(account=account, parent_platform_id=item.platform_id, parent=None).update(
                parent=item
            )
            record_first(
                item,
                payload={
                    "platform": parsed.platform,
                    "verb": parsed.verb,
                    "channel": parsed.channel,
                    "delivery_id": getattr(delivery, "pk", None),
                },
                actor_label=_platform_actor(account),
            )
            if enqueue:
                item_id = item.pk
                transaction.on_commit(lambda: enqueue_triage(item_id))
    except IntegrityError:
        # The same comment, stored a moment ago by another delivery.
        return Item.objects.get(account=account, platform_id=parsed.platform_id), False
    log.info("inbox: item %s received on account %s", item.pk, account.pk)
    return item, True


def enqueue_triage(item_id: int) -> None:
    from somevakt.inbox.tasks import triage_item

    triage_item.enqueue(item_id)


def platform_edited(account: Any, item: Item, new_text: str, *, enqueue: bool = True) -> bool:
    """The author changed the text on the platform; False if it was already this text."""
    with transaction.atomic():
        locked_status(item)
        item.refresh_from_db(fields=["text"])
        if item.text == new_text:
            return False
        previous = item.text
        item.text = new_text
        item.save(update_fields=["text"])
        # The previous text is kept in the log: nothing that was said is lost.
        record(
            item,
            "edited",
            actor_label=_platform_actor(account),
            payload={"previous_text": previous, "previous_hash": text_hash(previous)},
        )
        if enqueue:
            item_id = item.pk
            transaction.on_commit(lambda: enqueue_triage(item_id))
    return True


def _platform_moderation(
    account: Any, parsed: ParsedComment, type: str, flag: str, want: bool
) -> Item | None:
    item = Item.objects.filter(account=account, platform_id=parsed.platform_id).first()
    if item is None:
        log.info("inbox: %s for unknown comment on account %s ignored", type, account.pk)
        return None
    with transaction.atomic():
        status = locked_status(item)
        if getattr(status, flag) == want:
            return item
        record(
            item, type, actor_label=_platform_actor(account), payload={"by": "platform", "on_platform": True}
        )
    return item


def platform_removed(account: Any, parsed: ParsedComment) -> Item | None:
    """The comment was removed on the platform (by its author or the platform). Kept here in full."""
    return _platform_moderation(account, parsed, "deleted", "deleted", True)


def platform_hidden(account: Any, parsed: ParsedComment) -> Item | None:
    return _platform_moderation(account, parsed, "hidden", "hidden", True)


def platform_unhidden(account: Any, parsed: ParsedComment) -> Item | None:
    return _platform_moderation(account, parsed, "unhidden", "hidden", False)


def receive(
    account: Any, parsed: ParsedComment, delivery: Any = None, *, enqueue: bool = True
) -> Item | None:
    """Do what `parsed.verb` says. Returns the item, or None for a removal/hide of an unknown comment."""
    if parsed.verb in {"add", "edited"}:
        item, _created = ingest_comment(account, parsed, delivery, enqueue=enqueue)
        return item
    if parsed.verb == "remove":
        return platform_removed(account, parsed)
    if parsed.verb == "hide":
        return platform_hidden(account, parsed)
    if parsed.verb == "unhide":
        return platform_unhidden(account, parsed)
    raise ValueError(f"unknown verb {parsed.verb!r} (add, edited, remove, hide, unhide)")
