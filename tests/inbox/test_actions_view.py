"""The action endpoint: every action is a POST that records one event and redirects back to the item."""

from __future__ import annotations

import pytest
from django.test import Client

from somevakt.inbox.models import ItemEvent
from tests.factories import logged_in
from tests.inbox.conftest import triage_with


def url(item, action: str) -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/{action}/"


def test_it_claims_an_item_and_redirects_back(owner_client, owner, make_item):
    item = make_item()
    response = owner_client.post(url(item, "claim"))
    assert response.status_code == 302
    assert response["Location"] == f"/provekommune/innboks/{item.pk}/"
    item.status.refresh_from_db()
    assert item.status.assignee == owner
    page = owner_client.get(response["Location"]).content.decode()
    assert "Utført: Tildelt." in page


def test_it_shows_a_refusal_on_the_item_page(owner_client, adviser, make_item):
    from somevakt.inbox import services

    item = make_item()
    services.claim(item, adviser)
    response = owner_client.post(url(item, "claim"), follow=True)
    assert "Rolf Rådgiver har allerede tatt denne saken." in response.content.decode()
    item.status.refresh_from_db()
    assert item.status.assignee == adviser


def test_it_sends_a_reply_through_the_form(owner_client, make_item):
    item = make_item()
    triage_with(item, "intent.question")
    response = owner_client.post(
        url(item, "reply"), {"text": "Biblioteket åpner klokka ti. Hilsen Eva", "purpose": "reply"}
    )
    assert response.status_code == 302
    event = item.events.get(type="replied")
    assert event.payload["text"] == "Biblioteket åpner klokka ti. Hilsen Eva"


def test_it_hides_deletes_and_escalates_through_forms(owner_client, owner, adviser, make_item, municipality):
    municipality.policy_pack = "hustadvika"
    municipality.save()
    item = make_item(text="Du er en idiot")
    triage_with(item, "abuse.insult")
    owner_client.post(url(item, "hide"), {"ground": "illegal"})
    # The account's unit is the owner's own: the adviser's nearest leader for it is the owner.
    logged_in(adviser).post(url(item, "escalate"), {"target": "difficult_cases", "reason": "Se på"})
    owner_client.post(url(item, "delete"), {"ground": "0"})
    assert [e.type for e in item.events.all()][-3:] == ["hidden", "escalated", "deleted"]


def test_it_writes_a_note_and_undoes_a_hide(owner_client, owner, make_item):
    item = make_item()
    owner_client.post(url(item, "note"), {"text": "Ringte tilbake"})
    owner_client.post(url(item, "hide"), {"ground": "personal_data"})
    hidden = item.events.get(type="hidden")
    owner_client.post(url(item, "undo"), {"event": str(hidden.pk)})
    types = [e.type for e in item.events.all()]
    assert types == ["received", "note", "hidden", "unhidden"]


def test_it_refuses_get_and_unknown_actions(owner_client, make_item):
    item = make_item()
    assert owner_client.get(url(item, "claim")).status_code == 405
    assert owner_client.post(url(item, "explode")).status_code == 404
    assert ItemEvent.objects.count() == 1


@pytest.mark.parametrize("action", ["claim", "close", "hide"])
def test_it_gives_an_employee_403_and_an_outsider_404(member_client, outsider_client, make_item, action):
    item = make_item()
    assert member_client.post(url(item, action), {"ground": "illegal"}).status_code == 403
    assert outsider_client.post(url(item, action), {"ground": "illegal"}).status_code == 404
    assert ItemEvent.objects.count() == 1


def test_it_needs_the_csrf_token(owner, make_item):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    item = make_item()
    assert client.post(url(item, "close")).status_code == 403
    assert ItemEvent.objects.count() == 1
