"""registry.lifecycle: the account's states, its plan, who may approve, and what is recorded."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from somevakt.policy.packs import load_pack
from somevakt.registry import lifecycle
from somevakt.registry.lifecycle import NotAllowed, PlanIncomplete, Refused
from somevakt.registry.models import AccountEvent, AccountState, PlanDecision
from somevakt.registry.services import Actor
from tests.factories import make_account
from tests.registry.conftest import pack_municipality

SLUGS = ("batsfjord", "gausdal", "hustadvika", "romskog")


@pytest.fixture(autouse=True)
def in_english():
    # The messages are matched in English here; the pages' tests see them in Norwegian.
    with translation.override("en"):
        yield


def full_answers(slug: str) -> dict[str, str]:
    return {
        q.id: (q.choices[0].id if q.kind == "choice" else f"Svar på {q.id}")
        for q in load_pack(slug).roles.account.plan
    }


def as_(person) -> Actor:
    return Actor(person=person)


def submitted(slug: str, author: str = "komm"):
    """A planned account of the unit in a municipality under `slug`'s pack, its plan sent."""
    municipality, unit, people = pack_municipality(slug)
    account = make_account(municipality, unit=unit, state="planned", name="Ny side")
    lifecycle.save_plan(account, as_(people[author]), full_answers(slug))
    lifecycle.submit(account, as_(people[author]))
    return account, people


# --- who may approve, per pack ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "approver"),
    [("gausdal", "sjef"), ("romskog", "sjef"), ("hustadvika", "leder"), ("batsfjord", "leder")],
)
def test_it_lets_only_the_role_the_pack_names_approve(db, slug, approver):
    account, people = submitted(slug)
    assert [p.pk for p in lifecycle.approvers(account)] == [people[approver].pk]
    for name in people:
        if name not in (approver, "komm"):
            with pytest.raises(NotAllowed):
                lifecycle.approve(account, as_(people[name]), "ok")
    account.refresh_from_db()
    assert account.state == AccountState.PLANNED
    event = lifecycle.approve(account, as_(people[approver]), "Godkjent")
    account.refresh_from_db()
    assert (account.state, account.approved_by) == (AccountState.APPROVED, people[approver])
    rules = load_pack(slug).roles.account
    assert event.clauses == [rules.approval_clause]
    assert event.reason == "Godkjent"


@pytest.mark.parametrize("slug", ["hustadvika", "batsfjord"])
def test_it_lets_the_deputy_approve_while_the_unit_leader_is_away(db, slug):
    account, people = submitted(slug)
    unit = account.unit
    unit.leader_away = True
    unit.save()
    with pytest.raises(NotAllowed, match="deputy while the leader is away"):
        lifecycle.approve(account, as_(people["leder"]), "ok")
    lifecycle.approve(account, as_(people["nestleder"]), "Godkjent mens lederen er borte")
    account.refresh_from_db()
    assert account.approved_by == people["nestleder"]


@pytest.mark.parametrize("slug", ["hustadvika", "batsfjord"])
def test_it_passes_over_a_deputy_who_is_only_an_employee(db, slug):
    from somevakt.tenants.roles import Role

    account, people = submitted(slug)
    deputy = people["nestleder"].memberships.get()
    deputy.grants.all().delete()
    deputy.grants.create(role=Role.EMPLOYEE)
    account.unit.leader_away = True
    account.unit.save()
    # The leader of the unit above approves instead.
    assert lifecycle.approvers(account) == [people["sjef"]]
    with pytest.raises(NotAllowed):
        lifecycle.approve(account, as_(people["nestleder"]), "ok")


def test_it_never_lets_an_employee_approve(db):
    account, people = submitted("hustadvika")
    with pytest.raises(NotAllowed):
        lifecycle.approve(account, as_(people["ansatt"]), "ok")
    assert not account.events.filter(type="approved").exists()


def test_it_never_lets_the_author_approve_their_own_plan(db):
    # The chief executive writes a Gausdal plan: someone else on the team must approve it.
    account, people = submitted("gausdal", author="sjef")
    with pytest.raises(NotAllowed, match="You wrote this plan"):
        lifecycle.approve(account, as_(people["sjef"]), "ok")
    assert lifecycle.approvers(account) == []


def test_it_sends_a_unit_leaders_own_plan_to_the_leader_above(db):
    account, people = submitted("hustadvika", author="leder")
    assert lifecycle.approvers(account) == [people["sjef"]]


def test_it_says_so_when_approving_twice_and_changes_nothing(db):
    account, people = submitted("gausdal")
    lifecycle.approve(account, as_(people["sjef"]), "Godkjent")
    before = AccountEvent.objects.count()
    with pytest.raises(Refused, match="already approved"):
        lifecycle.approve(account, as_(people["sjef"]), "Igjen")
    assert AccountEvent.objects.count() == before


def test_it_needs_a_comment_to_decide(db):
    account, people = submitted("gausdal")
    with pytest.raises(Refused, match="comment"):
        lifecycle.reject(account, as_(people["sjef"]), "  ")


# --- the plan ----------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_it_refuses_to_send_a_plan_with_missing_answers_and_names_them(db, slug):
    municipality, unit, people = pack_municipality(slug)
    account = make_account(municipality, unit=unit, state="planned")
    lifecycle.save_plan(account, as_(people["komm"]), {})
    with pytest.raises(PlanIncomplete) as refused:
        lifecycle.submit(account, as_(people["komm"]), language="nn")
    required = [q for q in load_pack(slug).roles.account.plan if q.required]
    assert [q.id for q in refused.value.missing] == [q.id for q in required]
    for question in required:
        assert question.question.nn in refused.value.message
    assert lifecycle.plan_of(account).decision == PlanDecision.DRAFT


@pytest.mark.parametrize("slug", SLUGS)
def test_it_cites_the_plans_clauses_and_tells_the_approvers(db, slug, django_capture_on_commit_callbacks):
    municipality, unit, people = pack_municipality(slug)
    account = make_account(municipality, unit=unit, state="planned")
    lifecycle.save_plan(account, as_(people["komm"]), full_answers(slug))
    with django_capture_on_commit_callbacks(execute=True):
        event = lifecycle.submit(account, as_(people["komm"]))
    rules = load_pack(slug).roles.account
    assert {q.clause for q in rules.plan} <= set(event.clauses)
    approver = lifecycle.approvers(account)[0]
    assert [m.to for m in mail.outbox] == [[approver.email]]
    assert event.payload["notified"] == [
        {"username": approver.username, "name": approver.get_full_name(), "role": "approver", "email": "yes"}
    ]


def test_it_refuses_a_choice_that_is_not_offered(db):
    municipality, unit, people = pack_municipality("gausdal")
    account = make_account(municipality, unit=unit, state="planned")
    with pytest.raises(Refused, match="not one of the choices"):
        lifecycle.save_plan(account, as_(people["komm"]), {"discussion": "kaos"})


def test_it_lets_a_rejected_plan_be_revised_and_sent_again(db):
    account, people = submitted("gausdal")
    lifecycle.reject(account, as_(people["sjef"]), "Mangler mål for ungdom")
    plan = lifecycle.plan_of(account)
    assert (plan.decision, plan.comment) == (PlanDecision.REJECTED, "Mangler mål for ungdom")
    lifecycle.save_plan(account, as_(people["komm"]), {**full_answers("gausdal"), "goal": "Nå ungdom"})
    lifecycle.submit(account, as_(people["komm"]))
    plan.refresh_from_db()
    assert (plan.decision, plan.revisions, plan.answers["goal"]) == (PlanDecision.SUBMITTED, 1, "Nå ungdom")
    lifecycle.approve(account, as_(people["sjef"]), "Bra")
    assert list(account.events.values_list("type", flat=True)) == [
        "created",
        "plan_saved",
        "submitted",
        "rejected",
        "plan_saved",
        "submitted",
        "approved",
    ]


def test_it_keeps_a_sent_plan_as_it_was(db):
    account, people = submitted("gausdal")
    with pytest.raises(Refused, match="waiting for approval"):
        lifecycle.save_plan(account, as_(people["komm"]), {"goal": "Noe annet"})
    with pytest.raises(Refused, match="already waiting"):
        lifecycle.submit(account, as_(people["komm"]))


def test_it_lets_only_planners_write_a_plan(db):
    municipality, unit, people = pack_municipality("gausdal")
    account = make_account(municipality, unit=unit, state="planned")
    with pytest.raises(NotAllowed):
        lifecycle.save_plan(account, as_(people["ansatt"]), {"goal": "x"})


# --- activation and the rest of the life -----------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "told"), [("hustadvika", "service"), ("batsfjord", "it"), ("gausdal", "komm")]
)
def test_it_needs_a_responsible_person_and_tells_the_office_the_pack_names(
    db, slug, told, django_capture_on_commit_callbacks
):
    account, people = submitted(slug, author="it" if told == "komm" else "komm")
    approver = lifecycle.approvers(account)[0]
    lifecycle.approve(account, as_(approver), "Godkjent")
    with pytest.raises(Refused, match="responsible person"):
        lifecycle.activate(account, as_(people["komm"]))
    account.refresh_from_db()
    assert account.state == AccountState.APPROVED
    with django_capture_on_commit_callbacks(execute=True):
        event = lifecycle.activate(account, as_(people["komm"]), responsible=people["leder"])
    account.refresh_from_db()
    assert (account.state, account.responsible) == (AccountState.ACTIVE, people["leder"])
    rules = load_pack(slug).roles.account
    assert [n["username"] for n in event.payload["notified"]] == [people[told].username]
    assert [people[told].email] in [m.to for m in mail.outbox]
    assert event.clauses == ([rules.notified_clause] if rules.notified_clause else [])


def test_it_walks_an_account_from_plan_to_retirement(db):
    account, people = submitted("gausdal")
    lifecycle.approve(account, as_(people["sjef"]), "Godkjent")
    lifecycle.activate(account, as_(people["komm"]), responsible=people["leder"])
    lifecycle.close(account, as_(people["leder"]), "Sommerferie")
    lifecycle.reopen(account, as_(people["leder"]))
    lifecycle.retire(account, as_(people["komm"]), "Ikke lenger i bruk")
    account.refresh_from_db()
    assert account.state == AccountState.RETIRED
    states = [(e.from_state, e.to_state) for e in account.events.exclude(from_state="")]
    assert states == [
        ("planned", "approved"),
        ("approved", "active"),
        ("active", "closed_temporarily"),
        ("closed_temporarily", "active"),
        ("active", "retired"),
    ]


def test_it_refuses_a_step_its_state_does_not_allow(db):
    account, people = submitted("gausdal")
    with pytest.raises(Refused, match="cannot be"):
        lifecycle.activate(account, as_(people["komm"]), responsible=people["leder"])
    with pytest.raises(Refused):
        lifecycle.close(account, as_(people["komm"]), "x")
    lifecycle.retire(account, as_(people["komm"]), "Droppet")
    with pytest.raises(Refused):
        lifecycle.reopen(account, as_(people["komm"]))


def test_it_lets_neither_an_employee_nor_another_unit_close_an_account(db):
    account, people = submitted("gausdal")
    lifecycle.approve(account, as_(people["sjef"]), "Godkjent")
    lifecycle.activate(account, as_(people["komm"]), responsible=people["komm"])
    with pytest.raises(NotAllowed):
        lifecycle.close(account, as_(people["ansatt"]), "x")
    with pytest.raises(NotAllowed):
        lifecycle.close(account, as_(people["it"]), "x")
    with pytest.raises(Refused, match="reason"):
        lifecycle.close(account, as_(people["leder"]), "")


def test_it_keeps_events_append_only(db):
    account, _people = submitted("gausdal")
    event = account.events.first()
    event.reason = "endret"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


# --- flags -----------------------------------------------------------------------------------


def test_it_flags_a_romskog_account_where_the_chief_executive_is_not_an_admin(db):
    municipality, unit, people = pack_municipality("romskog")
    account = make_account(municipality, unit=unit, responsible=people["komm"])
    account.admins.set([people["komm"]])
    assert lifecycle.flags(account) == ["chief_executive_not_admin"]
    account.admins.add(people["sjef"])
    assert lifecycle.flags(account) == []


def test_it_does_not_check_the_chief_executive_where_the_pack_does_not_ask(db):
    municipality, unit, people = pack_municipality("gausdal")
    account = make_account(municipality, unit=unit, responsible=people["komm"])
    assert lifecycle.flags(account) == []


def test_it_flags_a_missing_responsible_person_and_a_plan_waiting(db):
    account, people = submitted("gausdal")
    assert lifecycle.flags(account, people["sjef"]) == ["no_responsible", "plan_waiting_for_you"]
    assert lifecycle.flags(account, people["komm"]) == ["no_responsible"]


def test_it_names_roles_inside_a_sentence_keeping_abbreviations() -> None:
    from django.utils import translation

    with translation.override("en"):
        assert (
            lifecycle.role_names(["it", "unit_leader", "service_office"]) == "IT, unit leader, service office"
        )
    with translation.override("nb"):
        assert lifecycle.role_names(["it"]) == "IT"
