"""The demo loader's People step: some of this year's guideline confirmations.

In every municipality the employee and the politician have confirmed this year's guideline
(the others have not, so a leader's page shows both). Where the guideline asks leaders to go
through it with their staff every year (Hustadvika), the employee's leader has recorded it.
Idempotent: confirming the same revision again, or a review already recorded, changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from somevakt.people.attestations import confirm, current_year, mark_reviewed, responsible_for
from somevakt.people.onboarding import record_reading
from somevakt.policy.packs import load_pack
from somevakt.tenants.models import Membership

CONFIRMED = ("ansatt", "politiker")


@transaction.atomic
def load(context: Any) -> None:
    year = current_year()
    confirmed = 0
    for slug, municipality in context.municipalities.items():
        pack = load_pack(municipality.policy_pack)
        for role in CONFIRMED:
            person = context.people.get(f"{slug}.{role}")
            if person is not None:
                # They opened their part of the guideline first, as everyone must.
                record_reading(person, municipality, pack)
                confirmed += confirm(person, municipality, pack, year)[1]
        yearly_review = any(c.topic == "yearly_review" and "people" in c.honoured_by.by for c in pack.clauses)
        employee = context.people.get(f"{slug}.ansatt")
        if yearly_review and employee is not None:
            membership = Membership.objects.get(person=employee, municipality=municipality)
            leaders = sorted(responsible_for(membership))
            if leaders:
                mark_reviewed(get_user_model().objects.get(pk=leaders[0]), membership, year)
    context.log(f"Demo: {confirmed} confirmations of this year's guideline")
