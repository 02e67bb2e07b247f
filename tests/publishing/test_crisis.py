"""Crisis mode holds publishing (Gausdal 12, Hustadvika 1f, Båtsfjord 4.3, Rømskog): while a
crisis covers an account only crisis management publishes there, or someone with a recorded
instruction for the text; everyone else is refused with the reason, also at publishing time."""

from __future__ import annotations

import pytest
from django.urls import reverse

from somevakt.crisis import services as crisis
from somevakt.crisis.listeners import report_sections
from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import set_credentials
from somevakt.publishing import services
from somevakt.publishing.models import PostState
from somevakt.publishing.services import DraftInput, Refused
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_account, make_member

TEXT = "Vannverket er tilbake i normal drift i hele kommunen."


@pytest.fixture
def page(municipality, graph):
    account = make_account(municipality)
    set_credentials(account, Credentials(token="fake-page-token", base_url=graph.url))
    graph.add_page(account.external_id)
    return account


@pytest.fixture
def adviser(municipality, top_unit):
    return make_member(municipality, "radgiver", "Rita", "Rådgiver", [Role.COMMUNICATIONS], unit=top_unit)


def draft(municipality, person, account, text=TEXT):
    data = DraftInput(text=text, accounts=[account], media=[], no_link_reason="Krisevarsel")
    return services.save_draft(municipality, person, data)


def test_it_holds_the_adviser_and_lets_crisis_management_publish(municipality, owner, adviser, page, graph):
    declared = crisis.declare(municipality, owner, "Vannlekkasje i sentrum")
    post = draft(municipality, adviser, page)
    found = services.run_check(post, adviser)
    assert found.blocked and "post.crisis_lock" in found.decision.codes
    assert "gausdal:offisielle-kontoer-12" in found.decision.clauses
    with pytest.raises(Refused, match="Vannlekkasje i sentrum"):
        services.schedule(post, adviser)
    assert graph.own_posts(page.external_id) == []

    # The chief executive is crisis management: the same post goes out when they send it.
    services.schedule(post, owner)
    assert services.publish(post.pk) == PostState.PUBLISHED

    # What was published during the crisis is in its report.
    (section,) = [s for s in report_sections(declared) if s.key == "published"]
    assert [row.text for row in section.rows] == [TEXT]


def test_it_lets_an_instructed_adviser_publish_that_text(municipality, owner, adviser, page):
    declared = crisis.declare(municipality, owner, "Flom i Espedalen")
    crisis.instruct(declared, owner, adviser, "Informere om vannet", text=TEXT)
    post = draft(municipality, adviser, page)
    assert not services.run_check(post, adviser).blocked
    other = draft(municipality, adviser, page, text="Biblioteket holder stengt i dag.")
    assert services.run_check(other, adviser).blocked


def test_it_holds_a_scheduled_post_when_a_crisis_begins(municipality, owner, adviser, page, graph):
    post = draft(municipality, adviser, page)
    services.schedule(post, adviser)
    crisis.declare(municipality, owner, "Brann på Forset")
    assert services.publish(post.pk) == PostState.FAILED
    assert graph.own_posts(page.external_id) == []
    held = post.events.get(type="failed")
    assert "Brann på Forset" in held.reason and held.payload["held"]


def test_it_shows_the_adviser_why_and_where_to_ask(municipality, owner, adviser, page):
    crisis.declare(municipality, owner, "Ras over fylkesveien")
    client = logged_in(adviser)
    response = client.post(
        reverse("publishing:check", kwargs={"municipality": municipality.slug}),
        {"text": TEXT, "accounts": [page.pk], "no_link_reason": "Krisevarsel"},
    )
    body = response.content.decode()
    assert 'data-verdict="block"' in body and "Ras over fylkesveien" in body
    assert "data-hold" in body


def test_it_lets_publishing_go_on_once_the_crisis_ends(municipality, owner, adviser, page):
    declared = crisis.declare(municipality, owner, "Strømbrudd")
    post = draft(municipality, adviser, page)
    assert services.run_check(post, adviser).blocked
    crisis.end(declared, owner, "Strømmen er tilbake")
    assert not services.run_check(post, adviser).blocked


def test_it_sends_a_held_post_to_crisis_management(
    municipality, owner, adviser, page, graph, mailoutbox, django_capture_on_commit_callbacks
):
    team = make_member(municipality, "krise", "Kris", "Team", [Role.CRISIS_TEAM])
    team.email = "krise@provekommune.no"
    team.save()
    crisis.declare(municipality, owner, "Flom")
    post = draft(municipality, adviser, page)
    client = logged_in(adviser)
    detail = reverse("publishing:detail", kwargs={"municipality": municipality.slug, "post_id": post.pk})
    page_html = client.get(detail).content.decode()
    assert "to_crisis" in page_html
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            reverse(
                "publishing:act",
                kwargs={"municipality": municipality.slug, "post_id": post.pk, "action": "to_crisis"},
            )
        )
    assert sent.status_code == 302
    (mail,) = [m for m in mailoutbox if team.email in m.to]
    assert detail in mail.body and "Vannverket" in mail.body
    assert post.events.filter(type="to_crisis", actor=adviser).exists()
    # The crisis team opens it and publishes it, though they run no account.
    team_client = logged_in(team)
    assert team_client.get(detail).status_code == 200
    team_client.post(
        reverse(
            "publishing:act",
            kwargs={"municipality": municipality.slug, "post_id": post.pk, "action": "publish"},
        )
    )
    post.refresh_from_db()
    assert post.state == PostState.SCHEDULED and post.scheduled_by == team
