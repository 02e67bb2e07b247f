"""An official account's life: plan, approval, activation, closure and retirement (DESIGN.md §3).

`planned → approved → active → closed_temporarily → retired`. Every change of state goes through
`transition`, which checks that the change is allowed from the account's current state, and
records an `AccountEvent` in the same transaction; what needs no change of state (a plan saved,
sent or rejected) is recorded with `record`. Who may do what is read from the municipality's
pack (`roles.account`) and the person's membership, never hard-coded per municipality, and the
web pages and the `account` command ask the same functions.

A refusal raises `Refused` (or its kinds) with a message in the active language; nothing has
changed when it is raised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from somevakt.policy.labels import in_sentence
from somevakt.policy.packs import load_pack as load_pack
from somevakt.policy.schema import AccountRules, PlanQuestion
from somevakt.registry import notify
from somevakt.registry.models import (
    Account,
    AccountEvent,
    AccountEventType,
    AccountPlan,
    AccountState,
    PlanDecision,
)
from somevakt.registry.services import AccountTaken, Actor, add_account
from somevakt.tenants import audit
from somevakt.tenants.models import AuditAction, Membership
from somevakt.tenants.roles import Role

# Who writes plans and sees the accounts pages: communications staff, the chief executive, unit
# leaders, IT.
PLANNERS = (Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE, Role.UNIT_LEADER, Role.IT)
# Who may activate, close, reopen and retire any account; the leader of the account's unit and
# its responsible person may do so for that account.
MANAGERS = (Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE)

# The changes of state: where each may start from.
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    AccountEventType.APPROVED: ((AccountState.PLANNED,), AccountState.APPROVED),
    AccountEventType.ACTIVATED: ((AccountState.APPROVED,), AccountState.ACTIVE),
    AccountEventType.CLOSED: ((AccountState.ACTIVE,), AccountState.CLOSED_TEMPORARILY),
    AccountEventType.REOPENED: ((AccountState.CLOSED_TEMPORARILY,), AccountState.ACTIVE),
    AccountEventType.RETIRED: (
        (
            AccountState.PLANNED,
            AccountState.APPROVED,
            AccountState.ACTIVE,
            AccountState.CLOSED_TEMPORARILY,
        ),
        AccountState.RETIRED,
    ),
}

# The actions a person may be offered on an account's page (and the `account` subcommands).
ACTIONS = ("plan", "submit", "approve", "reject", "activate", "close", "reopen", "retire", "owners")

FLAG_LABELS = {
    "no_responsible": gettext_lazy("No responsible person"),
    "chief_executive_not_admin": gettext_lazy("The chief executive is not an admin"),
    "plan_waiting_for_you": gettext_lazy("Plan waiting for your approval"),
    "plan_rejected": gettext_lazy("Plan rejected: revise it"),
    "review_due": gettext_lazy("Yearly review due"),
}


class Refused(Exception):
    """The action is not allowed now (wrong state, missing data); nothing was changed."""

    status = 409

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(Refused):
    """This person may not do this to this account."""

    status = 403


class PlanIncomplete(Refused):
    """Required questions of the plan are not answered; `missing` names them."""

    status = 400

    def __init__(self, message: str, missing: list[PlanQuestion]) -> None:
        super().__init__(message)
        self.missing = missing


# --- the pack ------------------------------------------------------------------------------


def rules_for(account: Account) -> AccountRules:
    return load_pack(account.municipality.policy_pack).roles.account


def questions(account: Account) -> tuple[PlanQuestion, ...]:
    return rules_for(account).plan


def role_names(roles: Iterable[str]) -> str:
    return ", ".join(in_sentence(str(Role(role).label)) for role in roles)


def clean_answers(account: Account, answers: Mapping[str, Any]) -> dict[str, str]:
    """The answers to the pack's questions only, stripped; a choice must be one of its choices."""
    cleaned: dict[str, str] = {}
    for question in questions(account):
        value = str(answers.get(question.id) or "").strip()
        if question.kind == "choice" and value and value not in {c.id for c in question.choices}:
            known = ", ".join(c.id for c in question.choices)
            raise Refused(
                _("%(question)s: %(value)r is not one of the choices (%(known)s).")
                % {"question": question.id, "value": value, "known": known}
            )
        if value:
            cleaned[question.id] = value
    return cleaned


def missing_answers(account: Account, answers: Mapping[str, Any]) -> list[PlanQuestion]:
    return [q for q in questions(account) if q.required and not str(answers.get(q.id) or "").strip()]


def incomplete(account: Account, missing: list[PlanQuestion], language: str | None) -> PlanIncomplete:
    named = "; ".join(q.question.text(language) for q in missing)
    return PlanIncomplete(
        _("The plan is missing required answers: %(questions)s") % {"questions": named}, missing
    )


# --- who may --------------------------------------------------------------------------------


def membership_of(person: Any, account: Account) -> Membership | None:
    if person is None:
        return None
    return (
        Membership.objects.prefetch_related("grants")
        .filter(person=person, municipality_id=account.municipality_id)
        .first()
    )


def plan_of(account: Account) -> AccountPlan | None:
    return AccountPlan.objects.filter(account=account).first()


def approvers(account: Account, plan: AccountPlan | None = None) -> list[Any]:
    """The people who may approve the account's plan under its pack (never the plan's author).

    A unit leader is the leader of the account's unit, or the deputy while the leader is away
    (or the leader of the unit above, when the author is the unit's own leader).
    """
    plan = plan if plan is not None else plan_of(account)
    author_id = plan.author_id if plan is not None else None
    people: dict[int, Any] = {}
    for role in rules_for(account).approved_by:
        if role == Role.UNIT_LEADER:
            leader = unit_approver(account, author_id)
            if leader is not None:
                people[leader.pk] = leader
            continue
        for membership in (
            Membership.objects.with_role(role)
            .filter(municipality_id=account.municipality_id)
            .select_related("person")
        ):
            people[membership.person.pk] = membership.person
    return [person for pk, person in sorted(people.items()) if pk != author_id]


def unit_approver(account: Account, author_id: int | None) -> Any:
    """The acting leader of the account's unit (the deputy while the leader is away), or of the
    nearest unit above, passing over the plan's author and anyone who is only an employee."""
    unit = account.unit if account.unit_id else None
    seen: set[int] = set()
    while unit is not None and unit.pk not in seen:
        seen.add(unit.pk)
        leader = unit.acting_leader
        if leader is not None and leader.pk != author_id and not only_employee(leader, account):
            return leader
        unit = unit.parent
    return None


def only_employee(person: Any, account: Account) -> bool:
    membership = membership_of(person, account)
    return membership is None or not (membership.roles - {Role.EMPLOYEE})


def approval_refusal(account: Account, person: Any, plan: AccountPlan | None = None) -> str | None:
    """Why `person` may not approve (or reject) the account's plan, or None if they may."""
    plan = plan if plan is not None else plan_of(account)
    if plan is not None and person is not None and person.pk in (plan.author_id, plan.submitted_by_id):
        return _("You wrote this plan; someone else must approve it.")
    if person is not None and any(p.pk == person.pk for p in approvers(account, plan)):
        return None
    rules = rules_for(account)
    if Role.UNIT_LEADER in rules.approved_by and not account.unit_id:
        return _("The account has no unit, so there is no unit leader to approve it. Choose its unit first.")
    who = role_names(rules.approved_by)
    if Role.UNIT_LEADER in rules.approved_by:
        who = _("%(roles)s (of the account's unit, or the deputy while the leader is away)") % {"roles": who}
    return _("Only %(roles)s may approve this account.") % {"roles": who}


def may_plan(membership: Membership | None) -> bool:
    return membership is not None and membership.has_role(*PLANNERS)


def may_manage(account: Account, person: Any, membership: Membership | None = None) -> bool:
    """Activate, close, reopen or retire: communications, the chief executive, the leader of the
    account's unit (or the deputy while the leader is away), or the account's responsible person."""
    if person is None:
        return False
    membership = membership if membership is not None else membership_of(person, account)
    if membership is None:
        return False
    if membership.has_role(*MANAGERS):
        return True
    if account.responsible_id == person.pk:
        return True
    return account.unit_id is not None and account.unit.acting_leader == person


def available_actions(account: Account, person: Any, membership: Membership | None = None) -> set[str]:
    """What the page offers this person on this account now."""
    membership = membership if membership is not None else membership_of(person, account)
    plan = plan_of(account)
    actions: set[str] = set()
    state = account.state
    if state == AccountState.PLANNED:
        editable = plan is None or plan.decision in (PlanDecision.DRAFT, PlanDecision.REJECTED)
        if editable and may_plan(membership):
            actions |= {"plan", "submit"}
        if (
            plan is not None
            and plan.decision == PlanDecision.SUBMITTED
            and approval_refusal(account, person, plan) is None
        ):
            actions |= {"approve", "reject"}
    manage = may_manage(account, person, membership)
    if manage:
        for action, event in (
            ("activate", AccountEventType.ACTIVATED),
            ("close", AccountEventType.CLOSED),
            ("reopen", AccountEventType.REOPENED),
            ("retire", AccountEventType.RETIRED),
        ):
            if state in TRANSITIONS[event][0]:
                actions.add(action)
        if state != AccountState.RETIRED:
            actions.add("owners")
    return actions


def flags(account: Account, person: Any = None) -> list[str]:
    """What the accounts page points out about an account (keys of FLAG_LABELS)."""
    found: list[str] = []
    if account.state == AccountState.RETIRED:
        return found
    if account.responsible_id is None:
        found.append("no_responsible")
    if account.review_due():
        found.append("review_due")
    rules = rules_for(account)
    if "chief_executive_admin" in rules.checks and not chief_executive_is_admin(account):
        found.append("chief_executive_not_admin")
    plan = getattr(account, "plan", None)
    if plan is not None and account.state == AccountState.PLANNED:
        if plan.decision == PlanDecision.SUBMITTED and person is not None:
            if approval_refusal(account, person, plan) is None:
                found.append("plan_waiting_for_you")
        elif plan.decision == PlanDecision.REJECTED:
            found.append("plan_rejected")
    return found


def chief_executive_is_admin(account: Account) -> bool:
    admins = {person.pk for person in account.admins.all()}
    chiefs = set(
        Membership.objects.with_role(Role.CHIEF_EXECUTIVE)
        .filter(municipality_id=account.municipality_id)
        .values_list("person_id", flat=True)
    )
    return bool(admins & chiefs)


# --- recording ------------------------------------------------------------------------------


def record(
    account: Account,
    type: str,
    actor: Actor,
    *,
    reason: str = "",
    clauses: Iterable[str] = (),
    payload: dict[str, Any] | None = None,
    from_state: str = "",
    to_state: str = "",
) -> AccountEvent:
    event = AccountEvent.objects.create(
        account=account,
        type=type,
        actor=actor.person,
        actor_label="" if actor.person is not None else actor.label,
        reason=reason,
        clauses=list(dict.fromkeys(clauses)),
        payload=payload or {},
        from_state=from_state,
        to_state=to_state,
    )
    if actor.person is not None:
        # What a person did to an account is also in the municipality's audit log (on the web and
        # with `--as` on the command line); what the demo or a system did is in the history only.
        audit.record(
            AuditAction.ACCOUNT_CHANGED,
            actor=actor.person,
            municipality=account.municipality_id,
            subject=str(account),
            before={"state": from_state} if from_state else {},
            after={"event": type, **({"state": to_state} if to_state else {}), "reason": reason[:300]},
        )
    return event


def transition(
    account: Account,
    type: str,
    actor: Actor,
    *,
    reason: str = "",
    clauses: Iterable[str] = (),
    payload: dict[str, Any] | None = None,
) -> AccountEvent:
    """Move the account to the state `type` leads to, if its current state allows it.

    Call inside a transaction with the account locked (`locked`), so two people pressing the
    same button at once change it once.
    """
    sources, target = TRANSITIONS[type]
    if account.state not in sources:
        if account.state == target:
            raise Refused(
                _("The account is already %(state)s; nothing was changed.")
                % {"state": str(AccountState(target).label).lower()}
            )
        raise Refused(
            _("An account that is %(state)s cannot be %(action)s.")
            % {
                "state": str(AccountState(account.state).label).lower(),
                "action": str(AccountEventType(type).label).lower(),
            }
        )
    before = account.state
    account.state = target
    fields = ["state"]
    if type == AccountEventType.APPROVED:
        account.approved_by = actor.person
        account.approved_by_label = "" if actor.person is not None else actor.label
        account.approved_at = timezone.now()
        fields += ["approved_by", "approved_by_label", "approved_at"]
    account.save(update_fields=fields)
    return record(
        account,
        type,
        actor,
        reason=reason,
        clauses=clauses,
        payload=payload,
        from_state=before,
        to_state=target,
    )


def locked(account: Account) -> Account:
    # Only the account's row: PostgreSQL cannot lock the nullable side of the outer joins
    # (no unit, no responsible person), and the related rows need no lock.
    return (
        Account.objects.select_for_update(of=("self",))
        .select_related("municipality", "unit", "responsible")
        .get(pk=account.pk)
    )


def plan_clauses(rules: AccountRules) -> list[str]:
    return [*(q.clause for q in rules.plan if q.clause), *rules.clauses]


def tell(people: list[Any], account: Account, compose: notify.Message, role: str) -> list[dict[str, str]]:
    """E-mail `people` after commit, each in their language; returns who was told, for the
    event's payload."""
    notify.send_after_commit(people, compose)
    return [
        {
            "username": p.get_username(),
            # The history names the person as people know them, not by their user name.
            "name": p.get_full_name() or p.get_username(),
            "role": role,
            "email": "yes" if p.email else "no",
        }
        for p in people
    ]


# --- the actions ----------------------------------------------------------------------------


def check_member(account: Account, actor: Actor) -> Membership | None:
    if actor.person is None:
        return None
    membership = membership_of(actor.person, account)
    if membership is None:
        raise NotAllowed(_("%(name)s is not a member of this municipality.") % {"name": actor.name})
    return membership


@transaction.atomic
def save_plan(
    account: Account,
    actor: Actor,
    answers: Mapping[str, Any],
    *,
    merge: bool = False,
    responsible: Any = None,
    admins: Iterable[Any] | None = None,
) -> AccountPlan:
    """Store the plan's answers (a draft, or a rejected plan being revised); not yet sent."""
    account = locked(account)
    membership = check_member(account, actor)
    if actor.person is not None and not may_plan(membership):
        raise NotAllowed(_("Only %(roles)s may write an account's plan.") % {"roles": role_names(PLANNERS)})
    if account.state != AccountState.PLANNED:
        raise Refused(_("The plan can only be changed while the account is planned."))
    plan, _new = AccountPlan.objects.get_or_create(account=account, defaults={"author": actor.person})
    if plan.decision not in (PlanDecision.DRAFT, PlanDecision.REJECTED):
        raise Refused(_("The plan is waiting for approval and cannot be changed now."))
    cleaned = clean_answers(account, answers)
    plan.answers = {**plan.answers, **cleaned} if merge else cleaned
    if plan.author_id is None:
        plan.author = actor.person
    plan.save()
    set_owners(account, actor, responsible=responsible, admins=admins, quiet=True)
    record(account, AccountEventType.PLAN_SAVED, actor, payload={"answered": sorted(plan.answers)})
    return plan


def set_owners(
    account: Account,
    actor: Actor,
    *,
    responsible: Any = None,
    admins: Iterable[Any] | None = None,
    quiet: bool = False,
) -> bool:
    """Name the responsible person and the admins (members of the municipality only)."""
    changes: dict[str, Any] = {}
    for person in [responsible, *(admins or [])]:
        if person is not None and membership_of(person, account) is None:
            raise Refused(
                _("%(name)s is not a member of this municipality.") % {"name": person.get_username()}
            )
    if responsible is not None and account.responsible_id != responsible.pk:
        account.responsible = responsible
        account.save(update_fields=["responsible"])
        changes["responsible"] = responsible.get_username()
    if admins is not None:
        wanted = {p.pk for p in admins}
        if set(account.admins.values_list("pk", flat=True)) != wanted:
            account.admins.set(wanted)
            changes["admins"] = sorted(p.get_username() for p in admins)
    if changes and not quiet:
        record(account, AccountEventType.OWNERS_CHANGED, actor, payload=changes)
    return bool(changes)


@transaction.atomic
def create_planned(
    municipality: Any,
    platform: str,
    external_id: str,
    name: str,
    actor: Actor,
    answers: Mapping[str, Any],
    *,
    responsible: Any = None,
    admins: Iterable[Any] = (),
    **fields: Any,
) -> Account:
    """A new planned account with its plan's first answers (not yet sent for approval)."""
    if actor.person is not None:
        membership = (
            Membership.objects.prefetch_related("grants")
            .filter(person=actor.person, municipality=municipality)
            .first()
        )
        if not may_plan(membership):
            raise NotAllowed(
                _("Only %(roles)s may write an account's plan.") % {"roles": role_names(PLANNERS)}
            )
    try:
        account, created = add_account(
            municipality, platform, external_id, name, approver=actor, state=AccountState.PLANNED, **fields
        )
    except AccountTaken as taken:
        raise Refused(str(taken)) from None
    if not created:
        raise Refused(
            _("%(platform)s %(id)s is already registered (account %(pk)s).")
            % {"platform": account.get_platform_display(), "id": account.external_id, "pk": account.pk}
        )
    save_plan(account, actor, answers, responsible=responsible, admins=admins)
    return account


@transaction.atomic
def submit(account: Account, actor: Actor, language: str | None = None) -> AccountEvent:
    """Send the plan for approval; the people who may approve it are told."""
    account = locked(account)
    membership = check_member(account, actor)
    if actor.person is not None and not may_plan(membership):
        raise NotAllowed(_("Only %(roles)s may send a plan for approval.") % {"roles": role_names(PLANNERS)})
    if account.state != AccountState.PLANNED:
        raise Refused(_("Only a planned account's plan can be sent for approval."))
    plan = plan_of(account)
    if plan is None:
        plan = AccountPlan.objects.create(account=account, author=actor.person)
    if plan.decision == PlanDecision.SUBMITTED:
        raise Refused(_("The plan is already waiting for approval; nothing was changed."))
    if plan.decision == PlanDecision.APPROVED:
        raise Refused(_("The plan is already approved; nothing was changed."))
    missing = missing_answers(account, plan.answers)
    if missing:
        raise incomplete(account, missing, language)
    resubmitted = plan.decision == PlanDecision.REJECTED
    plan.decision = PlanDecision.SUBMITTED
    plan.submitted_by = actor.person
    plan.submitted_at = timezone.now()
    if resubmitted:
        plan.revisions += 1
    plan.save()
    rules = rules_for(account)
    people = approvers(account, plan)
    actor_name = actor.name
    told = tell(people, account, lambda: notify.plan_submitted_message(account, actor_name), role="approver")
    return record(
        account,
        AccountEventType.SUBMITTED,
        actor,
        clauses=plan_clauses(rules),
        payload={"notified": told, "revision": plan.revisions, "answers": plan.answers},
    )


def decide(account: Account, actor: Actor, comment: str, *, approve: bool) -> AccountEvent:
    account = locked(account)
    check_member(account, actor)
    comment = (comment or "").strip()
    if not comment:
        raise Refused(_("Write a comment with the decision."))
    plan = plan_of(account)
    if actor.person is not None:
        refusal = approval_refusal(account, actor.person, plan)
        if refusal:
            raise NotAllowed(refusal)
    if (plan is not None and plan.decision == PlanDecision.APPROVED) or account.state != AccountState.PLANNED:
        raise Refused(_("The account is already approved; nothing was changed."))
    if plan is None or plan.decision != PlanDecision.SUBMITTED:
        raise Refused(_("The plan has not been sent for approval."))
    rules = rules_for(account)
    clauses = [rules.approval_clause] if rules.approval_clause else list(rules.clauses)
    plan.decision = PlanDecision.APPROVED if approve else PlanDecision.REJECTED
    plan.decided_by = actor.person
    plan.decided_by_label = "" if actor.person is not None else actor.label
    plan.decided_at = timezone.now()
    plan.comment = comment
    plan.save()
    author = plan.submitted_by or plan.author
    actor_name = actor.name
    told = tell(
        [author] if author is not None else [],
        account,
        lambda: notify.plan_decided_message(account, actor_name, approve, comment),
        role="author",
    )
    payload = {"notified": told, "revision": plan.revisions}
    if approve:
        return transition(
            account, AccountEventType.APPROVED, actor, reason=comment, clauses=clauses, payload=payload
        )
    return record(account, AccountEventType.REJECTED, actor, reason=comment, clauses=clauses, payload=payload)


@transaction.atomic
def approve(account: Account, actor: Actor, comment: str) -> AccountEvent:
    return decide(account, actor, comment, approve=True)


@transaction.atomic
def reject(account: Account, actor: Actor, comment: str) -> AccountEvent:
    return decide(account, actor, comment, approve=False)


@transaction.atomic
def approve_without_plan(account: Account, actor: Actor, comment: str) -> AccountEvent:
    """An approval given outside somevakt and recorded (`account add --approved-by`): the person
    must still be one the pack lets approve."""
    account = locked(account)
    check_member(account, actor)
    if actor.person is not None:
        refusal = approval_refusal(account, actor.person, None)
        if refusal:
            raise NotAllowed(refusal)
    rules = rules_for(account)
    clauses = [rules.approval_clause] if rules.approval_clause else list(rules.clauses)
    return transition(account, AccountEventType.APPROVED, actor, reason=comment, clauses=clauses)


def check_manager(account: Account, actor: Actor) -> None:
    membership = check_member(account, actor)
    if actor.person is not None and not may_manage(account, actor.person, membership):
        raise NotAllowed(
            _("Only %(roles)s, the leader of the account's unit or its responsible person may do this.")
            % {"roles": role_names(MANAGERS)}
        )


@transaction.atomic
def activate(
    account: Account, actor: Actor, *, responsible: Any = None, admins: Iterable[Any] | None = None
) -> AccountEvent:
    """Approved → active: needs a named responsible person; the roles the pack names are told."""
    account = locked(account)
    check_manager(account, actor)
    if account.state == AccountState.APPROVED:
        set_owners(account, actor, responsible=responsible, admins=admins)
    if account.state == AccountState.APPROVED and account.responsible_id is None:
        raise Refused(_("Name the account's responsible person before it is activated."))
    rules = rules_for(account)
    people = notified_people(account, rules)
    told: list[dict[str, str]] = []
    if account.state == AccountState.APPROVED:
        for role, group in people.items():
            told += tell(
                group,
                account,
                lambda role=role: notify.account_activated_message(account, actor.name, role),  # type: ignore[misc]
                role=role,
            )
    clauses = [c for c in (rules.notified_clause,) if c and people]
    return transition(
        account,
        AccountEventType.ACTIVATED,
        actor,
        clauses=clauses,
        payload={
            "notified": told,
            "responsible": account.responsible.get_username() if account.responsible else None,
        },
    )


def notified_people(account: Account, rules: AccountRules) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for role in rules.notified:
        if role == Role.UNIT_LEADER:
            leader = account.unit.nearest_leader() if account.unit_id else None
            found[role] = [leader] if leader is not None else []
            continue
        found[role] = [
            m.person
            for m in Membership.objects.with_role(role)
            .filter(municipality_id=account.municipality_id)
            .select_related("person")
            .order_by("person__username")
        ]
    return found


@transaction.atomic
def change_owners(account: Account, actor: Actor, *, responsible: Any, admins: Iterable[Any]) -> bool:
    """Name another responsible person or change the admins (e.g. add the chief executive where
    the pack checks it); False when nothing changed. An account keeps its responsible person once
    it has one."""
    account = locked(account)
    check_manager(account, actor)
    if account.state == AccountState.RETIRED:
        raise Refused(_("A retired account's people are kept as they were."))
    return set_owners(account, actor, responsible=responsible, admins=list(admins))


def reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Give a reason."))
    return reason


@transaction.atomic
def close(account: Account, actor: Actor, reason: str) -> AccountEvent:
    account = locked(account)
    check_manager(account, actor)
    return transition(account, AccountEventType.CLOSED, actor, reason=reason_required(reason))


@transaction.atomic
def reopen(account: Account, actor: Actor, reason: str = "") -> AccountEvent:
    account = locked(account)
    check_manager(account, actor)
    return transition(account, AccountEventType.REOPENED, actor, reason=(reason or "").strip())


@transaction.atomic
def retire(account: Account, actor: Actor, reason: str) -> AccountEvent:
    """The account is closed for good; its items stay readable and archived."""
    account = locked(account)
    check_manager(account, actor)
    return transition(account, AccountEventType.RETIRED, actor, reason=reason_required(reason))
