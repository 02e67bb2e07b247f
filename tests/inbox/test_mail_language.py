"""The inbox's e-mail goes out in each reader's chosen language; bokmål for whoever never chose."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.utils import formats, timezone, translation

from somevakt.inbox import services
from somevakt.inbox.reminders import send_reminders
from somevakt.tenants.language import remember
from tests.inbox.conftest import triage_with


def test_a_nynorsk_readers_reminder_is_in_nynorsk_and_the_others_in_bokmaal(make_item, owner, adviser):
    owner.email = "eva@provekommune.example"
    owner.save()
    remember(adviser, "nn")
    items = [make_item(f"111222333_1_{n}", f"Spørsmål nummer {n}?") for n in range(2)]
    for item in items:
        triage_with(item, "intent.question")
    services.claim(items[1], adviser)
    latest = max(i.status.due for i in items)
    assert send_reminders(now=latest - dt.timedelta(minutes=30)) == {"before": 2, "overdue": 0}
    by_address = {m.to[0]: m for m in mail.outbox}
    to_adviser = by_address["rolf@provekommune.example"]
    assert to_adviser.subject == "Fristen nærmar seg: 1 kommentar å svare på"
    assert "Desse må svarast på snart:" in to_adviser.body
    to_owner = by_address["eva@provekommune.example"]  # never chose
    assert to_owner.subject == "Fristen nærmer seg: 1 kommentar å svare på"
    assert "Disse må besvares snart:" in to_owner.body


def test_an_english_readers_reminder_writes_the_deadline_in_english(make_item, adviser):
    remember(adviser, "en")
    item = make_item()
    triage_with(item, "intent.question")
    services.claim(item, adviser)
    due = item.status.due
    send_reminders(now=due + dt.timedelta(minutes=1))
    [message] = mail.outbox
    assert message.subject == "Deadline passed: 1 comment to answer"
    assert "These should have been answered and are still open:" in message.body
    with translation.override("en"):
        month = formats.date_format(timezone.localtime(due), "F")
    assert f" {month} " in message.body
