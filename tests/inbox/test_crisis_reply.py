"""Replying in crisis mode (issue 14; Gausdal 12, Hustadvika 1f): only crisis management, or
someone with its recorded instruction for the text, answers from an account the crisis holds;
everyone else is refused with the reason, nothing sent, and can send the draft to the crisis team,
where it lands on the crisis tab and in the crisis team's e-mail at once."""

from __future__ import annotations

import pytest
from django.core import mail

from somevakt.crisis import services as crisis
from somevakt.inbox import escalation, services
from somevakt.inbox.models import ItemEvent
from tests.factories import logged_in, make_account
from tests.inbox.conftest import triage_with

ANSWER = "Biblioteket åpner klokka ti. Hilsen Rolf"


def url(item, action: str = "") -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/" + (f"{action}/" if action else "")


@pytest.fixture
def item(make_item):
    found = make_item()
    triage_with(found, "intent.question")
    return found


def test_it_refuses_the_adviser_with_the_reason_and_sends_nothing(item, owner, adviser, crisis_lead):
    crisis.declare(item.municipality, owner, "Brann i rådhuset")
    with pytest.raises(services.CrisisHeld) as held:
        services.send_reply(item, adviser, ANSWER)
    assert "Brann i rådhuset" in str(held.value) and "Eva Eiersen" in str(held.value)
    assert not ItemEvent.objects.filter(item=item, type="replied").exists()


def test_crisis_management_answers(item, owner, crisis_lead):
    declared = crisis.declare(item.municipality, owner, "Brann")
    event = services.send_reply(item, crisis_lead, "Vi følger med. Hilsen Kari")
    assert event.type == "replied"
    assert event.payload["check"]["crisis"] == {"id": declared.pk, "instruction": None}


def test_an_instruction_for_the_text_lets_the_adviser_answer(item, owner, adviser):
    declared = crisis.declare(item.municipality, owner, "Brann")
    given = crisis.instruct(declared, owner, adviser, "Svar om åpningstider", text=ANSWER)
    with pytest.raises(services.CrisisHeld):
        services.send_reply(item, adviser, "Noe annet. Hilsen Rolf")
    event = services.send_reply(item, adviser, ANSWER)
    assert event.payload["check"]["crisis"]["instruction"] == given.pk


def test_it_holds_only_the_accounts_the_crisis_names(item, owner, adviser, municipality):
    elsewhere = make_account(municipality, external_id="444555666", name="Biblioteket")
    crisis.declare(municipality, owner, "Stengt vei", accounts=[elsewhere])
    assert services.send_reply(item, adviser, ANSWER).type == "replied"


def test_after_the_end_the_adviser_answers_again(item, owner, adviser):
    declared = crisis.declare(item.municipality, owner, "Brann")
    crisis.end(declared, owner)
    assert services.send_reply(item, adviser, ANSWER).type == "replied"


def test_the_page_says_why_keeps_the_draft_and_offers_the_crisis_team(item, owner, adviser, crisis_lead):
    crisis.declare(item.municipality, owner, "Brann i rådhuset")
    client = logged_in(adviser)
    before = client.get(url(item)).content.decode()
    assert 'data-testid="crisis-notice"' in before and 'data-testid="crisis-banner"' in before
    response = client.post(url(item, "reply"), {"text": ANSWER, "purpose": "reply"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'data-testid="crisis-held"' in html and "Brann i rådhuset" in html
    assert "Send til kriseledelsen" in html
    assert html.count(ANSWER) >= 2  # in the composer and in the form to the crisis team
    assert not ItemEvent.objects.filter(item=item, type="replied").exists()


def test_the_live_check_blocks_the_adviser_but_not_crisis_management(item, owner, adviser, crisis_lead):
    crisis.declare(item.municipality, owner, "Brann")
    assert services.check_reply(item, ANSWER, adviser).action == "block"
    assert "post.crisis_lock" in services.check_reply(item, ANSWER, adviser).codes
    assert "post.crisis_lock" not in services.check_reply(item, ANSWER, crisis_lead).codes
    html = logged_in(adviser).post(url(item, "sjekk-svar"), {"text": ANSWER}).content.decode()
    assert "Krisestab er satt" in html


def test_sending_to_the_crisis_team_escalates_with_the_draft_to_the_crisis_tab_and_mail(
    item, owner, adviser, crisis_lead, django_capture_on_commit_callbacks
):
    crisis.declare(item.municipality, owner, "Brann")
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(adviser).post(
            url(item, "escalate"), {"target": "crisis", "reason": "Kan dere svare?", "draft": ANSWER}
        )
    assert response.status_code == 302
    event = item.events.get(type="escalated")
    assert event.payload["target"] == "crisis" and event.payload["draft"] == ANSWER
    # Crisis management: the crisis team and the chief executive (Gausdal's roles.crisis).
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert "kari@provekommune.example" in recipients
    body = next(m.body for m in mail.outbox if m.to == ["kari@provekommune.example"])
    assert "Kan dere svare?" in body and "Biblioteket åpner klokka ti" in body
    item.status.refresh_from_db()
    assert item.status.crisis and item.status.state == "escalated"
    tab = logged_in(crisis_lead).get(f"/{item.municipality.slug}/innboks/?filter=crisis").content.decode()
    assert url(item) in tab


def test_hustadvika_lets_an_instructed_person_speak_of_the_crisis_itself(
    make_item, municipality, owner, adviser
):
    # Hustadvika 1f: a reply about a crisis is blocked unless crisis management has instructed it.
    municipality.policy_pack = "hustadvika"
    municipality.save()
    found = make_item(text="Brenner det i sentrum?")
    triage_with(found, "intent.question")
    text = "Brannvesenet er på stedet og alle er evakuert. Hilsen Rolf"
    declared = crisis.declare(municipality, owner, "Brann i sentrum")
    assert services.check_reply(found, text, adviser).action == "block"
    crisis.instruct(declared, owner, adviser, "Svar om brannen")
    assert services.send_reply(found, adviser, text).type == "replied"


def test_undoing_a_crisis_escalation_takes_the_item_off_the_crisis_tab(item, owner, adviser, crisis_lead):
    crisis.declare(item.municipality, owner, "Brann")
    event = escalation.escalate(item, adviser, "crisis", "", draft=ANSWER)
    item.status.refresh_from_db()
    assert item.status.crisis
    services.undo(item, adviser, event.pk)
    item.status.refresh_from_db()
    assert not item.status.crisis and item.status.state != "escalated"
