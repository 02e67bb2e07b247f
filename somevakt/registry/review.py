"""The yearly review of every account (issue 13, Gausdal's strategy: better no forum than one we
cannot follow up): is it still needed, is its owner still right? Due a year after the last
review, or after its approval where it was never reviewed; done with one form, recorded in the
account's history (and so the audit log)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from somevakt.registry import lifecycle
from somevakt.registry.models import Account, AccountEventType, AccountState
from somevakt.registry.services import Actor

REVIEWED_STATES = (AccountState.ACTIVE, AccountState.CLOSED_TEMPORARILY)


@transaction.atomic
def record_review(
    account: Account, person: Any, still_needed: bool, owner_right: bool, note: str = ""
) -> None:
    now = timezone.now()
    account = Account.objects.select_for_update().get(pk=account.pk)
    account.reviewed_at, account.reviewed_by = now, person
    account.save(update_fields=["reviewed_at", "reviewed_by"])
    lifecycle.record(
        account,
        AccountEventType.REVIEWED,
        Actor(person=person),
        reason=note.strip()[:2000],
        payload={"still_needed": still_needed, "owner_right": owner_right},
    )
