"""Writing events: the one way an item's status changes.

`record()` locks the item's status row, appends the event and applies it with
`projection.apply` in the same transaction, so the status is always the projection of
the log and two people acting at once are serialised on the row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from somevakt.inbox.models import Item, ItemEvent, ItemStatus
from somevakt.inbox.projection import STATUS_FIELDS, apply, initial_status


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


def _append(
    item: Item,
    status: ItemStatus,
    type: str,
    *,
    actor: Any = None,
    actor_label: str = "",
    reason: str = "",
    clauses: Iterable[str] = (),
    payload: dict[str, Any] | None = None,
    at: Any = None,
) -> ItemEvent:
    event = ItemEvent.objects.create(
        municipality_id=item.municipality_id,
        item=item,
        type=type,
        at=at or timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=actor_label,
        reason=reason,
        clauses=plain_json(list(clauses)),
        payload=plain_json(payload or {}),
    )
    write_status(status, apply(status.as_status(), event.as_event()))
    return event


@transaction.atomic
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
    """Append one event to `item`'s log and update its status, in one transaction."""
    status = ItemStatus.objects.select_for_update().get(pk=item.pk)
    event = _append(
        item,
        status,
        type,
        actor=actor,
        actor_label=actor_label,
        reason=reason,
        clauses=clauses,
        payload=payload,
    )
    status.save()
    item.status = status
    return event


@transaction.atomic
def record_first(item: Item, *, payload: dict[str, Any], actor_label: str, at: Any = None) -> ItemEvent:
    """The `received` event of a new item, with its status row."""
    status = new_status(item)
    event = _append(item, status, "received", actor_label=actor_label, payload=payload, at=at)
    status.save(force_insert=True)
    item.status = status
    return event


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
