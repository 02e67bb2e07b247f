"""Actions on an item: each one event, checked under the status row's lock."""

from __future__ import annotations

import pytest

from somevakt.inbox import services
from somevakt.inbox.services import ActionRefused
from tests.inbox.conftest import triage_with


def test_it_lets_one_person_claim_and_refuses_the_next(make_item, owner, adviser):
    item = make_item()
    assert services.claim(item, adviser).type == "assigned"
    assert services.claim(item, adviser) is None  # already yours: nothing changes
    with pytest.raises(ActionRefused, match="Rolf Rådgiver"):
        services.claim(item, owner)
    item.status.refresh_from_db()
    assert item.status.assignee == adviser
    assert item.events.filter(type="assigned").count() == 1


def test_it_assigns_only_to_people_who_handle_the_inbox(make_item, owner, adviser, member):
    item = make_item()
    services.assign(item, owner, adviser)
    with pytest.raises(ActionRefused):
        services.assign(item, owner, member)  # an employee does not see the inbox
    services.assign(item, owner, None)
    item.status.refresh_from_db()
    assert item.status.assignee is None
    assert item.status.state == "open" or item.status.state == "new"


def test_it_hides_for_an_accepted_reason_and_keeps_the_comment(make_item, owner):
    item = make_item(text="Ring meg på 912 34 567")
    triage_with(item, "personal_data.phone", spans={"personal_data.phone": (12, 22)})
    with pytest.raises(ActionRefused):
        services.hide(item, owner, "I do not like it")
    event = services.hide(item, owner, "personal_data")
    assert event.payload["ground"] == "personal_data"
    assert event.payload["on_platform"] is True
    assert services.hide(item, owner, "personal_data") is None
    item.refresh_from_db()
    assert item.text == "Ring meg på 912 34 567"
    assert item.status.hidden and item.status.archive_pending


def test_it_refuses_deletion_where_the_guideline_gives_no_ground(make_item, owner):
    item = make_item(text="Jeg skal ta deg")
    triage_with(item, "abuse.threat")  # Gausdal: hide and escalate
    with pytest.raises(ActionRefused, match="gir ikke grunnlag"):
        services.delete(item, owner, 0)
    assert not item.events.filter(type="deleted").exists()


def test_it_deletes_only_on_a_ground_the_guideline_gives(make_item, owner, municipality):
    municipality.policy_pack = "hustadvika"
    municipality.save()
    item = make_item(text="Du er en idiot")
    triage_with(item, "abuse.insult")
    with pytest.raises(ActionRefused, match="Velg"):
        services.delete(item, owner, None)
    event = services.delete(item, owner, 0, "Personangrep")
    assert event.clauses == ["hustadvika:2q"]
    assert event.payload["ground"]["clause"] == "hustadvika:2q"
    item.status.refresh_from_db()
    assert item.status.deleted and item.status.state == "deleted" and item.status.archive_pending
    with pytest.raises(ActionRefused, match="allerede"):
        services.delete(item, owner, 0)


def test_it_undoes_a_hide_with_a_new_event(make_item, owner):
    item = make_item()
    hidden = services.hide(item, owner, "illegal")
    item.refresh_from_db()
    assert services.undoable(item) == hidden
    event = services.undo(item, owner, hidden.pk)
    assert event.type == "unhidden"
    assert event.payload["undoes"] == hidden.pk
    assert [e.type for e in item.events.all()] == ["received", "hidden", "unhidden"]
    with pytest.raises(ActionRefused):
        services.undo(item, owner, hidden.pk)


def test_it_undoes_an_assignment_back_to_the_previous_person(make_item, owner, adviser):
    item = make_item()
    services.claim(item, adviser)
    moved = services.assign(item, owner, owner)
    services.undo(item, owner, moved.pk)
    item.status.refresh_from_db()
    assert item.status.assignee == adviser


def test_it_closes_and_reopens(make_item, owner):
    item = make_item()
    triage_with(item, "intent.question")
    services.close(item, owner, "Besvart på telefon")
    assert services.close(item, owner) is None
    item.status.refresh_from_db()
    assert item.status.state == "closed" and not item.status.open_work
    services.reopen(item, owner)
    item.status.refresh_from_db()
    assert item.status.state == "open" and item.status.open_work


def test_it_needs_text_for_a_note(make_item, owner):
    item = make_item()
    with pytest.raises(ActionRefused):
        services.note(item, owner, "  ")
    assert services.note(item, owner, "Ringte innbyggeren").reason == "Ringte innbyggeren"


def test_it_offers_the_packs_saved_answers_signed_with_a_first_name(owner, municipality):
    from somevakt.inbox.deadlines import pack_of

    answers = {a.purpose: a for a in services.saved_answers(pack_of(municipality), owner)}
    assert set(answers) == {"thank", "refer_formal", "refer_political", "correction"}
    assert "Hilsen Eva" in answers["thank"].text
    assert "postmottak@gausdal.kommune.no" in answers["refer_formal"].text
    assert "{fornavn}" not in answers["refer_political"].text
    assert (
        "{lenke}" not in answers["correction"].text
        and "https://www.gausdal.kommune.no" in answers["correction"].text
    )


def test_it_sends_a_reply_that_passes_the_check(make_item, owner):
    item = make_item()
    triage_with(item, "intent.question")
    event = services.send_reply(item, owner, "Biblioteket åpner klokka ti. Hilsen Eva", "reply")
    assert event.type == "replied"
    assert event.payload["check"]["action"] in {"ok", "revise"}
    item.status.refresh_from_db()
    assert item.status.state == "answered" and item.status.answered_at is not None


def test_it_refuses_a_reply_that_exposes_a_national_id(make_item, owner):
    item = make_item()
    with pytest.raises(ActionRefused, match="kan ikke sendes"):
        services.send_reply(item, owner, "Vi har sjekket 01017012343. Hilsen Eva")
    assert not item.events.filter(type="replied").exists()


def test_it_records_a_formal_referral_for_the_archive(make_item, owner, municipality):
    from somevakt.inbox.deadlines import pack_of

    item = make_item(text="Jeg vil klage på vedtaket om byggesaken min")
    triage_with(item, "intent.case_request")
    text = {a.purpose: a for a in services.saved_answers(pack_of(municipality), owner)}["refer_formal"].text
    event = services.send_reply(item, owner, text, "refer_formal")
    assert event.type == "referred_formal"
    item.status.refresh_from_db()
    assert item.status.state == "referred" and item.status.archive_pending


def test_it_refuses_a_reply_while_the_account_is_closed(make_item, owner, account):
    import datetime as dt

    from django.utils import timezone

    from somevakt.registry.models import Closure

    item = make_item()
    now = timezone.now()
    Closure.objects.create(
        account=account, starts_at=now - dt.timedelta(days=1), ends_at=now + dt.timedelta(days=1)
    )
    with pytest.raises(ActionRefused, match="kan ikke sendes"):
        services.send_reply(item, owner, "Biblioteket åpner klokka ti. Hilsen Eva")


@pytest.mark.parametrize("state", ["planned", "approved", "retired"])
def test_it_answers_only_from_an_account_in_use(make_item, owner, account, state):
    item = make_item(codes=["intent.question"])
    account.state = state
    account.save(update_fields=["state"])
    item.refresh_from_db()
    with pytest.raises(services.ActionRefused, match="ikke i bruk"):
        services.send_reply(item, owner, "Biblioteket åpner klokka ti. Hilsen Eva")
    assert not item.events.filter(type="replied").exists()
