"""Found walking the demo (publishing):
- Båtsfjord's unit leader, who runs no account, got a bare 403 on the new-post page: the page says
  why, from the guideline, who publishes under it and who runs each account, in nb, nn and en;
- a picture of pupils without consent also cited the colleagues' clause: the reasons follow whom
  the picture shows;
- a removal the platform refused left no event in the post's history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import set_credentials
from somevakt.publishing import services
from somevakt.publishing.models import TargetState
from somevakt.publishing.services import DraftInput, Refused
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_member
from tests.publishing.conftest import NEWS, picture

pytestmark = pytest.mark.django_db

TEXT = "Skidagen var en suksess! Takk til alle som var med."
CLAUSE = "batsfjord:4.3-virksomhetsleder"
COLLEAGUES = "Også kolleger må ha samtykket"


@pytest.mark.parametrize(
    ("language", "heading", "rule"),
    [
        ("nb", "Du publiserer ikke for kommunen", "det er kontoenes administratorer som uttaler seg"),
        ("nn", "Du publiserer ikkje for kommunen", "det er administratorane av kontoane som uttaler seg"),
        ("en", "You do not publish for the municipality", "administrators speak for the municipality there"),
    ],
)
def test_a_unit_leader_who_runs_no_account_is_told_why(
    batsfjord, top_unit, facebook, language, heading, rule
):
    leader = make_member(batsfjord, "leder", "Lena", "Leder", [Role.UNIT_LEADER], unit=top_unit, leads=True)
    client = logged_in(leader)
    client.cookies["somevakt_language"] = language
    response = client.get(reverse("publishing:new", kwargs={"municipality": batsfjord.slug}))
    assert response.status_code == 403
    html = response.content.decode()
    assert heading in html and rule in html
    assert f'#{CLAUSE}">{CLAUSE}</a>' in html
    # Whom to ask: the account and the person who runs it.
    runners = html.split('data-testid="account-runners"')[1].split("</ul>")[0]
    assert "Båtsfjord kommune (Facebook)" in runners and "Eva Eiersen" in runners


def draft_with(batsfjord, owner, facebook, **shows):
    asset = picture(batsfjord, owner, consents=[], **{"shows_pupils": False, **shows})
    data = DraftInput(text=TEXT, accounts=[facebook], media=[asset], link=NEWS)
    return services.save_draft(batsfjord, owner, data)


def test_pupils_without_consent_do_not_cite_the_colleagues_clause(batsfjord, owner, facebook, website):
    found = services.run_check(draft_with(batsfjord, owner, facebook, shows_pupils=True), owner)
    reasons = " ".join(found.decision.reasons_in("nb"))
    assert found.blocked and "uten registrert skriftlig samtykke" in reasons
    assert COLLEAGUES not in reasons and "batsfjord:4.4-kollegaer" not in found.decision.clauses


def test_colleagues_without_consent_cite_the_colleagues_clause(batsfjord, owner, facebook, website):
    found = services.run_check(draft_with(batsfjord, owner, facebook, shows_colleagues=True), owner)
    reasons = " ".join(found.decision.reasons_in("nb"))
    assert found.blocked and COLLEAGUES in reasons and "batsfjord:4.4-kollegaer" in found.decision.clauses
    assert "post.consent_missing_colleagues" in found.decision.codes


def test_a_removal_the_platform_refused_is_in_the_posts_history(batsfjord, owner, facebook, graph, website):
    data = DraftInput(text=TEXT, accounts=[facebook], media=[], link=NEWS)
    post = services.save_draft(batsfjord, owner, data)
    services.schedule(post, owner)
    services.publish(post.pk)
    target = post.targets.get()
    assert target.state == TargetState.DONE
    set_credentials(facebook, Credentials(token="revoked", base_url=graph.url))
    client = logged_in(owner)
    detail = reverse("publishing:detail", kwargs={"municipality": batsfjord.slug, "post_id": post.pk})
    response = client.post(
        f"{detail}konto/{target.pk}/remove/", {"reason": "Samtykket er trukket"}, follow=True
    )
    html = response.content.decode()
    failed = post.events.filter(type="failed").get()
    assert failed.payload["removing"] and failed.payload["account"] == facebook.pk
    assert failed.reason == "Samtykket er trukket" and failed.actor == owner
    assert "Fjerning fra plattformen mislyktes" in html
    target.refresh_from_db()
    assert target.state == TargetState.DONE
    with pytest.raises(Refused):
        services.remove(target, owner)
    assert post.events.filter(type="failed").count() == 2


def test_the_live_checks_heading_reads_as_one_phrase(batsfjord, owner, facebook, website):
    post = draft_with(batsfjord, owner, facebook, shows_colleagues=True)
    client = logged_in(owner)
    data = {"text": TEXT, "accounts": [str(facebook.pk)], "media": [str(post.media.get().pk)], "link": NEWS}
    html = client.post(
        reverse("publishing:check", kwargs={"municipality": batsfjord.slug}), data
    ).content.decode()
    assert (
        "Kan ikke publiseres slik det er</strong> – mangler samtykke til bildet og mangler samtykke fra "
        "kollegene på bildet"
    ) in html
