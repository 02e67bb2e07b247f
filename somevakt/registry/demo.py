"""The demo loader's registry step: the accounts of demo/accounts.yaml become Account rows.

Runs after the tenancy step and before the inbox's. Idempotent: (municipality, platform,
external id) decides what exists, and a reload writes nothing that is already so. No
credentials are set: the demo's accounts point at nothing real, and nothing is fetched.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from somevakt.registry.lifecycle import record
from somevakt.registry.models import Account, AccountEventType, AccountPlan, PlanDecision
from somevakt.registry.services import Actor, Approver, add_account
from somevakt.tenants.models import Unit

APPROVER = Approver(label="demo")


@transaction.atomic
def load(context: Any) -> None:
    created = 0
    for entry in context.accounts:
        municipality = context.municipalities[entry["municipality"]]
        wanted: dict[str, Any] = {
            "name": entry["name"],
            "handle": entry.get("handle", ""),
            "state": entry.get("state", "active"),
            "info_text": entry.get("info_text", "").strip(),
            "unit": Unit.objects.filter(municipality=municipality, slug=entry.get("unit", "")).first(),
            "responsible": context.people.get(entry.get("responsible", "")),
        }
        account, new = add_account(
            municipality, entry["platform"], str(entry["external_id"]), approver=APPROVER, **wanted
        )
        created += new
        if not new:
            update(account, wanted)
        admins = {context.people[name].pk for name in entry.get("admins", []) if name in context.people}
        if set(account.admins.values_list("pk", flat=True)) != admins:
            account.admins.set(admins)
        if entry.get("plan") and new:
            add_plan(account, entry["plan"], context.people)
    context.log(f"Demo accounts: {created} new, {len(context.accounts)} in all")


def add_plan(account: Account, plan: dict[str, Any], people: dict[str, Any]) -> None:
    """The plan as the demo has it: written, perhaps sent, perhaps decided (only for a new account,
    so a reload adds nothing)."""
    now = timezone.now()
    decision = plan.get("decision", PlanDecision.DRAFT)
    author = people.get(plan.get("author", ""))
    decided_by = people.get(plan.get("decided_by", ""))
    sent = decision != PlanDecision.DRAFT
    AccountPlan.objects.create(
        account=account,
        answers={key: str(value) for key, value in plan.get("answers", {}).items()},
        author=author,
        decision=decision,
        submitted_by=author if sent else None,
        submitted_at=now if sent else None,
        decided_by=decided_by,
        decided_at=now if decided_by else None,
        comment=plan.get("comment", ""),
    )
    if sent:
        record(account, AccountEventType.SUBMITTED, Actor(person=author, label="demo"))
    if decided_by is not None:
        account.approved_by, account.approved_by_label, account.approved_at = decided_by, "", now
        account.save(update_fields=["approved_by", "approved_by_label", "approved_at"])
        record(
            account,
            AccountEventType.APPROVED if decision == PlanDecision.APPROVED else AccountEventType.REJECTED,
            Actor(person=decided_by),
            reason=plan.get("comment", ""),
        )


def update(account: Account, wanted: dict[str, Any]) -> None:
    changed = [name for name, value in wanted.items() if getattr(account, name) != value]
    for name in changed:
        setattr(account, name, wanted[name])
    if changed:
        account.save(update_fields=changed)
