"""Closing an account for a period (Gausdal 2: a unit leader closes their own unit's forum when it
cannot be followed up, e.g. over the holidays), with a reason and a notice that says why and for
how long. The answer deadlines pause while it lasts (inbox.closures); the inbox also asks the
platform to publish the notice on the account. A closure can be ended early, or cancelled
before it starts; each step is in the account's history and the audit log (lifecycle.record).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from somevakt.registry import lifecycle
from somevakt.registry.models import Account, AccountEventType, Closure
from somevakt.registry.services import Actor
from somevakt.tenants import permissions
from somevakt.tenants.models import Membership, Unit


class ClosureRefused(Exception):
    """Said to the person as it is (translated)."""


def leads_unit_of(person_id: int, account: Account) -> bool:
    """Whether the person is the acting leader of the account's unit or of a unit above it."""
    unit: Unit | None = account.unit
    seen: set[int] = set()
    while unit is not None and unit.pk not in seen:
        seen.add(unit.pk)
        if unit.acting_leader_id == person_id:
            return True
        unit = unit.parent
    return False


def may_close(membership: Membership, account: Account) -> bool:
    """The role table's `close_account` (tenants.permissions): all accounts, or the accounts of
    the units the person leads and those they run."""
    found = permissions.reach(membership.roles, "close_account")
    if found == permissions.ALL:
        return True
    if found is None:
        return False
    person_id = membership.person_id
    runs = account.responsible_id == person_id or account.admins.filter(pk=person_id).exists()
    if found == permissions.ADMIN:
        return runs
    return runs or leads_unit_of(person_id, account)


# Whether a platform lets somevakt turn comments off on the account's own posts: the
# integrations (above this app) answer from the platform's capabilities, connected in `ready()`.
_comment_switch: list[Callable[[str], bool]] = []


def connect_comment_switch(answer: Callable[[str], bool]) -> None:
    _comment_switch[:] = [answer]


def can_turn_comments_off(platform: str) -> bool:
    return bool(_comment_switch) and _comment_switch[0](platform)


@transaction.atomic
def add_closure(
    account: Account,
    person: Any,
    starts: dt.datetime,
    ends: dt.datetime,
    notice: str,
    reason: str = "",
    *,
    comments_off: bool = False,
) -> Closure:
    """A closure; with `comments_off`, where the platform allows it, comments are turned off on
    the account's posts while it lasts (the inbox asks the platform at its start and end)."""
    comments_off = comments_off and can_turn_comments_off(account.platform)
    closure = Closure.objects.create(
        account=account,
        starts_at=starts,
        ends_at=ends,
        notice=notice.strip(),
        reason=reason.strip(),
        created_by=person,
        comments_off=comments_off,
    )
    lifecycle.record(
        account,
        AccountEventType.CLOSURE_ADDED,
        Actor(person=person),
        reason=closure.reason,
        payload={
            "closure_id": closure.pk,
            "starts_at": starts.isoformat(),
            "ends_at": ends.isoformat(),
            "comments_off": comments_off,
        },
    )
    return closure


@transaction.atomic
def end_closure(closure: Closure, person: Any, now: dt.datetime | None = None) -> str:
    """End a closure now: one that has begun ends now (the deadlines run again), one that has
    not begun is cancelled. Returns the event type recorded."""
    now = now or timezone.now()
    closure = Closure.objects.select_for_update().get(pk=closure.pk)
    if closure.ends_at <= now or closure.ended_early_at is not None:
        raise ClosureRefused(_("The closure has already ended."))
    payload = {"closure_id": closure.pk, "starts_at": closure.starts_at.isoformat()}
    if closure.starts_at >= now:
        kind = AccountEventType.CLOSURE_CANCELLED
        account = closure.account
        closure.delete()
    else:
        kind = AccountEventType.CLOSURE_ENDED
        account = closure.account
        payload["planned_end"] = closure.ends_at.isoformat()
        closure.ends_at, closure.ended_early_at, closure.ended_early_by = now, now, person
        closure.save(update_fields=["ends_at", "ended_early_at", "ended_early_by"])
    lifecycle.record(account, kind, Actor(person=person), payload=payload)
    return kind
