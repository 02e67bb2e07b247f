"""The roles a person can hold in a municipality (DESIGN.md §3).

Which role approves, is told or receives an escalation is read from the policy pack;
this module only names the roles.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COMMUNICATIONS = "communications", _("Communications")
    UNIT_LEADER = "unit_leader", _("Unit leader")
    CHIEF_EXECUTIVE = "chief_executive", _("Chief executive")
    CRISIS_TEAM = "crisis_team", _("Crisis management")
    RECORDS = "records", _("Records management")
    IT = "it", _("IT")
    SERVICE_OFFICE = "service_office", _("Service office")
    EMPLOYEE = "employee", _("Employee")
    POLITICIAN = "politician", _("Politician")
    # Båtsfjord 4.3: crisis information may go via the mayor.
    MAYOR = "mayor", _("Mayor")


ROLES: tuple[str, ...] = tuple(Role.values)


def check_roles(roles: object) -> list[str]:
    """The roles as a sorted list without duplicates; ValueError names an unknown one."""
    unknown = [role for role in roles if role not in ROLES]  # type: ignore[attr-defined]
    if unknown:
        raise ValueError(f"unknown role {unknown[0]!r}; known roles: {', '.join(ROLES)}")
    return sorted(set(roles))  # type: ignore[call-overload]
