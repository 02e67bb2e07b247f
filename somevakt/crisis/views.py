"""Crisis mode's pages: the current crisis with what crisis management may do (declare, give an
instruction, end), past crises, and each crisis's history and report (page and PDF).

Who sees the pages: the inbox's roles and the pack's crisis management. Who acts is read from
the pack (`roles.crisis.declared_by`); a refusal comes back as a message, never a 500.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from somevakt.crisis import report as crisis_report
from somevakt.crisis import services
from somevakt.crisis.gate import active_crisis_in, is_management, rules_of
from somevakt.crisis.labels import EVENT_LABELS, person_name
from somevakt.crisis.listeners import ReportRow, waiting
from somevakt.crisis.models import CrisisMode
from somevakt.tenants import permissions
from somevakt.tenants.access import member_required
from somevakt.tenants.models import Membership, Municipality
from somevakt.tenants.roles import Role
from somevakt.tenants.scoping import get_or_404
from somevakt.tenants.signin import address_of

# Who opens the pages: whoever sees the inbox, and everyone a pack may name as crisis management.
PAGE_ROLES: tuple[str, ...] = tuple(
    dict.fromkeys((*permissions.roles_for("see"), Role.CRISIS_TEAM, Role.CHIEF_EXECUTIVE, Role.MAYOR))
)
page_required = member_required(roles=PAGE_ROLES)


def _address(request: HttpRequest) -> str | None:
    # The same address the rest of the audit log records.
    return address_of(request)


def _members(municipality: Municipality) -> list[Any]:
    return list(
        get_user_model()
        .objects.filter(memberships__municipality=municipality)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _waiting(crisis: CrisisMode) -> list[ReportRow]:
    """What waits for crisis management, linked within this site (the rows carry the e-mail's
    absolute links)."""
    base = settings.SOMEVAKT_BASE_URL.rstrip("/")
    return [replace(row, url=row.url.removeprefix(base) or row.url) for row in waiting(crisis)]


def _history(crisis: CrisisMode) -> list[dict[str, Any]]:
    return [
        {"event": e, "label": EVENT_LABELS.get(e.type, e.type), "actor": person_name(e.actor)}
        for e in crisis.events.select_related("actor").order_by("at", "id")
    ]


@require_GET
@page_required
def index(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    current = active_crisis_in(municipality)
    past = CrisisMode.objects.filter(municipality=municipality, ended_at__isnull=False).select_related(
        "declared_by", "ended_by"
    )[:50]
    return render(
        request,
        "crisis/index.html",
        {
            "municipality": municipality,
            "current": current,
            "current_accounts": services.scope_accounts(current) if current else [],
            "history": _history(current) if current else [],
            "waiting": _waiting(current) if current else [],
            "instructions": current.instructions.select_related("given_to", "given_by") if current else [],
            "past": past,
            "may_manage": is_management(request.user, municipality),
            "management": services.management_labels(municipality),
            "rules": rules_of(municipality),
            "accounts": services.speaking_accounts(municipality),
            "members": _members(municipality),
        },
    )


@require_POST
@page_required
def declare(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    form = request.POST
    try:
        ids = [int(v) for v in form.getlist("accounts")]
    except ValueError:
        ids = [-1]
    try:
        chosen = services.accounts_for(municipality, ids) if form.get("scope") == "accounts" else []
        if form.get("scope") == "accounts" and not chosen:
            raise services.CrisisRefused(_choose_accounts())
        services.declare(municipality, request.user, form.get("reason", "")[:5000], chosen, _address(request))
    except services.CrisisRefused as refused:
        messages.error(request, str(refused))
    return redirect("crisis:index", municipality=municipality.slug)


def _choose_accounts() -> str:
    return _("Choose the accounts the crisis holds, or the whole municipality.")


def _crisis(request: HttpRequest, crisis_id: int) -> CrisisMode:
    return get_or_404(
        CrisisMode.objects.select_related("declared_by", "ended_by", "municipality"), request, pk=crisis_id
    )


@require_POST
@page_required
def instruct(request: HttpRequest, municipality: Municipality, crisis_id: int) -> HttpResponse:
    crisis = _crisis(request, crisis_id)
    form = request.POST
    to = Membership.objects.filter(municipality=municipality, person_id=_int(form.get("to"))).first()
    try:
        services.instruct(
            crisis,
            request.user,
            to.person if to else None,
            form.get("purpose", "")[:5000],
            form.get("text", "")[:100_001],
            _address(request),
        )
    except services.CrisisRefused as refused:
        messages.error(request, str(refused))
    return redirect("crisis:index", municipality=municipality.slug)


@require_POST
@page_required
def end(request: HttpRequest, municipality: Municipality, crisis_id: int) -> HttpResponse:
    crisis = _crisis(request, crisis_id)
    try:
        services.end(crisis, request.user, request.POST.get("note", "")[:5000], _address(request))
    except services.CrisisRefused as refused:
        messages.error(request, str(refused))
        return redirect("crisis:index", municipality=municipality.slug)
    return redirect("crisis:detail", municipality=municipality.slug, crisis_id=crisis.pk)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_GET
@page_required
def detail(request: HttpRequest, municipality: Municipality, crisis_id: int) -> HttpResponse:
    crisis = _crisis(request, crisis_id)
    return render(
        request,
        "crisis/detail.html",
        {
            "municipality": municipality,
            "crisis": crisis,
            "report": crisis_report.report_of(crisis),
            "history": _history(crisis),
            "instructions": crisis.instructions.select_related("given_to", "given_by"),
        },
    )


@require_GET
@page_required
def report_pdf(request: HttpRequest, municipality: Municipality, crisis_id: int) -> HttpResponse:
    crisis = _crisis(request, crisis_id)
    # An ended crisis's report is the one kept at the end; one still in force is made now.
    kept = bytes(crisis.report_pdf) if crisis.report_pdf else None
    pdf = kept or crisis_report.report_pdf(crisis, get_language() or "nb")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="krise-{crisis.pk}.pdf"'
    return response
