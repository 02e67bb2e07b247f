"""The plan pages: a new planned account with its plan, and revising a plan (registry.views new,
edit_plan). Questions come from the pack, in the reader's language."""

from __future__ import annotations

from somevakt.policy.packs import load_pack
from somevakt.registry.models import Account, AccountPlan, AccountState, PlanDecision

NEW = "/provekommune/kontoer/ny/"
ANSWERS = {
    "q_goal": "Nå ungdom",
    "q_why": "De er ikke på Facebook",
    "q_achieve": "Flere på ungdomsklubben",
    "q_management": "Ungdomskontakten følger opp hver dag",
    "q_topics": "Fritid",
    "q_discussion": "moderated",
    "q_dialogue_rules": "Vi svarer innen én arbeidsdag",
    "q_duration": "permanent",
    "q_marketing": "Plakater",
}
ACCOUNT = {"platform": "instagram", "external_id": "1784", "name": "Ung i Prøvekommune"}


def plan_url(account) -> str:
    return f"/provekommune/kontoer/{account.pk}/plan/"


def test_it_asks_the_packs_questions_in_the_readers_language(planner_client):
    questions = load_pack("gausdal").roles.account.plan
    for language in ("nb", "nn", "en"):
        planner_client.cookies["somevakt_language"] = language
        html = planner_client.get(NEW).content.decode()
        for question in questions:
            assert getattr(question.question, language) in html, (language, question.id)


def test_it_creates_a_planned_account_and_sends_its_plan(planner_client, planner, owner):
    response = planner_client.post(NEW, {**ACCOUNT, **ANSWERS, "responsible": planner.pk, "send": "1"})
    account = Account.objects.get(external_id="1784")
    assert response.status_code == 302
    assert response["Location"] == f"/provekommune/kontoer/{account.pk}/"
    assert (account.state, account.responsible) == (AccountState.PLANNED, planner)
    plan = account.plan
    assert (plan.decision, plan.author, plan.answers["goal"]) == (
        PlanDecision.SUBMITTED,
        planner,
        "Nå ungdom",
    )


def test_it_saves_a_draft_with_gaps(planner_client):
    response = planner_client.post(NEW, {**ACCOUNT, "q_goal": "Nå ungdom", "draft": "1"})
    assert response.status_code == 302
    assert AccountPlan.objects.get().decision == PlanDecision.DRAFT


def test_it_refuses_to_send_with_missing_answers_naming_them_and_keeps_what_was_written(planner_client):
    response = planner_client.post(NEW, {**ACCOUNT, "q_goal": "Nå ungdom", "q_topics": "Fritid", "send": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Hvorfor skal kanalen opprettes?" in html and "Hvordan skal kanalen gjøres kjent?" in html
    assert "Nå ungdom" in html  # nothing lost
    plan = AccountPlan.objects.get()
    assert (plan.decision, plan.answers) == (PlanDecision.DRAFT, {"goal": "Nå ungdom", "topics": "Fritid"})
    # The page goes on as the account's plan: sending again does not make a second account.
    assert f'action="{plan_url(plan.account)}"' in html
    response = planner_client.post(plan_url(plan.account), {**ANSWERS, "send": "1"})
    assert response.status_code == 302
    assert Account.objects.count() == 1
    plan.refresh_from_db()
    assert plan.decision == PlanDecision.SUBMITTED


def test_it_refuses_a_platform_id_already_registered(planner_client, account):
    response = planner_client.post(
        NEW, {**ACCOUNT, "platform": "facebook", "external_id": account.external_id}
    )
    assert response.status_code == 409
    assert (
        "already registered" in response.content.decode()
        or "allerede registrert" in response.content.decode()
    )
    assert Account.objects.count() == 1


def test_it_revises_a_rejected_plan(planner_client, owner_client):
    planner_client.post(NEW, {**ACCOUNT, **ANSWERS, "send": "1"})
    account = Account.objects.get(external_id="1784")
    owner_client.post(f"/provekommune/kontoer/{account.pk}/reject/", {"comment": "Mer om målgruppen"})
    assert planner_client.get(plan_url(account)).status_code == 200
    response = planner_client.post(plan_url(account), {**ANSWERS, "q_goal": "Nå ungdom 13–19", "send": "1"})
    assert response.status_code == 302
    account.plan.refresh_from_db()
    assert (account.plan.decision, account.plan.revisions) == (PlanDecision.SUBMITTED, 1)


def test_it_does_not_let_a_sent_plan_be_edited(planner_client):
    planner_client.post(NEW, {**ACCOUNT, **ANSWERS, "send": "1"})
    account = Account.objects.get(external_id="1784")
    assert planner_client.post(plan_url(account), {**ANSWERS, "q_goal": "Endret"}).status_code == 403
    account.plan.refresh_from_db()
    assert account.plan.answers["goal"] == "Nå ungdom"


def test_it_requires_a_role_that_writes_plans(member_client, planned):
    assert member_client.get(NEW).status_code == 403
    assert member_client.post(NEW, {**ACCOUNT, **ANSWERS}).status_code == 403
    assert member_client.get(plan_url(planned)).status_code == 403
    assert not Account.objects.filter(external_id="1784").exists()


def test_it_gives_outsiders_404(outsider_client, planned):
    assert outsider_client.get(NEW).status_code == 404
    assert outsider_client.get(plan_url(planned)).status_code == 404
