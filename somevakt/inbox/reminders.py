"""Deadline reminders by e-mail: to whoever holds the item, one digest per person per round.

Who is reminded, before the deadline and after it: the person who has taken or been given
the item; else the account's responsible person; else the communications role. A leader
is told of an overdue item only where the pack says so (`roles.overdue`, e.g. Båtsfjord
4.3: the unit leader answers for the follow-up of the unit's accounts); a `unit_leader`
there is the nearest leader of the account (DESIGN.md §3). Without such a rule nobody
else is told.

Each reminder is a `reminded` event, so it is sent once per stage and shows in the item's
history; the e-mails go after the round, one per person listing all their items.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from somevakt.inbox import notify
from somevakt.inbox.access import nearest_leader, people_with_role
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.events import locked_status, record
from somevakt.inbox.models import Item
from somevakt.tenants.roles import Role

log = logging.getLogger(__name__)

REMIND_BEFORE = dt.timedelta(hours=2)
BATCH = 500


def holders(item: Item) -> list[Any]:
    """Who answers for the item now: the assignee, else the account's responsible person,
    else everyone with the communications role."""
    person = item.status.assignee or item.account.responsible
    if person is not None:
        return [person]
    return list(people_with_role(item.municipality, Role.COMMUNICATIONS))


def told_when_overdue(item: Item, holding: list[Any]) -> list[Any]:
    """The people the pack's `roles.overdue` names for this item, besides those who hold it."""
    rule = pack_of(item.municipality).roles.overdue
    if rule is None:
        return []
    out: list[Any] = []
    for role in rule.roles:
        if role == Role.UNIT_LEADER:
            # The leader of the account's unit; when that is the holder, they know already.
            found = [nearest_leader(item.account)]
        else:
            found = list(people_with_role(item.municipality, role))
        out.extend(p for p in found if p is not None and p not in out and p not in holding)
    return out


@dataclass
class Digest:
    person: Any
    soon: list[tuple[Item, dt.datetime]] = field(default_factory=list)
    overdue: list[tuple[Item, dt.datetime]] = field(default_factory=list)
    told: list[tuple[Item, dt.datetime]] = field(default_factory=list)


def _remind(item: Item, stage: str, digests: dict[int, Digest]) -> bool:
    with transaction.atomic():
        status = locked_status(item)
        item.status = status
        flag = "reminded_before" if stage == "before" else "reminded_overdue"
        if getattr(status, flag) or not status.open_work or status.due is None:
            return False
        holding = holders(item)
        told = told_when_overdue(item, holding) if stage == "overdue" else []
        rule = pack_of(item.municipality).roles.overdue if told else None
        record(
            item,
            "reminded",
            actor_label="worker",
            clauses=[rule.clause] if rule is not None and rule.clause else [],
            payload={
                "stage": stage,
                "to_ids": [p.pk for p in holding],
                "told_ids": [p.pk for p in told],
                "due": status.due.isoformat(),
            },
        )
    entry = (item, status.due)
    for person in holding:
        digest = digests.setdefault(person.pk, Digest(person))
        (digest.soon if stage == "before" else digest.overdue).append(entry)
    for person in told:
        digests.setdefault(person.pk, Digest(person)).told.append(entry)
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
    """One round: reminders before the deadline and after it, then one e-mail per person.
    Returns how many items of each stage were reminded of."""
    now = now or timezone.now()
    sent = {"before": 0, "overdue": 0}
    digests: dict[int, Digest] = {}
    for item in _candidates(
        status__reminded_before=False, status__due__gt=now, status__due__lte=now + REMIND_BEFORE
    ):
        sent["before"] += _remind(item, "before", digests)
    for item in _candidates(status__reminded_overdue=False, status__due__lte=now):
        sent["overdue"] += _remind(item, "overdue", digests)
    for digest in digests.values():
        notify.send(
            [digest.person],
            lambda d=digest: notify.reminder_digest(d.soon, d.overdue, d.told),  # type: ignore[misc]
        )
    if any(sent.values()):
        log.info("inbox: reminders sent: %s, in %d e-mails", sent, len(digests))
    return sent
