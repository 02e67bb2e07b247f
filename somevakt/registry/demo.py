"""The demo loader's registry step: the accounts of demo/accounts.yaml become Account rows.

Runs after the tenancy step and before the inbox's. Idempotent: (municipality, platform,
external id) decides what exists, and a reload writes nothing that is already so. No
credentials are set: the demo's accounts point at nothing real, and nothing is fetched.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from somevakt.registry.models import Account
from somevakt.registry.services import Approver, add_account
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
    context.log(f"Demo accounts: {created} new, {len(context.accounts)} in all")


def update(account: Account, wanted: dict[str, Any]) -> None:
    changed = [name for name, value in wanted.items() if getattr(account, name) != value]
    for name in changed:
        setattr(account, name, wanted[name])
    if changed:
        account.save(update_fields=changed)
