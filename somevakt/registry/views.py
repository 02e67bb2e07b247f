"""The accounts pages: the municipality's official accounts, their state and open alerts."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from somevakt.registry.forms import ClosureForm
from somevakt.registry.models import Account, AccountAlert, Closure
from somevakt.registry.panels import panels_for
from somevakt.tenants.access import member_required
from somevakt.tenants.models import Municipality
from somevakt.tenants.roles import Role
from somevakt.tenants.scoping import for_municipality, get_or_404

# Who looks after accounts: communications staff, the chief executive, unit leaders, IT.
VIEWERS = (Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE, Role.UNIT_LEADER, Role.IT)
# Who may close an account for a while (and so stop its deadline clock).
CLOSERS = (Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE)


@require_GET
@member_required(roles=VIEWERS)
def index(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    accounts = for_municipality(
        Account.objects.select_related("unit", "responsible", "approved_by"), request
    ).order_by("platform", "name")
    alerts = for_municipality(
        AccountAlert.objects.select_related("account").filter(resolved_at__isnull=True), request
    )
    return render(
        request,
        "registry/index.html",
        {"municipality": municipality, "accounts": accounts, "alerts": alerts},
    )


@require_GET
@member_required(roles=VIEWERS)
def detail(request: HttpRequest, municipality: Municipality, account_id: int) -> HttpResponse:
    account = get_or_404(
        Account.objects.select_related("unit", "responsible", "approved_by"), request, pk=account_id
    )
    return render_detail(request, municipality, account)


@require_POST
@member_required(roles=CLOSERS)
def add_closure(request: HttpRequest, municipality: Municipality, account_id: int) -> HttpResponse:
    account = get_or_404(
        Account.objects.select_related("unit", "responsible", "approved_by"), request, pk=account_id
    )
    form = ClosureForm(request.POST)
    if not form.is_valid():
        return render_detail(request, municipality, account, form)
    starts, ends = form.interval()
    Closure.objects.create(
        account=account, starts_at=starts, ends_at=ends, notice=form.cleaned_data["notice"]
    )
    messages.success(request, _("The closure is saved; the answer deadlines stop while it lasts."))
    return redirect("registry:detail", municipality=municipality.slug, account_id=account.pk)


def render_detail(
    request: HttpRequest, municipality: Municipality, account: Account, form: ClosureForm | None = None
) -> HttpResponse:
    can_close = request.membership.has_role(*CLOSERS)  # type: ignore[attr-defined]
    return render(
        request,
        "registry/detail.html",
        {
            "municipality": municipality,
            "account": account,
            "admins": account.admins.order_by("first_name", "last_name"),
            "closures": account.closures.order_by("-starts_at")[:20],
            "alerts": account.alerts.filter(resolved_at__isnull=True),
            "panels": panels_for(account),
            "closure_form": (form or ClosureForm()) if can_close else None,
        },
        status=400 if form is not None else 200,
    )
