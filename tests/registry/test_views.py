"""The accounts pages: works for those who look after accounts, 403 for other members, 404 for outsiders."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from somevakt.integrations.silence import check_silent_accounts


def index(slug: str = "provekommune") -> str:
    return f"/{slug}/kontoer/"


def detail(account) -> str:
    return f"/{account.municipality.slug}/kontoer/{account.pk}/"


def test_it_lists_the_municipalitys_accounts(owner_client, account, other_account) -> None:
    response = owner_client.get(index())
    assert response.status_code == 200
    assert "Offisielle kontoer" in response.content.decode()  # bokmål unless chosen otherwise
    assert account.name.encode() in response.content
    assert other_account.name.encode() not in response.content


def test_it_shows_a_silent_account_alert(owner_client, account) -> None:
    account.last_delivery_at = timezone.now() - timedelta(days=10)
    account.save()
    check_silent_accounts()
    response = owner_client.get(index())
    assert (
        "Prøvekommune (Facebook)".encode() in response.content or b"Pr\xc3\xb8vekommune" in response.content
    )
    assert b'data-color="warning"' in response.content


def test_it_shows_one_account_without_its_credentials(owner_client, account) -> None:
    from somevakt.integrations.base import Credentials
    from somevakt.integrations.credentials import set_credentials

    set_credentials(account, Credentials(token="EAAG-secret"))
    response = owner_client.get(detail(account))
    assert response.status_code == 200
    assert b"111222333" in response.content
    assert b"EAAG" not in response.content


@pytest.mark.parametrize("page", ["index", "detail"])
def test_it_requires_a_role_that_looks_after_accounts(member_client, account, page) -> None:
    url = index() if page == "index" else detail(account)
    assert member_client.get(url).status_code == 403


def test_it_gives_outsiders_404(outsider_client, account) -> None:
    assert outsider_client.get(index()).status_code == 404
    assert outsider_client.get(detail(account)).status_code == 404


def test_it_gives_404_for_another_municipalitys_account(owner_client, other_account) -> None:
    assert owner_client.get(f"/provekommune/kontoer/{other_account.pk}/").status_code == 404


def test_it_groups_the_alerts_in_one_box_per_account_in_norwegian(owner_client, account) -> None:
    from somevakt.integrations.outbound import perform, request

    for number in range(3):
        perform(request(account, "hide", f"1_{number}", item_id=number).pk)  # no credentials: failed
    account.last_delivery_at = timezone.now() - timedelta(days=10)
    account.save()
    check_silent_accounts()
    html = owner_client.get(index()).content.decode()
    assert html.count(f'data-alert-account="{account.pk}"') == 1
    assert "3 handlinger nådde ikke plattformen." in html
    assert "Ingenting har kommet fra kontoen på lengre tid enn vanlig" in html
    assert "failed (no_credentials)" not in html  # the raw record is for IT only
    owner_client.cookies["somevakt_language"] = "en"
    assert "3 actions did not reach the platform." in owner_client.get(index()).content.decode()


def test_it_shows_the_raw_alert_messages_to_it(account, municipality) -> None:
    from somevakt.integrations.outbound import perform, request
    from somevakt.tenants.roles import Role
    from tests.factories import logged_in, make_member

    perform(request(account, "hide", "1_1", item_id=1).pk)
    it = make_member(municipality, "it", "Ida", "IT", [Role.IT])
    html = logged_in(it).get(index()).content.decode()
    assert "failed (no_credentials)" in html
    detail_html = logged_in(it).get(detail(account)).content.decode()
    assert 'data-failure="no_credentials"' in detail_html
    assert "kontoen har ingen tilgangsnøkkel" in detail_html
    assert '<a class="ds-link" href="/provekommune/innboks/1/#on-platform">' in detail_html  # to try again


# --- states, flags, plan and history (issue 13) ---------------------------------------------


def waiting_plan(planned, planner):
    from somevakt.registry import lifecycle
    from somevakt.registry.services import Actor
    from tests.registry.test_plan_view import ANSWERS

    answers = {key.removeprefix("q_"): value for key, value in ANSWERS.items()}
    lifecycle.save_plan(planned, Actor(person=planner), answers)
    lifecycle.submit(planned, Actor(person=planner))
    return planned


def test_it_shows_each_accounts_state_and_what_needs_attention(
    owner_client, planner_client, planned, planner
):
    waiting_plan(planned, planner)
    html = owner_client.get(index()).content.decode()
    row = html[html.index(f'data-account="{planned.pk}"') :].split("</tr>")[0]
    assert 'data-state="planned"' in row and "Planlagt" in row
    assert 'data-flag="no_responsible"' in row
    assert 'data-flag="plan_waiting_for_you"' in row  # the owner is the chief executive
    # The author sees no plan waiting for them.
    row = (
        planner_client.get(index())
        .content.decode()
        .split(f'data-account="{planned.pk}"')[1]
        .split("</tr>")[0]
    )
    assert "plan_waiting_for_you" not in row


def test_it_flags_a_romskog_page_without_the_chief_executive_as_admin(
    owner_client, municipality, account, owner
):
    municipality.policy_pack = "romskog"
    municipality.save()
    account.admins.clear()
    assert 'data-flag="chief_executive_not_admin"' in owner_client.get(index()).content.decode()
    account.admins.add(owner)
    assert "chief_executive_not_admin" not in owner_client.get(index()).content.decode()


def test_it_shows_the_plan_the_history_and_the_approvers_buttons(
    owner_client, planner_client, planned, planner
):
    waiting_plan(planned, planner)
    html = owner_client.get(detail(planned)).content.decode()
    assert "Hva er målet med kanalen?" in html and "Nå ungdom" in html
    assert "Kommunen styrer debatten" in html  # a choice shown by its label
    assert 'data-event="submitted"' in html and 'data-event="created"' in html
    assert "/approve/" in html and "/reject/" in html
    # The author may not decide: no buttons, and the page says who may.
    html = planner_client.get(detail(planned)).content.decode()
    assert "/approve/" not in html
    assert "Du skrev denne planen" in html


def test_it_shows_the_plan_in_nynorsk_and_english(owner_client, planned, planner):
    waiting_plan(planned, planner)
    owner_client.cookies["somevakt_language"] = "nn"
    assert "Kva er målet med kanalen?" in owner_client.get(detail(planned)).content.decode()
    owner_client.cookies["somevakt_language"] = "en"
    assert "What is the goal of the channel?" in owner_client.get(detail(planned)).content.decode()


def test_it_offers_planning_only_to_those_who_plan(owner_client, unit_leader_client, municipality):
    assert "/kontoer/ny/" in owner_client.get(index()).content.decode()
    assert "/kontoer/ny/" in unit_leader_client.get(index()).content.decode()


def test_it_offers_the_people_of_the_account_to_those_who_manage_it(owner_client, member, account):
    html = owner_client.get(detail(account)).content.decode()
    assert "/owners/" in html and 'type="checkbox" name="admins"' in html and 'name="responsible"' in html
