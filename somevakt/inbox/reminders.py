"""Deadline reminders by e-mail: before the deadline to whoever has the item, after it to their leader.

Before: the assignee, or else the account's responsible person. After: the nearest
leader of that person (DESIGN.md §3: the leader of their unit, or the deputy while the
leader is away), or of the account's unit. Each reminder is a `reminded` event, so it is
sent once per stage and shows in the item's history.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.utils import formats, timezone

from somevakt.inbox import notify
from somevakt.inbox.events import locked_status, record
from somevakt.inbox.models import Item
from somevakt.tenants.models import Membership

log = logging.getLogger(__name__)

REMIND_BEFORE = dt.timedelta(hours=2)
BATCH = 500


def owner_of(item: Item) -> Any:
    """Who answers for the item now: the assignee, or the account's responsible person."""
    return item.status.assignee or item.account.responsible


def leader_of(item: Item) -> Any:
    owner = owner_of(item)
    if owner is not None:
        membership = (
            Membership.objects.select_related("unit")
            .filter(person=owner, municipality=item.municipality)
            .first()
        )
        leader = membership.nearest_leader() if membership is not None else None
        if leader is not None:
            return leader
    unit = item.account.unit
    return unit.nearest_leader(exclude=owner) if unit is not None else None


def _due_text(due: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(due), "j. F Y \\k\\l. H:i")


def _remind(item: Item, stage: str, person: Any) -> bool:
    with transaction.atomic():
        status = locked_status(item)
        flag = "reminded_before" if stage == "before" else "reminded_overdue"
        if getattr(status, flag) or not status.open_work or status.due is None:
            return False
        to = [person] if person is not None else []
        record(
            item,
            "reminded",
            actor_label="worker",
            payload={"stage": stage, "to_ids": [p.pk for p in to], "due": status.due.isoformat()},
        )
        subject, body = notify.reminder_message(item, stage, _due_text(status.due))
        notify.send_after_commit(to, subject, body)
    return True


def _candidates(**filters: Any):
    return (
        Item.objects.select_related(
            "municipality", "account__unit", "account__responsible", "status__assignee"
        )
        .filter(status__open_work=True, **filters)
        .order_by("status__due")[:BATCH]
    )


def send_reminders(now: dt.datetime | None = None) -> dict[str, int]:
    """One round: reminders before the deadline and after it. Returns how many of each were sent."""
    now = now or timezone.now()
    sent = {"before": 0, "overdue": 0}
    for item in _candidates(
        status__reminded_before=False, status__due__gt=now, status__due__lte=now + REMIND_BEFORE
    ):
        sent["before"] += _remind(item, "before", owner_of(item))
    for item in _candidates(status__reminded_overdue=False, status__due__lte=now):
        sent["overdue"] += _remind(item, "overdue", leader_of(item))
    if any(sent.values()):
        log.info("inbox: reminders sent: %s", sent)
    return sent
