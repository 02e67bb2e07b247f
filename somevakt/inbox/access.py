"""Who sees and handles the inbox.

Employees and politicians never see it (they get 403 from the shell's `member_required`,
outsiders 404). Everyone with a role that takes part in answering, escalations or crises
sees the municipality's whole inbox: comments on official accounts are public anyway,
and an escalation or a crisis may land on any of them.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from somevakt.tenants.access import member_required
from somevakt.tenants.roles import Role

INBOX_ROLES: tuple[str, ...] = (
    Role.COMMUNICATIONS,
    Role.UNIT_LEADER,
    Role.CHIEF_EXECUTIVE,
    Role.CRISIS_TEAM,
    Role.SERVICE_OFFICE,
)
# Who sees the response-time figures: leaders, and communications who answer for them.
LEADER_ROLES: tuple[str, ...] = (Role.UNIT_LEADER, Role.CHIEF_EXECUTIVE, Role.COMMUNICATIONS)

inbox_required = member_required(roles=INBOX_ROLES)
leader_required = member_required(roles=LEADER_ROLES)


def handlers(municipality: Any) -> QuerySet[Any]:
    """The people who may be assigned an item: members of the municipality with an inbox role."""
    return (
        get_user_model()
        .objects.filter(memberships__municipality=municipality, memberships__grants__role__in=INBOX_ROLES)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def people_with_role(municipality: Any, role: str) -> QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(memberships__municipality=municipality, memberships__grants__role=role)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def display_name(person: Any) -> str:
    if person is None:
        return ""
    return person.get_full_name() or person.get_username()
