"""The shell's pages. Every page needs a login (LoginRequiredMiddleware) except those marked otherwise."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.i18n import set_language

from somevakt.tenants import language
from somevakt.tenants.access import member_required, resolve_membership
from somevakt.tenants.models import Municipality, Unit
from somevakt.tenants.scoping import for_municipality, memberships_of
from somevakt.web import audit
from somevakt.web.sections import BY_KEY


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the person's municipality, or a choice when they belong to several."""
    memberships = list(memberships_of(request.user))
    if len(memberships) == 1:
        return redirect("overview", municipality=memberships[0].municipality.slug)
    return render(request, "web/home.html", {"memberships": memberships})


@require_GET
def switch_municipality(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("kommune", "")
    membership = resolve_membership(request, slug)
    return redirect("overview", municipality=membership.municipality.slug)


@require_GET
@member_required
def overview(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    units = for_municipality(Unit.objects.select_related("leader", "deputy", "parent"), request)
    membership = request.membership  # type: ignore[attr-defined]
    return render(
        request,
        "web/overview.html",
        {
            "municipality": municipality,
            "membership": membership,
            "nearest_leader": membership.nearest_leader(),
            "can_read_audit_log": membership.has_role(*audit.READERS),
            "units": units,
        },
    )


@require_GET
@member_required
def section_placeholder(request: HttpRequest, municipality: Municipality, section: str) -> HttpResponse:
    try:
        found = BY_KEY[section]
    except KeyError:
        raise Http404 from None
    return render(request, "web/placeholder.html", {"municipality": municipality, "section": found})


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 when it does not (for load balancers and monitoring)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def choose_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch (the cookie), and for a signed-in person the choice kept, so the
    e-mail somevakt sends them is in the same language as the pages."""
    response = set_language(request)
    cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie is not None:
        language.remember(request.user, cookie.value)
    return response
