"""What the layout needs on every page: navigation, the municipality switcher, languages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, resolve, reverse

from somevakt.crisis.gate import active_crisis_in
from somevakt.crisis.services import scope_accounts
from somevakt.tenants.scoping import municipalities_of
from somevakt.web.sections import SECTIONS


def shell(request: HttpRequest) -> dict[str, Any]:
    municipality = getattr(request, "municipality", None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "current_municipality": None,
            "navigation": [],
            "switch_municipalities": [],
            "crisis_banner": None,
        }
    match = request.resolver_match
    current = match.namespace if match else ""
    navigation = []
    if municipality is not None:
        for section in SECTIONS:
            try:
                href = reverse(f"{section.key}:index", kwargs={"municipality": municipality.slug})
            except NoReverseMatch:
                continue
            if not may_open(request, href):
                continue
            navigation.append(
                {"key": section.key, "label": section.label, "href": href, "current": section.key == current}
            )
    return {
        "current_municipality": municipality,
        "navigation": navigation,
        # Evaluated lazily by the template; only people in several municipalities see a switcher.
        "switch_municipalities": municipalities_of(user),
        "crisis_banner": crisis_banner(request, municipality),
    }


def crisis_banner(request: HttpRequest, municipality: Any) -> dict[str, Any] | None:
    """The crisis in force in the municipality, for the banner on every page: who declared it,
    since when, which accounts, and a link for those who may open the crisis page."""
    if municipality is None:
        return None
    crisis = active_crisis_in(municipality)
    if crisis is None:
        return None
    href = reverse("crisis:index", kwargs={"municipality": municipality.slug})
    declared_by = crisis.declared_by
    accounts = [] if crisis.whole_municipality else scope_accounts(crisis)
    return {
        "crisis": crisis,
        "who": (declared_by.get_full_name() or declared_by.get_username()) if declared_by else "–",
        "accounts": ", ".join(f"{a.name} ({a.get_platform_display()})" for a in accounts),
        "href": href if may_open(request, href) else "",
    }


def may_open(request: HttpRequest, href: str) -> bool:
    """Whether the member holds a role the page asks for (`member_required(roles=...)`); links
    a person cannot open are left out of the navigation."""
    required = getattr(resolve(href).func, "required_roles", ())
    membership = getattr(request, "membership", None)
    return not required or (membership is not None and membership.has_role(*required))
