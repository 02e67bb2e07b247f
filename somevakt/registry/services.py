"""Creating accounts (the `account` command, the demo and tests use this)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from somevakt.registry.models import Account, AccountEvent, AccountEventType, AccountState, Platform
from somevakt.tenants.models import Municipality


@dataclass(frozen=True)
class Actor:
    """Who acts: a person in the database, or a system label such as "demo" or "cli:root"."""

    person: Any = None
    label: str = ""

    @property
    def name(self) -> str:
        if self.person is not None:
            return self.person.get_full_name() or self.person.get_username()
        return self.label


# Who approved an account that was created approved (the demo, tests, `account add --approved-by`).
Approver = Actor


class AccountTaken(ValueError):
    """The platform account is another municipality's (said without naming it)."""


def _taken_elsewhere(municipality: Municipality, platform: str, external_id: str) -> None:
    elsewhere = (
        Account.objects.filter(platform=platform, external_id=external_id)
        .exclude(municipality=municipality)
        .exclude(state=AccountState.RETIRED)
    )
    if elsewhere.exists():
        raise AccountTaken(
            _(
                "%(platform)s %(id)s is already an official account of another municipality: one "
                "platform account belongs to one municipality."
            )
            % {"platform": Platform(platform).label, "id": external_id}
        )


def add_account(
    municipality: Municipality,
    platform: str,
    external_id: str,
    name: str,
    *,
    approver: Actor,
    state: str = AccountState.ACTIVE,
    **fields: Any,
) -> tuple[Account, bool]:
    """The account for (municipality, platform, external id), created in `state` if new.

    Idempotent: an existing account is returned as it is (its name and state are not changed),
    so running the same `account add` twice gives the same id. The creation is the account's
    first event, with `approver` as the one who created it. Other changes of state go through
    `registry.lifecycle`, which checks who may make them.
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
    _taken_elsewhere(municipality, platform, external_id)
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
            AccountEvent.objects.create(
                account=account,
                type=AccountEventType.CREATED,
                actor=approver.person,
                actor_label="" if approver.person is not None else approver.label,
                to_state=state,
            )
    except IntegrityError:
        # Someone else added it at the same moment: here, or in another municipality.
        _taken_elsewhere(municipality, platform, external_id)
        return Account.objects.get(
            municipality=municipality, platform=platform, external_id=external_id
        ), False
    return account, True
