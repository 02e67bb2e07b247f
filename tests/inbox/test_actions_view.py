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
    owner_client.post(url(item, "delete"), {"ground": "0", "confirmed": "yes"})
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


# --- honest outcomes: what the platform did, asking again ------------------------------------


def worker_runs(event) -> str:
    """The worker carries out the platform call an event asked for (as `somevakt worker` does)."""
    from somevakt.integrations.outbound import perform

    return perform(event.payload["call_id"])


def test_it_never_says_done_for_what_the_platform_has_yet_to_do(owner_client, make_item):
    item = make_item()
    response = owner_client.post(url(item, "hide"), {"ground": "personal_data"})
    assert response["Location"] == f"/provekommune/innboks/{item.pk}/#on-platform"
    page = owner_client.get(response["Location"]).content.decode()
    assert "Utført: Skjult" not in page
    assert "Registrert: Skjult. Facebook er bedt om å gjøre det" in page
    assert 'data-state="pending"' in page and "Venter på Facebook" in page


def test_it_shows_a_failure_in_the_users_language_with_a_retry(owner_client, make_item):
    item = make_item()
    owner_client.post(url(item, "hide"), {"ground": "personal_data"})
    assert worker_runs(item.events.get(type="hidden")) == "failed"  # the account has no credentials
    page = owner_client.get(f"/provekommune/innboks/{item.pk}/").content.decode()
    assert 'data-state="failed"' in page and 'data-failure="no_credentials"' in page
    assert "Nådde ikke Facebook" in page
    assert "Kontoen er ikke koblet til plattformen" in page
    assert "set-credentials" not in page  # the platform's own words are for administrators
    assert "Prøv igjen" in page
    assert "Utført" not in page.split('id="history-heading"')[0]


def test_it_shows_the_raw_error_to_administrators(owner, owner_client, make_item):
    item = make_item()
    owner_client.post(url(item, "hide"), {"ground": "personal_data"})
    worker_runs(item.events.get(type="hidden"))
    owner.is_staff = True
    owner.save()
    assert "set-credentials" in owner_client.get(f"/provekommune/innboks/{item.pk}/").content.decode()


def test_it_tries_a_failed_action_again_once(owner_client, make_item, settings):
    from somevakt.integrations.base import Credentials
    from somevakt.integrations.credentials import set_credentials
    from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph

    item = make_item("111222333_1_1")
    owner_client.post(url(item, "hide"), {"ground": "personal_data"})
    hidden = item.events.get(type="hidden")
    worker_runs(hidden)
    set_credentials(item.account, Credentials(token=DEFAULT_TOKEN))
    call = {"call": str(hidden.payload["call_id"])}
    page = owner_client.post(url(item, "retry"), call, follow=True).content.decode()
    assert "Spurte Facebook på nytt" in page and 'data-state="pending"' in page
    assert (
        "Ingenting å prøve igjen" in owner_client.post(url(item, "retry"), call, follow=True).content.decode()
    )
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_comment("111222333", "111222333_1", "111222333_1_1", "Hei")
        assert worker_runs(hidden) == "done"
        assert graph.is_hidden("111222333_1_1")
        page = owner_client.post(url(item, "retry"), call, follow=True).content.decode()
        assert "Ingenting å prøve igjen" in page  # done meanwhile: nothing is sent twice
        assert len(graph.calls) == 1
    assert 'data-state="done"' in page and "Utført på Facebook" in page


def test_it_offers_no_retry_of_a_hide_once_the_comment_is_deleted(owner_client, municipality, make_item):
    item = hustadvika_insult(municipality, make_item)
    owner_client.post(url(item, "hide"), {"ground": "illegal"})
    worker_runs(item.events.get(type="hidden"))
    owner_client.post(url(item, "delete"), {"ground": "0", "confirmed": "yes"})
    worker_runs(item.events.get(type="deleted"))
    page = owner_client.get(f"/provekommune/innboks/{item.pk}/").content.decode()
    assert page.count("Prøv igjen") == 1  # the deletion, not the hiding it made moot
    assert "Ikke lenger ønsket" in page


def test_it_refuses_to_retry_another_items_call(owner_client, make_item):
    item, other = make_item("a"), make_item("b")
    owner_client.post(url(other, "hide"), {"ground": "personal_data"})
    call = other.events.get(type="hidden").payload["call_id"]
    page = owner_client.post(url(item, "retry"), {"call": str(call)}, follow=True).content.decode()
    assert "Det finnes ingen slik handling" in page
    assert owner_client.post(url(item, "retry"), {"call": "x"}, follow=True).status_code == 200


def test_it_lets_only_inbox_people_retry(member_client, outsider_client, make_item):
    item = make_item()
    assert member_client.post(url(item, "retry"), {"call": "1"}).status_code == 403
    assert outsider_client.post(url(item, "retry"), {"call": "1"}).status_code == 404


# --- deleting asks first ----------------------------------------------------------------------


def hustadvika_insult(municipality, make_item):
    municipality.policy_pack = "hustadvika"
    municipality.save()
    item = make_item(text="Du er en idiot")
    triage_with(item, "abuse.insult")
    return item


def test_it_asks_before_deleting_naming_the_ground(owner_client, municipality, make_item):
    item = hustadvika_insult(municipality, make_item)
    response = owner_client.post(url(item, "delete"), {"ground": "0", "reason": "Grovt"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Slette kommentaren på Facebook?" in page
    assert "kan ikke angres" in page
    assert "hustadvika:2q" in page and 'name="confirmed" value="yes"' in page
    assert 'value="Grovt"' in page
    assert not item.events.filter(type="deleted").exists()
    owner_client.post(url(item, "delete"), {"ground": "0", "reason": "Grovt", "confirmed": "yes"})
    assert item.events.get(type="deleted").reason == "Grovt"


def test_it_asks_in_place_with_htmx(owner_client, municipality, make_item):
    item = hustadvika_insult(municipality, make_item)
    response = owner_client.post(url(item, "delete"), {"ground": "0"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "<html" not in page and 'data-testid="confirm-delete"' in page
    refused = owner_client.post(url(item, "delete"), {}, HTTP_HX_REQUEST="true").content.decode()
    assert "Velg retningslinjens grunnlag" in refused
    assert not item.events.filter(type="deleted").exists()


def test_it_never_shows_a_national_id_when_asking(owner_client, municipality, make_item):
    municipality.policy_pack = "hustadvika"
    municipality.save()
    item = make_item(text="Du er en idiot, og nummeret ditt er 01017012343")
    triage_with(item, "abuse.insult")
    page = owner_client.post(url(item, "delete"), {"ground": "0"}).content.decode()
    assert "Slette kommentaren på Facebook?" in page and "01017012343" not in page


def test_it_refuses_a_deletion_without_a_ground_before_asking(owner_client, municipality, make_item):
    item = hustadvika_insult(municipality, make_item)
    page = owner_client.post(url(item, "delete"), {"ground": "9"}, follow=True).content.decode()
    assert "Velg retningslinjens grunnlag" in page
    assert not item.events.filter(type="deleted").exists()


# --- what the guideline asks of an answer -----------------------------------------------------


UNSIGNED = "Biblioteket åpner klokka ti."  # Gausdal asks for a first-name signature: revise


def test_it_asks_why_before_sending_an_answer_the_check_asks_to_revise(owner_client, make_item):
    item = make_item()
    response = owner_client.post(url(item, "reply"), {"text": UNSIGNED, "purpose": "reply"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Retningslinjesjekken ber deg endre dette svaret" in page
    assert f">{UNSIGNED}</textarea>" in page  # nothing lost
    assert 'name="anyway_reason"' in page and 'data-verdict="revise"' in page
    assert not item.events.filter(type="replied").exists()
    page = owner_client.post(
        url(item, "reply"),
        {"text": UNSIGNED, "purpose": "reply", "anyway_reason": "Sendt fra felleskonto"},
        follow=True,
    ).content.decode()
    assert "Sendt uten å endre, fordi:</span> Sendt fra felleskonto" in page  # in the history
    event = item.events.get(type="replied")
    assert event.reason == "Sendt fra felleskonto"
    assert event.payload["check"]["action"] == "revise"
    assert event.payload["check"]["sent_anyway"] == "Sendt fra felleskonto"
    assert event.clauses == ["gausdal:offisielle-kontoer-7"]


def test_it_never_sends_a_blocked_answer_and_keeps_the_text(owner_client, make_item):
    item = make_item()
    text = "Ring meg på 01017012343. Hilsen Eva"
    data = {"text": text, "purpose": "reply", "anyway_reason": "Likevel"}
    response = owner_client.post(url(item, "reply"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Svaret kan ikke sendes" in page
    assert f">{text}</textarea>" in page  # nothing lost: the writer fixes it
    assert not item.events.filter(type="replied").exists()


def test_it_does_not_ask_the_platform_to_show_what_it_never_hid(owner_client, make_item):
    item = make_item()
    owner_client.post(url(item, "hide"), {"ground": "personal_data"})
    worker_runs(item.events.get(type="hidden"))  # failed: the comment stayed visible there
    page = owner_client.post(url(item, "unhide"), follow=True).content.decode()
    assert item.events.get(type="unhidden").payload == {"on_platform": False, "not_needed": True}
    assert "Utført: Vist igjen." in page
    assert page.count('data-op="unhide"') == 0  # nothing was asked of the platform
    assert "Ikke lenger ønsket" in page and "Prøv igjen" not in page  # the hide is not offered again
    assert "Ikke utført på Facebook" not in page
    queue = owner_client.get(f"/{item.municipality.slug}/innboks/").context
    assert {f["key"]: f["count"] for f in queue["filters"]}["unreached"] == 0
    call = item.events.get(type="hidden").payload["call_id"]
    page = owner_client.post(url(item, "retry"), {"call": str(call)}, follow=True).content.decode()
    assert "Ingenting å prøve igjen" in page


def test_it_records_the_ground_in_bokmaal_and_shows_it_in_the_readers_language(
    owner_client, municipality, make_item
):
    item = hustadvika_insult(municipality, make_item)
    owner_client.cookies["somevakt_language"] = "en"
    ground = "Personal attacks, third parties named in an attack, and illegal content (threats, hate)."
    confirm = owner_client.post(url(item, "delete"), {"ground": "0"}).content.decode()
    assert ground in confirm
    owner_client.post(url(item, "delete"), {"ground": "0", "confirmed": "yes"})
    # The record (and the archive after it) keeps the municipality's words...
    assert item.events.get(type="deleted").reason.startswith("Personangrep, navngitte tredjepersoner")
    # ...and the history says them in the reader's.
    page = owner_client.get(f"/{municipality.slug}/innboks/{item.pk}/").content.decode()
    history = page[page.index('class="sv-history"') :]
    assert f'class="sv-history__reason" dir="auto">{ground}</p>' in history
    assert "Personangrep" not in history
