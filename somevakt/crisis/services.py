"""Declaring crisis mode, giving instructions, ending it: one function each, used by the pages
and the command line alike.

Who may do it is read from the pack (`roles.crisis.declared_by`), never hard-coded. Each step
is a CrisisEvent in the crisis's history and an AuditEntry, in one transaction. A refusal is a
`CrisisRefused` with a message for people.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from somevakt.crisis import listeners, notify
from somevakt.crisis.gate import active_crisis_in, is_management, rules_of
from somevakt.crisis.labels import person_name
from somevakt.crisis.models import CrisisEvent, CrisisEventType, CrisisInstruction, CrisisMode
from somevakt.registry.models import Account, AccountState
from somevakt.tenants.models import AuditAction, AuditEntry, Membership
from somevakt.tenants.roles import Role

MAX_REASON = 2000
# Accounts that can speak (DESIGN.md §3): a crisis is about what is said from them.
SPEAKING_STATES = (AccountState.ACTIVE, AccountState.CLOSED_TEMPORARILY)


class CrisisRefused(Exception):
    """The step cannot be done; the message says why, for the person who tried."""


def management_labels(municipality: Any) -> str:
    roles = rules_of(municipality).declared_by
    return ", ".join(str(Role(r).label).lower() if r in Role.values else r for r in roles)


def _require_management(person: Any, municipality: Any) -> None:
    if not is_management(person, municipality):
        raise CrisisRefused(
            _("Only crisis management (%(roles)s) may do this under the guideline.")
            % {"roles": management_labels(municipality)}
        )


def _audit(
    action: str, municipality: Any, person: Any, address: str | None, subject: str, **fields: Any
) -> None:
    AuditEntry.objects.create(
        action=action,
        municipality=municipality,
        actor=person,
        actor_label=person.get_username(),
        address=address,
        subject=subject,
        **fields,
    )


def accounts_for(municipality: Any, ids: Iterable[int]) -> list[Account]:
    """The municipality's accounts with these ids; refused naming any that is not one of them."""
    wanted = sorted(set(ids))
    found = list(Account.objects.filter(municipality=municipality, pk__in=wanted).order_by("pk"))
    missing = sorted(set(wanted) - {a.pk for a in found})
    if missing:
        raise CrisisRefused(
            _("No account of this municipality has the id %(ids)s.") % {"ids": ", ".join(map(str, missing))}
        )
    return found


def declare(
    municipality: Any,
    person: Any,
    reason: str,
    accounts: Iterable[Account] | None = None,
    address: str | None = None,
) -> CrisisMode:
    """Declare crisis mode for the whole municipality (`accounts` None or empty) or some accounts."""
    _require_management(person, municipality)
    reason = (reason or "").strip()
    if not reason:
        raise CrisisRefused(_("Say why crisis mode is declared."))
    if len(reason) > MAX_REASON:
        raise CrisisRefused(_("The reason is too long (at most %(max)s characters).") % {"max": MAX_REASON})
    chosen = list(accounts or [])
    if any(a.municipality_id != municipality.pk for a in chosen):
        raise CrisisRefused(_("An account chosen belongs to another municipality."))
    try:
        with transaction.atomic():
            if active_crisis_in(municipality) is not None:
                raise CrisisRefused(_("Crisis mode is already in force. End it before declaring a new one."))
            crisis = CrisisMode.objects.create(
                municipality=municipality,
                declared_by=person,
                whole_municipality=not chosen,
                reason=reason,
            )
            if chosen:
                crisis.accounts.set(chosen)
            scope = {"whole_municipality": not chosen, "accounts": [a.pk for a in chosen], "reason": reason}
            CrisisEvent.objects.create(
                crisis=crisis, type=CrisisEventType.DECLARED, actor=person, payload=scope
            )
            _audit(
                AuditAction.CRISIS_DECLARED, municipality, person, address, f"crisis {crisis.pk}", after=scope
            )
            notify.tell(crisis, person, declared=True)
    except IntegrityError:
        # Two people declared at the same moment: the database kept one (`one_active_crisis`).
        raise CrisisRefused(
            _("Crisis mode is already in force. End it before declaring a new one.")
        ) from None
    return crisis


def instruct(
    crisis: CrisisMode,
    person: Any,
    to: Any,
    purpose: str,
    text: str = "",
    address: str | None = None,
) -> CrisisInstruction:
    """Record crisis management's instruction to `to` to speak for `purpose` (and only in the
    wording `text`, when given)."""
    municipality = crisis.municipality
    _require_management(person, municipality)
    if not crisis.active:
        raise CrisisRefused(_("This crisis has ended; instructions are given only while it lasts."))
    if to is None or not Membership.objects.filter(person=to, municipality=municipality).exists():
        raise CrisisRefused(_("Choose a member of the municipality to give the instruction to."))
    purpose, text = (purpose or "").strip(), (text or "").strip()
    if not purpose:
        raise CrisisRefused(_("Say what the instruction is for."))
    if len(purpose) > MAX_REASON or len(text) > 100_000:
        raise CrisisRefused(_("The instruction is too long."))
    with transaction.atomic():
        found = CrisisInstruction.objects.create(
            crisis=crisis, given_by=person, given_to=to, purpose=purpose, text=text
        )
        # The name as the history and the report show it; the username stays the stable key.
        payload = {
            "instruction": found.pk,
            "to": to.get_username(),
            "to_name": person_name(to),
            "purpose": purpose,
            "text": text,
        }
        CrisisEvent.objects.create(
            crisis=crisis, type=CrisisEventType.INSTRUCTION, actor=person, payload=payload
        )
        _audit(
            AuditAction.CRISIS_INSTRUCTION,
            municipality,
            person,
            address,
            f"crisis {crisis.pk}",
            after=payload,
        )
    return found


def end(crisis: CrisisMode, person: Any, note: str = "", address: str | None = None) -> CrisisMode:
    """End crisis mode: who ended it and when are recorded, and the listeners are told (the
    archive journals the report)."""
    municipality = crisis.municipality
    _require_management(person, municipality)
    note = (note or "").strip()[:MAX_REASON]
    with transaction.atomic():
        locked = CrisisMode.objects.select_for_update(of=("self",)).get(pk=crisis.pk)
        if not locked.active:
            raise CrisisRefused(_("This crisis has already ended."))
        locked.ended_at = timezone.now()
        locked.ended_by = person
        locked.end_note = note
        locked.save(update_fields=["ended_at", "ended_by", "end_note"])
        payload = {"note": note}
        CrisisEvent.objects.create(crisis=locked, type=CrisisEventType.ENDED, actor=person, payload=payload)
        _audit(
            AuditAction.CRISIS_ENDED,
            municipality,
            person,
            address,
            f"crisis {crisis.pk}",
            before={"started_at": locked.started_at.isoformat()},
            after={"ended_at": locked.ended_at.isoformat(), **payload},
        )
        notify.tell(locked, person, declared=False)
        transaction.on_commit(lambda: listeners.crisis_ended(locked))
    crisis.refresh_from_db()
    return crisis


def speaking_accounts(municipality: Any) -> list[Account]:
    return list(Account.objects.filter(municipality=municipality, state__in=SPEAKING_STATES).order_by("name"))


def scope_accounts(crisis: CrisisMode) -> list[Account]:
    """The accounts the crisis holds: all of the municipality's, or those named."""
    if crisis.whole_municipality:
        return list(Account.objects.filter(municipality_id=crisis.municipality_id).order_by("name"))
    return list(crisis.accounts.order_by("name"))
