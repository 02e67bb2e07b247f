"""Deadline reminders: before the deadline to the assignee, after it to their nearest leader; once each."""

from __future__ import annotations

import datetime as dt

from django.core import mail

from somevakt.inbox import services
from somevakt.inbox.reminders import send_reminders
from tests.inbox.conftest import triage_with


def test_it_reminds_the_assignee_before_and_the_leader_after_the_deadline(
    make_item, owner, adviser, django_capture_on_commit_callbacks
):
    owner.email = "eva@provekommune.example"
    owner.save()
    item = make_item(text="Når åpner biblioteket? Mitt nummer er 912 34 567")
    triage_with(item, "intent.question")
    services.claim(item, adviser)
    due = item.status.due
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(now=due - dt.timedelta(hours=1)) == {"before": 1, "overdue": 0}
        assert send_reminders(now=due - dt.timedelta(minutes=30)) == {"before": 0, "overdue": 0}
    assert [m.to for m in mail.outbox] == [["rolf@provekommune.example"]]
    assert "912 34 567" not in mail.outbox[0].body  # personal data masked in the e-mail
    assert "Fristen nærmer seg" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(now=due + dt.timedelta(minutes=1)) == {"before": 0, "overdue": 1}
        assert send_reminders(now=due + dt.timedelta(hours=3)) == {"before": 0, "overdue": 0}
    # The adviser's unit is under the owner's: the owner is the nearest leader.
    assert mail.outbox[1].to == ["eva@provekommune.example"]
    assert [e.payload["stage"] for e in item.events.filter(type="reminded")] == ["before", "overdue"]


def test_it_reminds_the_accounts_responsible_person_when_nobody_has_the_item(make_item, owner):
    owner.email = "eva@provekommune.example"
    owner.save()
    item = make_item()
    triage_with(item, "intent.question")
    send_reminders(now=item.status.due - dt.timedelta(hours=1))
    event = item.events.get(type="reminded")
    assert event.payload["to_ids"] == [owner.pk]


def test_it_leaves_answered_items_alone(make_item, owner, adviser):
    item = make_item()
    triage_with(item, "intent.question")
    services.send_reply(item, adviser, "Klokka ti. Hilsen Rolf")
    assert send_reminders(now=item.status.due + dt.timedelta(hours=1)) == {"before": 0, "overdue": 0}


def test_it_links_to_the_item_with_an_absolute_address(
    make_item, owner, settings, django_capture_on_commit_callbacks
):
    settings.SOMEVAKT_BASE_URL = "https://somevakt.kommune.example/"
    owner.email = "eva@provekommune.example"
    owner.save()
    item = make_item()
    triage_with(item, "intent.question")
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(now=item.status.due - dt.timedelta(hours=1))
    link = f"https://somevakt.kommune.example/{item.municipality.slug}/innboks/{item.pk}/"
    assert mail.outbox[0].body.splitlines()[-1] == link
