"""The accounts pages: the municipality's official accounts, their state and open alerts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from somevakt.registry import closures, identity, lifecycle
from somevakt.registry import review as yearly_review
from somevakt.registry.forms import (
    ActivateForm,
    ClosureForm,
    CommentForm,
    OwnersForm,
    PlanForm,
    ReasonForm,
    ReviewForm,
)
from somevakt.registry.models import (
    Account,
    AccountAlert,
    AccountEventType,
    AccountState,
    Closure,
    PlanDecision,
)
from somevakt.registry.panels import panels_for
from somevakt.registry.services import Actor
from somevakt.tenants import permissions
from somevakt.tenants.access import member_required
from somevakt.tenants.models import Municipality
from somevakt.tenants.roles import Role
from somevakt.tenants.scoping import for_municipality, get_or_404

# Who looks after accounts: communications staff, the chief executive, unit leaders, IT.
VIEWERS = (Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE, Role.UNIT_LEADER, Role.IT)
# Who may close an account for a while (and so stop its deadline clock): the role table's
# `close_account` row; closures.may_close says which accounts.
CLOSERS = permissions.roles_for("close_account")


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
        {
            "municipality": municipality,
            "accounts": with_flags(accounts, request),
            "alerts": alert_groups(alerts, request),
            "can_plan": lifecycle.may_plan(request.membership),  # type: ignore[attr-defined]
        },
    )


def alert_groups(alerts, request: HttpRequest) -> list[dict[str, object]]:
    """Open alerts in one box per account (most recent first), each with its alerts by kind.

    The kinds are `{"grouper", "list"}`, as `{% regroup %}` gives them, so the account page's
    alerts (one account) are shown by the same template. `technical`: whether the reader sees
    the raw messages (IT and administrators).
    """
    technical = request.user.is_staff or request.membership.has_role(Role.IT)  # type: ignore[attr-defined]
    groups: dict[object, dict[str, object]] = {}
    for alert in alerts:
        group = groups.setdefault(
            alert.account_id, {"account": alert.account, "kinds": {}, "technical": technical}
        )
        group["kinds"].setdefault(alert.kind, []).append(alert)  # type: ignore[attr-defined]
    for group in groups.values():
        group["kinds"] = [{"grouper": k, "list": v} for k, v in group["kinds"].items()]  # type: ignore[attr-defined]
    return list(groups.values())


def with_flags(accounts, request: HttpRequest) -> list[Account]:
    """The accounts, each with `flags`: (key, label) of what the accounts page points out."""
    rows = list(accounts.select_related("plan", "municipality").prefetch_related("admins"))
    for account in rows:
        account.flags = [(key, lifecycle.FLAG_LABELS[key]) for key in lifecycle.flags(account, request.user)]
        account.flags += identity_flags(account)
    return rows


def identity_flags(account: Account) -> list[tuple[str, Any]]:
    """The identity check's findings for the accounts page (registry.identity)."""
    if account.state not in identity.CHECKED_STATES:
        return []
    found = [(key, identity.PROBLEM_LABELS[key]) for key in identity.current_problems(account)]
    if identity.due(account) and account.info_checked_at is None:
        found.append(("identity_unchecked", identity.UNCHECKED_LABEL))
    return found


@require_GET
@member_required(roles=VIEWERS)
def detail(request: HttpRequest, municipality: Municipality, account_id: int) -> HttpResponse:
    account = get_or_404(
        Account.objects.select_related("unit", "responsible", "approved_by"), request, pk=account_id
    )
    return render_detail(request, municipality, account)


def _in_their_care(request: HttpRequest, account_id: int) -> Account:
    """The account, if the person may close it (and so review it and confirm its profile text):
    the role table's `close_account` (registry.closures.may_close); 403 otherwise."""
    account = get_or_404(
        Account.objects.select_related("unit", "responsible", "approved_by"), request, pk=account_id
    )
    if not closures.may_close(request.membership, account):  # type: ignore[attr-defined]
        raise PermissionDenied
    return account


@require_POST
@member_required(roles=CLOSERS)
def add_closure(request: HttpRequest, municipality: Municipality, account_id: int) -> HttpResponse:
    account = _in_their_care(request, account_id)
    form = ClosureForm(request.POST, comment_switch=closures.can_turn_comments_off(account.platform))
    if not form.is_valid():
        return render_detail(request, municipality, account, form)
    starts, ends = form.interval()
    closures.add_closure(
        account,
        request.user,
        starts,
        ends,
        form.cleaned_data["notice"],
        form.cleaned_data["reason"],
        comments_off=form.cleaned_data.get("comments_off", False),
    )
    messages.success(request, _("The closure is saved; the answer deadlines stop while it lasts."))
    return redirect("registry:detail", municipality=municipality.slug, account_id=account.pk)


@require_POST
@member_required(roles=CLOSERS)
def end_closure(
    request: HttpRequest, municipality: Municipality, account_id: int, closure_id: int
) -> HttpResponse:
    account = _in_their_care(request, account_id)
    closure = get_object_or_404(Closure, pk=closure_id, account=account)
    try:
        kind = closures.end_closure(closure, request.user)
    except closures.ClosureRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _("The closure is cancelled.")
            if kind == AccountEventType.CLOSURE_CANCELLED
            else _("The closure has ended; the answer deadlines run again."),
        )
    return redirect("registry:detail", municipality=municipality.slug, account_id=account.pk)


@require_POST
@member_required(roles=CLOSERS)
def review(request: HttpRequest, municipality: Municipality, account_id: int) -> HttpResponse:
    """The yearly review, by those who may close the account (they answer for its follow-up)."""
    account = _in_their_care(request, account_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return render_detail(request, municipality, account, review_form=form, status=400)
    still_needed = form.cleaned_data["still_needed"] == "yes"
    owner_right = form.cleaned_data["owner_right"] == "yes"
    yearly_review.record_review(account, request.user, still_needed, owner_right, form.cleaned_data["note"])
    messages.success(request, _("The yearly review is recorded."))
    if not still_needed:
        messages.warning(request, _("The account is no longer needed: retire it below, with a reason."))
    if not owner_right:
        messages.warning(request, _("Change the responsible person or the admins below."))
    return redirect("registry:detail", municipality=municipality.slug, account_id=account.pk)


@require_POST
@member_required(roles=CLOSERS)
def confirm_identity(request: HttpRequest, municipality: Municipality, account_id: int) -> HttpResponse:
    """A person confirms what the profile text says on the platform, where somevakt cannot read it."""
    account = _in_their_care(request, account_id)
    text = request.POST.get("info_text", "").strip()
    if not text:
        messages.error(request, _("Paste the profile text as it reads on the platform."))
    else:
        found = identity.record_check(account, text, identity.PERSON, request.user)
        if found:
            messages.warning(request, " ".join(str(identity.PROBLEM_LABELS[key]) + "." for key in found))
        else:
            messages.success(request, _("The profile text says what the guideline asks."))
    return redirect("registry:detail", municipality=municipality.slug, account_id=account.pk)


def render_detail(
    request: HttpRequest,
    municipality: Municipality,
    account: Account,
    form: ClosureForm | None = None,
    *,
    refusal: str = "",
    status: int | None = None,
    review_form: ReviewForm | None = None,
) -> HttpResponse:
    # A closure by period is for an account that is open (or closed for a while already).
    can_close = closures.may_close(request.membership, account) and account.state in (  # type: ignore[attr-defined]
        AccountState.ACTIVE,
        AccountState.CLOSED_TEMPORARILY,
    )
    comment_switch = closures.can_turn_comments_off(account.platform)
    plan = lifecycle.plan_of(account)
    language = get_language()
    answers = plan.answers if plan is not None else {}
    questions = [
        {
            "id": q.id,
            "text": q.question.text(language),
            "required": q.required,
            "answer": next(
                (c.label.text(language) for c in q.choices if c.id == answers.get(q.id)),
                answers.get(q.id, ""),
            ),
        }
        for q in lifecycle.questions(account)
    ]
    actions = lifecycle.available_actions(account, request.user, request.membership)  # type: ignore[attr-defined]
    rules = lifecycle.rules_for(account)
    refusal_for_approval = ""
    if plan is not None and plan.decision == PlanDecision.SUBMITTED and "approve" not in actions:
        refusal_for_approval = lifecycle.approval_refusal(account, request.user, plan) or ""
    return render(
        request,
        "registry/detail.html",
        {
            "municipality": municipality,
            "account": account,
            "admins": account.admins.order_by("first_name", "last_name"),
            "closures": account.closures.order_by("-starts_at")[:20],
            "may_end_closures": closures.may_close(request.membership, account),  # type: ignore[attr-defined]
            "review_due": account.review_due(),
            "identity_required": bool(identity.requirements(account)),
            "identity_problems": [identity.PROBLEM_LABELS[k] for k in identity.current_problems(account)],
            "review_form": (review_form or ReviewForm())
            if closures.may_close(request.membership, account)  # type: ignore[attr-defined]
            and account.state in yearly_review.REVIEWED_STATES
            else None,
            "now": timezone.now(),
            "alerts": account.alerts.filter(resolved_at__isnull=True),
            "panels": panels_for(account),
            "closure_form": (form or ClosureForm(comment_switch=comment_switch)) if can_close else None,
            "comment_switch": comment_switch,
            "plan": plan,
            "questions": questions,
            "approvers": lifecycle.approvers(account, plan),
            "approved_by_roles": lifecycle.role_names(rules.approved_by),
            "notified_roles": lifecycle.role_names(rules.notified),
            "rules_note": rules.note.text(get_language()) if rules.note else "",
            "events": account.events.select_related("actor").order_by("-at", "-pk"),
            "actions": actions,
            "flags": [(key, lifecycle.FLAG_LABELS[key]) for key in lifecycle.flags(account, request.user)],
            "comment_form": CommentForm(),
            "reason_form": ReasonForm(),
            "activate_form": ActivateForm(
                municipality=municipality, initial_responsible=account.responsible_id
            ),
            "owners_form": OwnersForm(
                municipality=municipality,
                initial={
                    "responsible": account.responsible_id,
                    "admins": list(account.admins.values_list("pk", flat=True)),
                },
            ),
            "refusal": refusal,
            "approval_refusal": refusal_for_approval,
        },
        status=status or (400 if form is not None else 200),
    )


def plan_form(
    request: HttpRequest, municipality: Municipality, account: Account | None, **kwargs
) -> PlanForm:
    questions = (
        lifecycle.questions(account)
        if account is not None
        else lifecycle.load_pack(municipality.policy_pack).roles.account.plan
    )
    return PlanForm(
        questions=questions, municipality=municipality, language=get_language(), new=account is None, **kwargs
    )


def plan_initial(account: Account) -> dict:
    plan = lifecycle.plan_of(account)
    initial = {f"q_{key}": value for key, value in (plan.answers if plan else {}).items()}
    initial["responsible"] = account.responsible_id
    initial["admins"] = list(account.admins.values_list("pk", flat=True))
    return initial


def render_plan(
    request: HttpRequest,
    municipality: Municipality,
    account: Account | None,
    form: PlanForm,
    status: int = 200,
) -> HttpResponse:
    rules = lifecycle.load_pack(municipality.policy_pack).roles.account
    return render(
        request,
        "registry/plan.html",
        {
            "municipality": municipality,
            "account": account,
            "form": form,
            "approved_by_roles": lifecycle.role_names(rules.approved_by),
            "notified_roles": lifecycle.role_names(rules.notified),
            "rules_note": rules.note.text(get_language()) if rules.note else "",
            "plan_required": rules.plan_required,
        },
        status=status,
    )


@member_required(roles=lifecycle.PLANNERS)
def new(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """A planned account with its plan: saved as a draft, or sent for approval at once."""
    if request.method == "GET":
        return render_plan(request, municipality, None, plan_form(request, municipality, None))
    if request.method != "POST":
        return HttpResponse(status=405)
    form = plan_form(request, municipality, None, data=request.POST)
    if not form.is_valid():
        return render_plan(request, municipality, None, form, status=400)
    actor = Actor(person=request.user)
    responsible, admins = form.people(municipality)
    data = form.cleaned_data
    try:
        account = lifecycle.create_planned(
            municipality,
            data["platform"],
            data["external_id"],
            data["name"],
            actor,
            form.answers(),
            responsible=responsible,
            admins=admins,
            handle=data.get("handle") or "",
            unit=data.get("unit"),
        )
    except lifecycle.Refused as exc:
        form.add_error(None, exc.message)
        return render_plan(request, municipality, None, form, status=exc.status)
    except ValueError as exc:
        form.add_error("external_id", str(exc))
        return render_plan(request, municipality, None, form, status=400)
    return after_plan_saved(request, municipality, account, form)


def after_plan_saved(
    request: HttpRequest, municipality: Municipality, account: Account, form: PlanForm
) -> HttpResponse:
    if "send" in request.POST:
        try:
            lifecycle.submit(account, Actor(person=request.user), language=get_language())
        except lifecycle.Refused as exc:
            # The account and its draft exist now: the form goes on as the account's plan page.
            form = plan_form(request, municipality, account, data=request.POST)
            form.is_valid()
            message = exc.message
            if isinstance(exc, lifecycle.PlanIncomplete):
                form.mark_missing(exc.missing)
                message = _("Required questions are not answered; they are marked below.")
            form.add_error(None, message + " " + _("The plan is saved as a draft."))
            return render_plan(request, municipality, account, form, status=exc.status)
        messages.success(request, _("The plan is sent for approval."))
    else:
        messages.success(request, _("The plan is saved as a draft."))
    return redirect("registry:detail", municipality=municipality.slug, account_id=account.pk)


@member_required(roles=lifecycle.PLANNERS)
def edit_plan(request: HttpRequest, municipality: Municipality, account_id: int) -> HttpResponse:
    account = get_or_404(Account.objects.select_related("unit", "responsible"), request, pk=account_id)
    if "plan" not in lifecycle.available_actions(account, request.user, request.membership):  # type: ignore[attr-defined]
        return render_detail(
            request,
            municipality,
            account,
            refusal=_(
                "The plan can be changed only while the account is planned and not waiting for approval."
            ),
            status=403,
        )
    if request.method == "GET":
        return render_plan(
            request,
            municipality,
            account,
            plan_form(request, municipality, account, initial=plan_initial(account)),
        )
    if request.method != "POST":
        return HttpResponse(status=405)
    form = plan_form(request, municipality, account, data=request.POST)
    if not form.is_valid():
        return render_plan(request, municipality, account, form, status=400)
    responsible, admins = form.people(municipality)
    try:
        lifecycle.save_plan(
            account, Actor(person=request.user), form.answers(), responsible=responsible, admins=admins
        )
    except lifecycle.Refused as exc:
        form.add_error(None, exc.message)
        return render_plan(request, municipality, account, form, status=exc.status)
    return after_plan_saved(request, municipality, account, form)


DONE_MESSAGES = {
    "submit": gettext_lazy("The plan is sent for approval."),
    "approve": gettext_lazy("The plan is approved; the account can be activated."),
    "reject": gettext_lazy("The plan is rejected; it can be revised and sent again."),
    "activate": gettext_lazy("The account is active."),
    "close": gettext_lazy("The account is closed temporarily."),
    "reopen": gettext_lazy("The account is open again."),
    "retire": gettext_lazy("The account is retired; its items stay readable and archived."),
    "owners": gettext_lazy("The responsible person and the admins are saved."),
}


@require_POST
@member_required(roles=VIEWERS)
def act(request: HttpRequest, municipality: Municipality, account_id: int, action: str) -> HttpResponse:
    """One step of the account's life; refused steps change nothing and say why (403)."""
    if action not in DONE_MESSAGES:
        raise Http404
    account = get_or_404(
        Account.objects.select_related("unit", "responsible", "approved_by"), request, pk=account_id
    )
    actor = Actor(person=request.user)
    try:
        if action == "submit":
            lifecycle.submit(account, actor, language=get_language())
        elif action in ("approve", "reject"):
            form = CommentForm(request.POST)
            comment = form.data.get("comment", "") if not form.is_valid() else form.cleaned_data["comment"]
            step = lifecycle.approve if action == "approve" else lifecycle.reject
            step(account, actor, comment)
        elif action == "activate":
            activate_form = ActivateForm(request.POST, municipality=municipality)
            responsible = activate_form.person(municipality) if activate_form.is_valid() else None
            lifecycle.activate(account, actor, responsible=responsible)
        elif action == "owners":
            owners = OwnersForm(request.POST, municipality=municipality)
            if not owners.is_valid():
                raise lifecycle.Refused(_("Choose people who are members of the municipality."))
            responsible, admins = owners.people(municipality)
            lifecycle.change_owners(account, actor, responsible=responsible, admins=admins)
        else:
            reason = ReasonForm(request.POST)
            text = reason.cleaned_data["reason"] if reason.is_valid() else ""
            getattr(lifecycle, action)(account, actor, text)
    except lifecycle.PlanIncomplete as exc:
        form = plan_form(request, municipality, account, data=plan_initial_data(account))
        form.is_valid()
        form.mark_missing(exc.missing)
        form.add_error(None, _("Required questions are not answered; they are marked below."))
        return render_plan(request, municipality, account, form, status=400)
    except lifecycle.Refused as exc:
        account.refresh_from_db()
        return render_detail(request, municipality, account, refusal=exc.message, status=403)
    messages.success(request, DONE_MESSAGES[action])
    return redirect("registry:detail", municipality=municipality.slug, account_id=account.pk)


def plan_initial_data(account: Account) -> dict:
    """The stored plan as form data, so a refused submission shows the plan with its gaps marked."""
    data: dict = {key: value for key, value in plan_initial(account).items() if key != "admins"}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    return data
