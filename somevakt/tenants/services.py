"""Creating and changing memberships, idempotently (the demo loader and tests use these)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from somevakt.tenants.models import Membership, Municipality, RoleGrant, Unit
from somevakt.tenants.roles import check_roles


@transaction.atomic
def add_member(
    municipality: Municipality,
    person,
    roles: Iterable[str] = (),
    *,
    unit: Unit | None = None,
    title: str = "",
) -> Membership:
    """Make `person` a member with exactly `roles`; calling it again with the same values changes nothing."""
    wanted = set(check_roles(list(roles)))
    membership, _created = Membership.objects.get_or_create(person=person, municipality=municipality)
    changed = []
    if membership.unit_id != (unit.pk if unit else None):
        membership.unit = unit
        changed.append("unit")
    if title and membership.title != title:
        membership.title = title
        changed.append("title")
    if changed:
        membership.full_clean()
        membership.save(update_fields=changed)
    have = set(membership.grants.values_list("role", flat=True))
    membership.grants.filter(role__in=have - wanted).delete()
    # One by one, not bulk_create: each new role is an event the audit log watches (tenants.audit).
    for role in sorted(wanted - have):
        RoleGrant.objects.create(membership=membership, role=role)
    return membership
