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
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from somevakt.inbox.deadlines import calendar_for, due_for, pack_of
from somevakt.inbox.events import locked_status, record
from somevakt.inbox.models import Item
from somevakt.inbox.ports import NOTICE, outbound
from somevakt.registry.models import Account

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
