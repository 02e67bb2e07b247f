"""The hand-off from the platform integrations to the inbox.

`receive_many()` takes comments for known accounts, as (account, `InboundComment`,
delivery), and does what each one's verb says, in order, in one transaction and a handful
of queries however many there are: `add` and `edited` store the item (an edit of a known
item keeps the previous text in its `edited` event), `remove`, `hide` and `unhide` record
what the platform did. `receive()` and `ingest_comment()` are one comment: a batch of one.
Everything here is idempotent: a redelivered or re-imported comment changes nothing.

A new item gets its `received` event in the same transaction, and triage is enqueued
once that transaction has committed. If the process dies in between, the worker's
triage sweep finds the untriaged item (`inbox.triage.sweep`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, NamedTuple

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from somevakt.inbox import bulk
from somevakt.inbox.events import NewEvent, locked_statuses, new_status, record_many
from somevakt.inbox.hashing import text_hash
from somevakt.inbox.models import Item, ItemKind
from somevakt.inbox.ports import InboundComment
from somevakt.inbox.projection import apply, initial_status
from somevakt.inbox.tasks import triage_item

log = logging.getLogger(__name__)

CHANNEL_KINDS = {
    "message": ItemKind.MESSAGE,
    "mention": ItemKind.MENTION,
    "post": ItemKind.POST,
    "review": ItemKind.REVIEW,
}
STORING_VERBS = ("add", "edited")
# verb -> (event, status flag, the flag's value after it)
MODERATION_VERBS = {
    "remove": ("deleted", "deleted", True),
    "hide": ("hidden", "hidden", True),
    "unhide": ("unhidden", "hidden", False),
}
# How often a batch is tried again after another worker stored one of its comments first.
BATCH_TRIES = 3


def _platform_actor(account: Any) -> str:
    return f"platform:{account.platform}"


def _parent_id(parsed: InboundComment) -> str:
    # Meta gives a top-level comment the post as its parent; that is no thread parent.
    if not parsed.parent_id or parsed.parent_id == parsed.post_id:
        return ""
    return parsed.parent_id


def _kind(parsed: InboundComment) -> str:
    if parsed.channel in CHANNEL_KINDS:
        return CHANNEL_KINDS[parsed.channel]
    return ItemKind.REPLY if _parent_id(parsed) else ItemKind.COMMENT


def _new_item(account: Any, parsed: InboundComment, delivery: Any, parent: Item | None) -> Item:
    return Item(
        municipality_id=account.municipality_id,
        account=account,
        platform_id=parsed.platform_id,
        parent=parent,
        parent_platform_id=_parent_id(parsed),
        post_id=parsed.post_id,
        kind=_kind(parsed),
        author_name=parsed.author_name[:200],
        author_id=parsed.author_id[:200],
        text=parsed.text,
        permalink=parsed.permalink[:1000],
        received_at=parsed.received_at or timezone.now(),
        delivery_id=getattr(delivery, "pk", None),
        platform_changed_at=parsed.changed_at,
    )


def _received_payload(parsed: InboundComment, delivery: Any) -> dict[str, Any]:
    return {
        "platform": parsed.platform,
        "verb": parsed.verb,
        "channel": parsed.channel,
        "delivery_id": getattr(delivery, "pk", None),
    }


def _is_stale(item: Item, parsed: InboundComment) -> bool:
    """An edit, hiding or removal older than the newest change applied to the item.

    Compared on the platform's own time of the change, so a captured older delivery sent
    again cannot roll back a text or hide what was unhidden since. Equal times are applied:
    applying the same change twice changes nothing.
    """
    return (
        parsed.verb != "add"
        and parsed.changed_at is not None
        and item.platform_changed_at is not None
        and parsed.changed_at < item.platform_changed_at
    )


class _StoredMeanwhile(Exception):
    """Another transaction stored one of the batch's new comments after the batch looked."""


class Received(NamedTuple):
    """What became of one comment: its item (None for a removal or hiding of a comment never
    seen), whether the item was stored now, and whether the change was stale."""

    item: Item | None
    created: bool
    # The change was older than one already applied (a replay): nothing was done.
    stale: bool = False


Incoming = tuple[Any, InboundComment, Any]


def receive_many(incoming: Sequence[Incoming], *, enqueue: bool = True) -> list[Received]:
    """Do what each (account, parsed, delivery)'s verb says, in order; one `Received` each.

    A missing platform id or an unknown verb raises ValueError before anything is written.
    With `enqueue=False` the caller triages the new and edited items itself (the worker's
    ingest does, in a batch; the demo loader on the spot).

    Safe beside other workers: the status rows it changes are locked in id order, and new
    items are inserted with ON CONFLICT DO NOTHING on (account, platform id), so two
    deliveries of the same comment at once give one item. If another worker stored one of
    them first, the batch is rolled back and looked at again (the comment now exists); after
    a few such collisions the comments are received as batches of one, so a busy batch
    cannot keep losing to its neighbours.
    """
    for _account, parsed, _delivery in incoming:
        if parsed.verb in STORING_VERBS:
            if not parsed.platform_id:
                raise ValueError("the comment has no platform id")
        elif parsed.verb not in MODERATION_VERBS:
            raise ValueError(f"unknown verb {parsed.verb!r} (add, edited, remove, hide, unhide)")
    if not incoming:
        return []
    try:
        return _receive_retrying(incoming, enqueue)
    except _StoredMeanwhile:
        if len(incoming) == 1:
            raise RuntimeError("a comment kept being stored by another worker meanwhile") from None
    log.info("inbox: a batch of %s comments kept colliding; receiving them one by one", len(incoming))
    return [received for one in incoming for received in receive_many([one], enqueue=enqueue)]


def receive(
    account: Any, parsed: InboundComment, delivery: Any = None, *, enqueue: bool = True
) -> Item | None:
    """Do what `parsed.verb` says. Returns the item, or None for a removal/hide of an unknown comment."""
    return receive_many([(account, parsed, delivery)], enqueue=enqueue)[0].item


def ingest_comment(
    account: Any, parsed: InboundComment, delivery: Any = None, *, enqueue: bool = True
) -> tuple[Item, bool]:
    """The item for (account, parsed.platform_id), and whether it was created now.

    For the callers that store comments (`add`, or `edited` when that is all there is): the
    demo loader, `import` and reconciliation.
    """
    if parsed.verb not in STORING_VERBS:
        raise ValueError(f"ingest_comment stores comments (add, edited), not {parsed.verb!r}; see receive()")
    received = receive_many([(account, parsed, delivery)], enqueue=enqueue)[0]
    item, created = received.item, received.created
    if item is None:  # pragma: no cover - a storing verb always gives its item
        raise RuntimeError(f"comment {parsed.platform_id} was not stored")
    return item, created


def _receive_retrying(incoming: Sequence[Incoming], enqueue: bool) -> list[Received]:
    tries = 0
    while True:
        try:
            with transaction.atomic():
                return _receive_batch(incoming, enqueue)
        except _StoredMeanwhile:
            tries += 1
            if tries == BATCH_TRIES:
                raise


def _receive_batch(incoming: Sequence[Incoming], enqueue: bool) -> list[Received]:
    Key = tuple[int, str]
    # Every item the batch may touch or hang a reply on, in one query.
    wanted: dict[int, set[str]] = {}
    for account, parsed, _delivery in incoming:
        ids = wanted.setdefault(account.pk, set())
        ids.add(parsed.platform_id)
        if parsed.verb in STORING_VERBS and _parent_id(parsed):
            ids.add(_parent_id(parsed))
    found = Q()
    for account_id, ids in wanted.items():
        found |= Q(account_id=account_id, platform_id__in=sorted(ids))
    known: dict[Key, Item] = {(i.account_id, i.platform_id): i for i in Item.objects.filter(found)}

    # The status rows the batch changes, locked, and the texts an edit compares, read under the lock.
    changing = {
        known[key].pk: parsed.verb
        for account, parsed, _delivery in incoming
        if parsed.verb != "add" and (key := (account.pk, parsed.platform_id)) in known
    }
    locked = locked_statuses(changing)
    edited = [pk for pk, verb in changing.items() if verb == "edited"]
    if edited:
        texts = dict(Item.objects.filter(pk__in=edited).values_list("pk", "text"))
        for stored in known.values():
            if stored.pk in texts:
                stored.text = texts[stored.pk]

    # Walk the comments in order, keeping each status as it would be after the ones before.
    items: dict[Key, Item] = dict(known)
    statuses: dict[Key, dict[str, Any]] = {
        key: locked[item.pk].as_status() for key, item in known.items() if item.pk in locked
    }
    new: list[Item] = []
    retexted: dict[int, Item] = {}
    versioned: dict[int, Item] = {}
    events: list[NewEvent] = []
    triage: list[Item] = []
    results: list[Received] = []

    def add_event(key: Key, event: NewEvent) -> None:
        events.append(event)
        statuses[key] = apply(
            statuses[key], {"id": None, "type": event.type, "at": timezone.now(), "payload": event.payload}
        )

    for account, parsed, delivery in incoming:
        key = (account.pk, parsed.platform_id)
        item = items.get(key)
        actor = _platform_actor(account)
        if item is not None and _is_stale(item, parsed):
            log.info("inbox: a stale %s of item %s ignored (a replayed delivery)", parsed.verb, item.pk)
            results.append(Received(item, False, stale=True))
            continue
        # An `add` of a known comment is a redelivery and changes nothing, its time included.
        if item is not None and parsed.changed_at is not None and parsed.verb != "add":
            if item.platform_changed_at is None or parsed.changed_at > item.platform_changed_at:
                item.platform_changed_at = parsed.changed_at
                if not item._state.adding:  # a new item is inserted with it below
                    versioned[item.pk] = item
        if parsed.verb in STORING_VERBS:
            if item is None:
                # The parent if it was stored before this batch; one stored in it is linked below.
                parent_id = _parent_id(parsed)
                item = _new_item(
                    account, parsed, delivery, known.get((account.pk, parent_id)) if parent_id else None
                )
                items[key] = item
                new.append(item)
                statuses[key] = initial_status()
                add_event(
                    key,
                    NewEvent(
                        item, "received", actor_label=actor, payload=_received_payload(parsed, delivery)
                    ),
                )
                triage.append(item)
                results.append(Received(item, True))
                continue
            if parsed.verb == "edited" and item.text != parsed.text:
                previous = item.text
                item.text = parsed.text
                if not item._state.adding:
                    retexted[item.pk] = item
                # The previous text is kept in the log: nothing that was said is lost.
                add_event(
                    key,
                    NewEvent(
                        item,
                        "edited",
                        actor_label=actor,
                        payload={"previous_text": previous, "previous_hash": text_hash(previous)},
                    ),
                )
                triage.append(item)
            results.append(Received(item, False))
            continue
        type_, flag, want = MODERATION_VERBS[parsed.verb]
        if item is None:
            log.info("inbox: %s for unknown comment on account %s ignored", type_, account.pk)
        elif statuses[key][flag] != want:
            add_event(
                key, NewEvent(item, type_, actor_label=actor, payload={"by": "platform", "on_platform": True})
            )
        results.append(Received(item, False))

    if new:
        _insert_new(new)
        # Replies that arrived before their parent (earlier, or in this batch) now find it.
        orphans = Q()
        for account_id in {item.account_id for item in new}:
            orphans |= Q(
                account_id=account_id,
                parent_platform_id__in=sorted(
                    item.platform_id for item in new if item.account_id == account_id
                ),
            )
        parent = Item.objects.filter(
            account_id=OuterRef("account_id"), platform_id=OuterRef("parent_platform_id")
        )
        Item.objects.filter(orphans, parent=None).update(parent=Subquery(parent.values("pk")[:1]))
        for item in new:
            if item.parent_id is None and item.parent_platform_id:
                found_parent = items.get((item.account_id, item.parent_platform_id))
                if found_parent is not None:
                    item.parent = found_parent
    if retexted:
        Item.objects.bulk_update(list(retexted.values()), ["text"])
    if versioned:
        Item.objects.bulk_update(list(versioned.values()), ["platform_changed_at"])
    record_many(events, locked=locked, created={item.pk: new_status(item) for item in new})
    for item in new:
        log.info("inbox: item %s received on account %s", item.pk, item.account_id)
    if enqueue and triage:
        triage_ids = [item.pk for item in triage]
        transaction.on_commit(lambda: _enqueue_all(triage_ids))
    return results


def _enqueue_all(item_ids: list[int]) -> None:
    for item_id in item_ids:
        triage_item.enqueue(item_id)


def _insert_new(items: list[Item]) -> None:
    """INSERT the new items, ON CONFLICT DO NOTHING, and give them their ids.

    Raises `_StoredMeanwhile` if another transaction stored one of them since the batch looked.
    """
    inserted = bulk.insert(
        Item, items, conflict=("account_id", "platform_id"), returning=("id", "account_id", "platform_id")
    )
    ids = {(account_id, platform_id): pk for pk, account_id, platform_id in inserted}
    if len(ids) != len(items):
        raise _StoredMeanwhile
    alias = Item.objects.db
    for item in items:
        bulk.mark_saved(item, ids[(item.account_id, item.platform_id)], alias)
