"""The account's steps on its page (registry.views.act): approve, reject, activate, close,
reopen, retire. The right person moves it on; anyone else gets 403 with the reason, and
nothing changes."""

from __future__ import annotations

import pytest

from somevakt.registry import lifecycle
from somevakt.registry.models import AccountState, PlanDecision
from somevakt.registry.services import Actor
from tests.registry.test_plan_view import ANSWERS


def url(account, action: str) -> str:
    return f"/provekommune/kontoer/{account.pk}/{action}/"


@pytest.fixture
def waiting(planned, planner):
    """A planned account whose plan the planner has sent (Gausdal: the chief executive approves)."""
    answers = {key.removeprefix("q_"): value for key, value in ANSWERS.items()}
    lifecycle.save_plan(planned, Actor(person=planner), answers)
    lifecycle.submit(planned, Actor(person=planner))
    return planned


def test_it_lets_the_chief_executive_approve_with_a_comment(owner_client, owner, waiting, planner):
    response = owner_client.post(url(waiting, "approve"), {"comment": "Godkjent"})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.state, waiting.approved_by) == (AccountState.APPROVED, owner)
    history = owner_client.get(response["Location"]).content.decode()
    assert "Godkjent" in history and 'data-event="approved"' in history
    # Who was told is named as people know them, not by a user name.
    assert f"Fikk beskjed: {planner.get_full_name()}" in history


def test_it_refuses_the_wrong_person_with_403_and_the_reason(unit_leader_client, waiting):
    response = unit_leader_client.post(url(waiting, "approve"), {"comment": "ok"})
    assert response.status_code == 403
    assert "kommunedirektør" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.state == AccountState.PLANNED
    assert waiting.plan.decision == PlanDecision.SUBMITTED


def test_it_refuses_the_author_of_the_plan(planner, waiting, municipality):
    from somevakt.tenants.roles import Role
    from tests.factories import logged_in

    planner.memberships.get().grants.create(role=Role.CHIEF_EXECUTIVE)
    response = logged_in(planner).post(url(waiting, "approve"), {"comment": "Eget"})
    assert response.status_code == 403
    assert "Du skrev denne planen" in response.content.decode()


def test_it_says_so_when_approving_twice(owner_client, waiting):
    owner_client.post(url(waiting, "approve"), {"comment": "Godkjent"})
    events = waiting.events.count()
    response = owner_client.post(url(waiting, "approve"), {"comment": "Igjen"})
    assert response.status_code == 403
    assert "allerede godkjent" in response.content.decode()
    assert waiting.events.count() == events


def test_it_needs_a_comment_to_reject(owner_client, waiting):
    assert owner_client.post(url(waiting, "reject"), {"comment": ""}).status_code == 403
    response = owner_client.post(url(waiting, "reject"), {"comment": "Skriv mer om målgruppen"})
    assert response.status_code == 302
    waiting.plan.refresh_from_db()
    assert (waiting.plan.decision, waiting.plan.comment) == (PlanDecision.REJECTED, "Skriv mer om målgruppen")


def test_it_activates_only_with_a_responsible_person(owner_client, owner, waiting):
    owner_client.post(url(waiting, "approve"), {"comment": "Godkjent"})
    response = owner_client.post(url(waiting, "activate"), {"responsible": ""})
    assert response.status_code == 403
    assert "ansvarlig" in response.content.decode()
    response = owner_client.post(url(waiting, "activate"), {"responsible": owner.pk})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.state, waiting.responsible) == (AccountState.ACTIVE, owner)


def test_it_closes_reopens_and_retires(unit_leader_client, planner_client, account, unit, unit_leader):
    account.unit = unit
    account.save()
    assert unit_leader_client.post(url(account, "close"), {"reason": "Sommerferie"}).status_code == 302
    account.refresh_from_db()
    assert account.state == AccountState.CLOSED_TEMPORARILY
    assert unit_leader_client.post(url(account, "reopen")).status_code == 302
    assert planner_client.post(url(account, "retire"), {"reason": "Nedlagt"}).status_code == 302
    account.refresh_from_db()
    assert account.state == AccountState.RETIRED
    reasons = list(account.events.exclude(reason="").values_list("reason", flat=True))
    assert reasons == ["Sommerferie", "Nedlagt"]


def test_it_gives_a_member_without_the_role_403(member_client, waiting, account):
    assert member_client.post(url(waiting, "approve"), {"comment": "ok"}).status_code == 403
    assert member_client.post(url(account, "retire"), {"reason": "x"}).status_code == 403
    account.refresh_from_db()
    assert account.state == AccountState.ACTIVE


def test_it_gives_outsiders_404(outsider_client, waiting, account):
    assert outsider_client.post(url(waiting, "approve"), {"comment": "ok"}).status_code == 404
    assert outsider_client.post(url(account, "retire"), {"reason": "x"}).status_code == 404


def test_it_knows_no_other_steps(owner_client, account):
    assert owner_client.post(url(account, "explode")).status_code == 404


def test_it_changes_the_responsible_person_and_admins(
    planner_client, account, owner, unit_leader, municipality
):
    municipality.policy_pack = "romskog"
    municipality.save()
    account.admins.clear()
    html = planner_client.get("/provekommune/kontoer/").content.decode()
    assert 'data-flag="chief_executive_not_admin"' in html
    response = planner_client.post(
        url(account, "owners"), {"responsible": unit_leader.pk, "admins": [owner.pk]}
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert (account.responsible, list(account.admins.all())) == (unit_leader, [owner])
    assert account.events.filter(type="owners_changed").count() == 1
    assert "chief_executive_not_admin" not in planner_client.get("/provekommune/kontoer/").content.decode()


def test_it_refuses_owners_from_outside_the_municipality(planner_client, account, outsider):
    response = planner_client.post(url(account, "owners"), {"responsible": outsider.pk})
    assert response.status_code == 403
    account.refresh_from_db()
    assert account.responsible != outsider


def test_it_lets_no_employee_or_outsider_change_the_owners(member_client, outsider_client, account, member):
    assert member_client.post(url(account, "owners"), {"responsible": member.pk}).status_code == 403
    assert outsider_client.post(url(account, "owners"), {"responsible": member.pk}).status_code == 404
    account.refresh_from_db()
    assert account.responsible != member
