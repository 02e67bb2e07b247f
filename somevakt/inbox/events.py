"""Writing events: the one way an item's status changes.

`record_many()` is the one writer: it locks the status rows of a batch of events (in id
order), inserts the events in one statement and applies each to its item's status with
`projection.apply`, in one transaction, so the status is always the projection of the log
and two people or workers acting at once are serialised on the rows. `record()` is one
event: a batch of one.

Other apps react to new events through `on_events_recorded` (the archive journals
referrals, hidings, deletions and replies): each listener is called with the batch's new
events once their statuses are written, inside the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, transaction
from django.utils import timezone

from somevakt.inbox import bulk
from somevakt.inbox.models import Item, ItemEvent, ItemStatus
from somevakt.inbox.projection import STATUS_FIELDS, apply, initial_status

EventsListener = Callable[[list[ItemEvent]], None]
_listeners: list[EventsListener] = []


def on_events_recorded(listener: EventsListener) -> EventsListener:
    """Call `listener(events)` with every batch of new events, in the transaction that wrote them.

    Registered once however often this is called with it (an app's `ready()` may run again in
    tests). A listener that raises fails the recording; one that must never cost the inbox its
    action (the archive's journal) catches its own errors.
    """
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def listeners() -> tuple[EventsListener, ...]:
    return tuple(_listeners)


def plain_json(value: Any) -> Any:
    """`value` as it will read back from a JSON column (tuples become lists, datetimes text).

    The status is projected from the event as written, and `rebuild-status` projects it
    from the event as read back; both must see the same values.
    """
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def write_status(status: ItemStatus, values: dict[str, Any]) -> None:
    for name in STATUS_FIELDS:
        setattr(status, name, values[name])


def new_status(item: Item) -> ItemStatus:
    status = ItemStatus(
        item=item,
        municipality_id=item.municipality_id,
        account_id=item.account_id,
        received_at=item.received_at,
    )
    write_status(status, initial_status())
    return status


@dataclass(frozen=True)
class NewEvent:
    """One event for `record_many`."""

    item: Item
    type: str
    actor: Any = None
    actor_label: str = ""
    reason: str = ""
    clauses: Iterable[str] = ()
    payload: dict[str, Any] | None = None
    at: Any = None


def locked_statuses(item_ids: Iterable[int]) -> dict[int, ItemStatus]:
    """The status rows of `item_ids`, locked until the transaction ends.

    Locked in id order, as every batch does, so two workers cannot deadlock on them.
    """
    ids = sorted(set(item_ids))
    if not ids:
        return {}
    return {s.pk: s for s in ItemStatus.objects.select_for_update().filter(pk__in=ids).order_by("pk")}


@transaction.atomic
def record_many(
    events: Sequence[NewEvent],
    *,
    locked: Mapping[int, ItemStatus] | None = None,
    created: Mapping[int, ItemStatus] | None = None,
) -> list[ItemEvent]:
    """Append `events` to their items' logs and update each status, in one transaction.

    `locked` are status rows the caller already holds locked; the others are locked here.
    `created` are the unsaved status rows of new items (`new_status`), inserted here.
    The events get their ids in the order given, and each status is the projection of its
    events in that order. The listeners (`on_events_recorded`) are called once the statuses
    are written. Each event's item gets its status row as `item.status`.
    """
    if not events:
        return []
    created = created or {}
    statuses = dict(locked or {})
    missing = {e.item.pk for e in events} - statuses.keys() - created.keys()
    statuses.update(locked_statuses(missing))
    statuses.update(created)
    now = timezone.now()
    rows = [
        ItemEvent(
            municipality_id=e.item.municipality_id,
            item=e.item,
            type=e.type,
            at=e.at or now,
            actor=e.actor if getattr(e.actor, "pk", None) else None,
            actor_label=e.actor_label,
            reason=e.reason,
            clauses=plain_json(list(e.clauses)),
            payload=plain_json(e.payload or {}),
        )
        for e in events
    ]
    ids = bulk.insert(ItemEvent, rows, returning=("id",))
    if len(ids) != len(rows):
        raise RuntimeError("the database did not return the ids of the new events")
    alias = ItemEvent.objects.db
    for row, (pk,) in zip(rows, ids, strict=True):
        bulk.mark_saved(row, pk, alias)
    values: dict[int, dict[str, Any]] = {}
    for row in rows:
        before = values[row.item_id] if row.item_id in values else statuses[row.item_id].as_status()
        values[row.item_id] = apply(before, row.as_event())
    for pk, projected in values.items():
        write_status(statuses[pk], projected)
    new = [created[pk] for pk in values if pk in created]
    bulk.insert(ItemStatus, new)
    for status in new:
        bulk.mark_saved(status, status.pk, alias)
    update_statuses([statuses[pk] for pk in values if pk not in created])
    for event in events:
        event.item.status = statuses[event.item.pk]
    for listener in _listeners:
        listener(rows)
    return rows


def record(
    item: Item,
    type: str,
    *,
    actor: Any = None,
    actor_label: str = "",
    reason: str = "",
    clauses: Iterable[str] = (),
    payload: dict[str, Any] | None = None,
) -> ItemEvent:
    """Append one event to `item`'s log and update its status: `record_many` of one."""
    event = NewEvent(
        item, type, actor=actor, actor_label=actor_label, reason=reason, clauses=clauses, payload=payload
    )
    return record_many([event])[0]


def update_statuses(statuses: Sequence[ItemStatus]) -> None:
    """Write the projected columns of existing status rows, one UPDATE per row in one round trip.

    `executemany` (pipelined by psycopg) rather than `bulk_update`, whose CASE per column and
    row costs more to build than the rows cost to write.
    """
    if not statuses:
        return
    connection = connections[ItemStatus.objects.db]
    meta = ItemStatus._meta
    fields = [meta.get_field(name) for name in STATUS_FIELDS]
    quote = connection.ops.quote_name
    # Only the model's own table and column names go into the text; the values are parameters.
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608
        quote(meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(meta.pk.column),
    )
    rows = [
        [field.get_db_prep_save(getattr(status, field.attname), connection) for field in fields] + [status.pk]
        for status in statuses
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def locked_status(item: Item) -> ItemStatus:
    """The status row, locked until the surrounding transaction ends (for check-then-act)."""
    return ItemStatus.objects.select_for_update().get(pk=item.pk)


def rebuild(item: Item) -> tuple[dict[str, Any], dict[str, Any]]:
    """(status before, status after) replaying `item`'s log; the row is rewritten."""
    with transaction.atomic():
        status = ItemStatus.objects.select_for_update().filter(pk=item.pk).first()
        before = status.as_status() if status is not None else {}
        if status is None:
            status = new_status(item)
        values = initial_status()
        for event in ItemEvent.objects.filter(item=item).order_by("id").iterator():
            values = apply(values, event.as_event())
        write_status(status, values)
        status.save()
    return before, values
