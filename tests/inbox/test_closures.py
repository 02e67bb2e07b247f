"""A closure added, changed or removed after triage moves the deadlines of the account's open items."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.management import call_command

from somevakt.inbox import services
from somevakt.inbox.reminders import send_reminders
from somevakt.registry.models import Closure
from tests.inbox.conftest import triage_with

OSLO = ZoneInfo("Europe/Oslo")
# Gausdal answers within one working day: received Wed 4 March 10:00 -> due Thu 5 March 10:00.
THURSDAY_DUE = dt.datetime(2026, 3, 5, 10, 0, tzinfo=OSLO)
FRIDAY_DUE = dt.datetime(2026, 3, 6, 10, 0, tzinfo=OSLO)


def close_thursday(account) -> Closure:
    return Closure.objects.create(
        account=account,
        starts_at=dt.datetime(2026, 3, 5, 0, 0, tzinfo=OSLO),
        ends_at=dt.datetime(2026, 3, 6, 0, 0, tzinfo=OSLO),
        notice="Stengt torsdag",
    )


def rebuild_check() -> None:
    call_command("rebuild-status", "--check")  # raises (exit 1) if a status differs from its log


def test_it_moves_the_deadline_of_an_open_item_when_the_account_closes(make_item, account):
    item = make_item()
    triage_with(item, "intent.question")
    assert item.status.due == THURSDAY_DUE
    closure = close_thursday(account)
    item.status.refresh_from_db()
    assert item.status.due == FRIDAY_DUE
    event = item.events.get(type="due_changed")
    assert event.actor_label == "closure"
    assert event.payload["closure_id"] == closure.pk and event.payload["change"] == "added"
    assert dt.datetime.fromisoformat(event.payload["previous_due"]) == THURSDAY_DUE
    rebuild_check()


def test_it_moves_it_back_when_the_closure_is_removed(make_item, account):
    item = make_item()
    triage_with(item, "intent.question")
    closure = close_thursday(account)
    closure.delete()
    item.status.refresh_from_db()
    assert item.status.due == THURSDAY_DUE
    assert [e.payload["change"] for e in item.events.filter(type="due_changed")] == ["added", "removed"]
    rebuild_check()


def test_it_follows_a_closure_that_is_changed(make_item, account):
    item = make_item()
    triage_with(item, "intent.question")
    closure = close_thursday(account)
    closure.ends_at = dt.datetime(2026, 3, 9, 0, 0, tzinfo=OSLO)  # Thursday to Sunday
    closure.save()
    item.status.refresh_from_db()
    assert item.status.due == dt.datetime(2026, 3, 9, 10, 0, tzinfo=OSLO)
    rebuild_check()


def test_it_leaves_answered_untriaged_and_no_action_items_alone(make_item, account, adviser):
    answered = make_item("111222333_1_1")
    triage_with(answered, "intent.question")
    services.send_reply(answered, adviser, "Klokka ti. Hilsen Rolf")
    untriaged = make_item("111222333_1_2")
    close_thursday(account)
    answered.status.refresh_from_db()
    assert answered.status.due == THURSDAY_DUE
    assert not answered.events.filter(type="due_changed").exists()
    assert not untriaged.events.filter(type="due_changed").exists()
    rebuild_check()


def test_it_leaves_other_accounts_alone(make_item, account, other_account):
    item = make_item()
    triage_with(item, "intent.question")
    close_thursday(other_account)
    item.status.refresh_from_db()
    assert item.status.due == THURSDAY_DUE


def test_it_sends_the_reminder_again_for_the_new_deadline(make_item, account, owner):
    item = make_item()
    triage_with(item, "intent.question")
    assert send_reminders(now=THURSDAY_DUE - dt.timedelta(hours=1))["before"] == 1
    close_thursday(account)
    assert send_reminders(now=THURSDAY_DUE - dt.timedelta(minutes=30))["before"] == 0
    assert send_reminders(now=FRIDAY_DUE - dt.timedelta(hours=1))["before"] == 1


def test_it_shows_the_moved_deadline_in_the_items_history(make_item, account, owner_client, municipality):
    item = make_item()
    triage_with(item, "intent.question")
    close_thursday(account)
    html = owner_client.get(f"/{municipality.slug}/innboks/{item.pk}/").content.decode()
    assert "Fristen er flyttet" in html
    assert 'datetime="2026-03-06T10:00:00+01:00"' in html
