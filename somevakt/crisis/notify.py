"""E-mail to crisis management when crisis mode is declared or ended, so nobody learns of it only
from the banner. In each reader's language (`tenants.language`, bokmål when they never chose),
like the inbox's messages; a person without an address is skipped and
a failing mail server is logged, never undoing the step."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from somevakt.crisis.gate import rules_of
from somevakt.crisis.labels import person_name
from somevakt.tenants import language


def management(municipality: Any, exclude: Any = None) -> list[Any]:
    """The people holding a role the pack names as crisis management (declarers and the team)."""
    roles = rules_of(municipality).management()
    found = (
        get_user_model()
        .objects.filter(memberships__municipality=municipality, memberships__grants__role__in=roles)
        .exclude(pk=getattr(exclude, "pk", None))
        .distinct()
        .order_by("username")
    )
    return list(found)


def tell(crisis: Any, person: Any, declared: bool) -> None:
    """After the commit, tell crisis management (but `person`, who did it) that crisis mode began
    or ended."""
    url = settings.SOMEVAKT_BASE_URL.rstrip("/") + reverse(
        "crisis:detail", kwargs={"municipality": crisis.municipality.slug, "crisis_id": crisis.pk}
    )
    who = person_name(person)

    def compose() -> tuple[str, str]:
        if declared:
            subject = _("Crisis mode declared in %(municipality)s") % {
                "municipality": crisis.municipality.name
            }
            first = _("%(who)s has declared crisis mode: %(reason)s") % {
                "who": who,
                "reason": crisis.reason,
            }
        else:
            subject = _("Crisis mode ended in %(municipality)s") % {"municipality": crisis.municipality.name}
            first = _("%(who)s has ended crisis mode.") % {"who": who}
        return subject, "\n".join([first, "", url])

    language.send_after_commit(management(crisis.municipality, exclude=person), compose, "crisis")
