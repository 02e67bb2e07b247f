"""The yearly attestation: confirming, who a leader answers for, and the review with the leader.

A leader's staff are the members whose nearest unit with a leader or deputy is one the
leader leads or deputises for: a unit without its own leader rolls up to the unit above, a
deputy is staff of their unit's leader, and a unit's leader is staff of the leader above. Both the leader and
the deputy see the list, so it works while the leader is away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from somevakt.people.models import Attestation
from somevakt.people.onboarding import reading_of
from somevakt.policy.schema import Pack
from somevakt.tenants.models import Membership, Municipality, Unit


class NotConfirmed(Exception):
    """The person has not confirmed this year's guideline, so there is no review to record."""


def current_year() -> int:
    return timezone.localdate().year


def attestation_of(person: Any, municipality: Municipality, year: int) -> Attestation | None:
    return Attestation.objects.filter(person=person, municipality=municipality, year=year).first()


class NotRead(Exception):
    """The person has not opened their part of this revision of the guideline yet."""


@transaction.atomic
def confirm(
    person: Any, municipality: Municipality, pack: Pack, year: int | None = None
) -> tuple[Attestation, bool]:
    """Record that `person` has read `pack` this year; (attestation, changed). Given only after
    they opened their part of this revision (people.onboarding; NotRead otherwise), whose time
    the attestation keeps. Confirming the same revision again changes nothing; a revised pack
    replaces the revision and time, and a review recorded for the old revision stays (the
    leader went through the guideline with them)."""
    reading = reading_of(person, municipality, pack)
    if reading is None:
        raise NotRead
    year = year or current_year()
    existing = (
        Attestation.objects.select_for_update()
        .filter(person=person, municipality=municipality, year=year)
        .first()
    )
    now = timezone.now()
    if existing is None:
        return (
            Attestation.objects.create(
                person=person,
                municipality=municipality,
                year=year,
                policy_revision=pack.revision,
                at=now,
                read_at=reading.read_at,
            ),
            True,
        )
    if existing.policy_revision == pack.revision:
        return existing, False
    existing.policy_revision = pack.revision
    existing.at = now
    existing.read_at = reading.read_at
    existing.save(update_fields=["policy_revision", "at", "read_at"])
    return existing, True


def leads_a_unit(person: Any, municipality: Municipality) -> bool:
    return Unit.objects.filter(municipality=municipality).filter(Q(leader=person) | Q(deputy=person)).exists()


def staff_of(leader: Any, municipality: Municipality) -> list[Membership]:
    """The memberships `leader` answers for (see the module docstring), ordered by name."""
    units = {u.pk: u for u in Unit.objects.filter(municipality=municipality)}
    memberships = (
        Membership.objects.filter(municipality=municipality, unit__isnull=False)
        .exclude(person=leader)
        .select_related("person", "unit")
        .order_by("person__first_name", "person__last_name", "person__username")
    )
    return [m for m in memberships if leader.pk in responsible_for(m, units)]


def responsible_for(membership: Membership, units: dict[int, Unit] | None = None) -> set[int]:
    """The ids of the people who go through the guideline with this member (see the module docstring)."""
    if units is None:
        units = {u.pk: u for u in Unit.objects.filter(municipality_id=membership.municipality_id)}
    unit = units.get(membership.unit_id)
    seen: set[int] = set()
    while unit is not None and unit.pk not in seen:
        seen.add(unit.pk)
        person = membership.person_id
        if person == unit.deputy_id and unit.leader_id is not None and unit.leader_id != person:
            return {unit.leader_id}
        heads = {unit.leader_id, unit.deputy_id} - {None}
        # A unit's leader (and a deputy without a leader) answers to the unit above.
        if heads and person not in heads:
            return heads
        unit = units.get(unit.parent_id) if unit.parent_id else None
    return set()


@dataclass(frozen=True)
class StaffRow:
    membership: Membership
    attestation: Attestation | None
    current: bool  # confirmed the guideline as it is now (not an older revision)


def team(leader: Any, municipality: Municipality, pack: Pack, year: int) -> list[StaffRow]:
    staff = staff_of(leader, municipality)
    found = {
        a.person_id: a
        for a in Attestation.objects.filter(
            municipality=municipality, year=year, person__in=[m.person for m in staff]
        ).select_related("reviewed_with")
    }
    rows = []
    for m in staff:
        a = found.get(m.person_id)
        rows.append(StaffRow(m, a, a is not None and a.policy_revision == pack.revision))
    return rows


@transaction.atomic
def mark_reviewed(leader: Any, membership: Membership, year: int) -> Attestation:
    """Record that `leader` went through the guideline with the member (who must have confirmed)."""
    attestation = (
        Attestation.objects.select_for_update()
        .filter(person=membership.person, municipality=membership.municipality, year=year)
        .first()
    )
    if attestation is None:
        raise NotConfirmed
    if attestation.reviewed_with_id is None:
        attestation.reviewed_with = leader
        attestation.reviewed_at = timezone.now()
        attestation.save(update_fields=["reviewed_with", "reviewed_at"])
    return attestation
