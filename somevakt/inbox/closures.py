"""Deadlines follow the account's closures: a closure added, changed or removed after triage
moves the deadline of the account's open items (DESIGN.md §4: closures pause the clock).

The registry does not know about the inbox; the inbox listens to `registry.Closure`
(connected in `InboxConfig.ready()`). Each moved deadline is a `due_changed` event carrying
the new deadline, so the status stays the projection of the log and `rebuild-status`
reproduces it. The deadline comes from `deadlines.due_for`, as at triage.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from somevakt.inbox.deadlines import calendar_for, due_for, pack_of
from somevakt.inbox.events import locked_status, record
from somevakt.inbox.models import Item
from somevakt.inbox.ports import COMMENTS_OFF, COMMENTS_ON, NOTICE, outbound
from somevakt.registry import lifecycle
from somevakt.registry.models import Account, AccountEventType, Closure
from somevakt.registry.services import Actor

log = logging.getLogger(__name__)
OSLO = ZoneInfo("Europe/Oslo")


def closure_saved(
    sender: Any, instance: Any, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    if raw:  # loaddata: fixtures bring their own events
        return
    if kwargs.get("update_fields") == frozenset({"notice_call_id"}):
        return  # only the notice's call noted: nothing about the period changed
    redate_open_items(instance.account_id, closure_id=instance.pk, change="added" if created else "changed")
    if created and instance.notice.strip():
        request_notice(instance)
    if instance.comments_off:
        # After the commit, so the history tells the closure (or its early end) first.
        closure_id = instance.pk
        transaction.on_commit(lambda: switch_comments_by_id(closure_id))


def notice_text(closure: Any) -> str:
    """The notice as published: the person's words, then the period in the municipality's
    language (bokmål: what the account's public sees)."""
    last_day = (closure.ends_at - dt.timedelta(seconds=1)).astimezone(OSLO)
    with translation.override("nb"):
        period = _("Closed from %(first)s to and including %(last)s.") % {
            "first": date_format(closure.starts_at.astimezone(OSLO), "j. F Y"),
            "last": date_format(last_day, "j. F Y"),
        }
    return f"{closure.notice.strip()}\n\n{period}"


def request_notice(closure: Any) -> None:
    """Ask the platform to publish the closure's notice on the account (Gausdal 2), after commit
    and with retries (the integrations); where the platform takes no notice, nothing is asked
    and the account page says so."""
    gateway = outbound()
    account = closure.account
    if gateway is None or not gateway.capabilities(account.platform, "account").allows(NOTICE):
        return
    call = gateway.request(account, NOTICE, "", text=notice_text(closure), kind="account")
    closure.notice_call_id = getattr(call, "pk", None)
    closure.save(update_fields=["notice_call_id"])


def closure_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    redate_open_items(instance.account_id, closure_id=instance.pk, change="removed")
    if instance.comments_off_call_id and not instance.comments_on_call_id:
        # Gone while its comments were off (deleted in the admin): the posts are opened again.
        request_comments(instance, COMMENTS_ON)


# --- comments off while closed (Gausdal 2) ----------------------------------------------------


def switch_comments_by_id(closure_id: int) -> str:
    closure = Closure.objects.select_related("created_by", "ended_early_by").filter(pk=closure_id).first()
    return switch_comments_of(closure) if closure is not None else ""


def switch_comments_of(closure: Any, now: dt.datetime | None = None) -> str:
    """Ask the platform to turn the closure's comments off once it has begun, and on again once
    it is over (ended as planned, early, or while they were being turned off). Returns the
    operation asked for, or ""."""
    if not closure.comments_off:
        return ""
    now = now or timezone.now()
    if closure.comments_off_call_id is None and closure.starts_at <= now < closure.ends_at:
        request_comments(closure, COMMENTS_OFF)
        return COMMENTS_OFF
    if (
        closure.comments_off_call_id is not None
        and closure.comments_on_call_id is None
        and closure.ends_at <= now
    ):
        request_comments(closure, COMMENTS_ON)
        return COMMENTS_ON
    return ""


def request_comments(closure: Any, op: str) -> None:
    """One call for the whole account, run after commit with retries (the integrations); the call
    that turns them on names the one that turned them off, and so the very same posts."""
    gateway = outbound()
    account = Account.objects.get(pk=closure.account_id)
    if gateway is None or not gateway.capabilities(account.platform, "account").allows(op):
        return
    undoes = str(closure.comments_off_call_id) if op == COMMENTS_ON else ""
    with transaction.atomic():
        call = gateway.request(account, op, undoes, text="", item_id=None, kind="account")
        field = "comments_off_call_id" if op == COMMENTS_OFF else "comments_on_call_id"
        # update(), not save(): no second round of this listener for a noted call id.
        Closure.objects.filter(pk=closure.pk).update(**{field: call.pk})
        setattr(closure, field, call.pk)
        # Who set it going: the person who closed the account, or who ended the closure early.
        person = (
            closure.ended_early_by if op == COMMENTS_ON and closure.ended_early_by_id else closure.created_by
        )
        lifecycle.record(
            account,
            AccountEventType.COMMENTS_OFF if op == COMMENTS_OFF else AccountEventType.COMMENTS_ON,
            Actor(person=person) if person is not None else Actor(label="somevakt"),
            clauses=closure_clauses(account),
            payload={"closure_id": closure.pk, "call_id": call.pk},
        )


def closure_clauses(account: Account) -> list[str]:
    """The guideline's first clause on closing a forum, where it has one (Gausdal 2: commenting
    must not be possible while it is closed)."""
    return [c.id for c in pack_of(account.municipality).clauses if c.topic == "closing"][:1]


def switch_due_comments(now: dt.datetime | None = None) -> int:
    """The periodic job: closures that have begun or ended since the last round. Returns how many
    calls it asked for."""
    now = now or timezone.now()
    due = Closure.objects.filter(comments_off=True).filter(
        Q(comments_off_call_id__isnull=True, starts_at__lte=now, ends_at__gt=now)
        | Q(comments_off_call_id__isnull=False, comments_on_call_id__isnull=True, ends_at__lte=now)
    )
    asked = 0
    for closure in due.select_related("created_by", "ended_early_by")[:200]:
        asked += bool(switch_comments_of(closure, now))
    return asked


def redate_open_items(account_id: int, *, closure_id: int | None = None, change: str = "changed") -> int:
    """Give the account's open, triaged items the deadline its closures now give. Returns how many moved."""
    account = Account.objects.select_related("municipality").filter(pk=account_id).first()
    if account is None:
        return 0  # the account itself is being deleted
    municipality = account.municipality
    pack = pack_of(municipality)
    if pack.response.working_days is None:
        return 0  # the guideline sets no deadline; there is nothing to move
    calendar = calendar_for(municipality, account, pack)
    items = (
        Item.objects.filter(account=account, status__open_work=True, status__triage_pending=False)
        .exclude(status__action__in=("none", ""))
        .only("pk", "received_at", "municipality_id", "account_id")
        .order_by("pk")
    )
    moved = 0
    with transaction.atomic():
        for item in items.iterator(chunk_size=500):
            due = due_for(item.received_at, municipality, account, pack, calendar=calendar)
            status = locked_status(item)
            # Items still to be triaged get the new deadline from their triage.
            if due == status.due or not status.open_work or status.triage_pending:
                continue
            record(
                item,
                "due_changed",
                actor_label="closure",
                payload={
                    "due": due.isoformat() if due else None,
                    "previous_due": status.due.isoformat() if status.due else None,
                    "closure_id": closure_id,
                    "change": change,
                },
            )
            moved += 1
    if moved:
        log.info(
            "inbox: closure %s %s on account %s: %d deadlines moved", closure_id, change, account_id, moved
        )
    return moved
