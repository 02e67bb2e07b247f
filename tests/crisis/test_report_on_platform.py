"""A crisis report says answered or published only for what the platform confirmed (found walking
the demo: "Besvart (1)" for a reply whose platform call failed, "not connected"); the others are
listed apart with where they stand, on the page and in the journaled document."""

from __future__ import annotations

import pytest

from somevakt.crisis import services
from somevakt.crisis.journal import document_of
from somevakt.crisis.report import report_of
from somevakt.inbox import services as inbox
from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import set_credentials
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph
from somevakt.integrations.outbound import perform
from somevakt.publishing import services as publishing
from somevakt.publishing.models import PostState
from somevakt.publishing.services import DraftInput
from tests.crisis.test_report import pdf_text
from tests.factories import logged_in, make_account, make_item, triage_with

pytestmark = pytest.mark.django_db

PAGE = "111222333"


def question(account, platform_id, text):
    item = make_item(account, platform_id, text=text)
    triage_with(item, "intent.question")
    return item


def test_a_reply_the_platform_never_got_is_not_counted_as_answered(
    account, owner, crisis_lead, settings, django_capture_on_commit_callbacks
):
    failed = question(account, f"{PAGE}_1_1", "Er vannet trygt?")
    waiting = question(account, f"{PAGE}_1_2", "Når kommer vannet tilbake?")
    reached = question(account, f"{PAGE}_1_3", "Hvor henter jeg vann?")
    crisis = services.declare(account.municipality, owner, "Vannforurensning")
    # The account is not connected: the platform refuses the call.
    perform(inbox.send_reply(failed, crisis_lead, "Kok vannet. Hilsen Kari").payload["call_id"])
    inbox.send_reply(waiting, crisis_lead, "I morgen. Hilsen Kari")  # not yet carried out
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_comment(PAGE, f"{PAGE}_1", f"{PAGE}_1_3", "Hvor henter jeg vann?")
        set_credentials(account, Credentials(token=DEFAULT_TOKEN))
        event = inbox.send_reply(reached, crisis_lead, "Ved rådhuset. Hilsen Kari")
        assert perform(event.payload["call_id"]) == "done"

    sections = {s.key: s for s in report_of(crisis).sections}
    assert [r.text for r in sections["inbox-1-answered"].rows] == ["Ved rådhuset. Hilsen Kari"]
    others = {r.text: r for r in sections["inbox-1-not-on-platform"].rows}
    assert set(others) == {"Kok vannet. Hilsen Kari", "I morgen. Hilsen Kari"}
    failed = others["Kok vannet. Hilsen Kari"]
    assert failed.state == "Nådde ikke Facebook" and failed.detail.startswith("Kontoen er ikke koblet")
    assert others["I morgen. Hilsen Kari"].state == "Venter på Facebook"

    html = logged_in(owner).get(f"/{account.municipality.slug}/krise/{crisis.pk}/").content.decode()
    assert "Besvart på plattformen (1)" in html
    assert "Svar plattformen ikke har bekreftet (2)" in html and "Nådde ikke Facebook" in html

    with django_capture_on_commit_callbacks(execute=True):
        services.end(crisis, owner)
    crisis.refresh_from_db()
    # The kept PDF says it too, the state and its reason read as one line.
    kept = pdf_text(bytes(crisis.report_pdf))
    assert "Besvart på plattformen (1)" in kept and "Nådde ikke Facebook:" in kept
    document = document_of(crisis)
    lines = {s.heading: s.lines for s in document.sections}
    assert len(lines["Besvart på plattformen"]) == 1 and "Ved rådhuset" in lines["Besvart på plattformen"][0]
    assert any(
        "[Nådde ikke Facebook: Kontoen er ikke koblet" in line and "Kok vannet" in line
        for line in lines["Svar plattformen ikke har bekreftet"]
    )


def test_a_post_that_failed_on_the_platform_is_not_listed_as_published(municipality, owner, top_unit):
    account = make_account(municipality, external_id="444555666", name="Biblioteket", unit=top_unit)
    crisis = services.declare(municipality, owner, "Storm")
    data = DraftInput(
        text="Biblioteket er stengt i dag.", accounts=[account], media=[], no_link_reason="Varsel"
    )
    post = publishing.save_draft(municipality, owner, data)
    publishing.schedule(post, owner)  # crisis management may publish
    assert publishing.publish(post.pk) == PostState.FAILED  # the account is not connected
    sections = {s.key: s for s in report_of(crisis).sections}
    assert sections["published"].rows == []
    (row,) = sections["published-not"].rows
    assert row.text == "Biblioteket er stengt i dag." and row.state == "Mislyktes"
    assert "kontoen er ikke koblet til" in row.detail
    html = logged_in(owner).get(f"/{municipality.slug}/krise/{crisis.pk}/").content.decode()
    assert "Publisert (0)" in html and "Ikke publisert på plattformen (1)" in html
