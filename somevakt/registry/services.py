"""Creating accounts (the `account` command, the demo and tests use this)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from somevakt.registry.models import Account, AccountState, Platform
from somevakt.tenants.models import Municipality


@dataclass(frozen=True)
class Approver:
    """Who approved: a person in the database, or a system label such as "cli:root"."""

    person: Any = None
    label: str = ""


def add_account(
    municipality: Municipality,
    platform: str,
    external_id: str,
    name: str,
    *,
    approver: Approver,
    state: str = AccountState.ACTIVE,
    **fields: Any,
) -> tuple[Account, bool]:
    """The account for (municipality, platform, external id), created active and approved if new.

    Idempotent: an existing account is returned as it is (its name and state are not changed),
    so running the same `account add` twice gives the same id.
    """
    if platform not in Platform.values:
        raise ValueError(f"unknown platform {platform!r} (known: {', '.join(Platform.values)})")
    external_id = external_id.strip()
    if not external_id:
        raise ValueError("the external id is empty")
    existing = Account.objects.filter(
        municipality=municipality, platform=platform, external_id=external_id
    ).first()
    if existing is not None:
        return existing, False
    approved = state in (AccountState.APPROVED, AccountState.ACTIVE)
    try:
        with transaction.atomic():
            account = Account.objects.create(
                municipality=municipality,
                platform=platform,
                external_id=external_id,
                name=name,
                state=state,
                approved_by=approver.person if approved else None,
                approved_by_label=approver.label if approved else "",
                approved_at=timezone.now() if approved else None,
                **fields,
            )
    except IntegrityError:
        # Someone else added it at the same moment.
        return Account.objects.get(
            municipality=municipality, platform=platform, external_id=external_id
        ), False
    return account, True
