"""Deadline reminders: to whoever holds the item (else the account's responsible person, else
communications), one digest per person per round; a leader only where the pack says so."""

from __future__ import annotations

import datetime as dt

from django.core import mail

from somevakt.inbox import services
from somevakt.inbox.reminders import send_reminders
from tests.factories import make_account, make_item
from tests.inbox.conftest import triage_with


def test_it_reminds_the_assignee_before_and_after_the_deadline_and_nobody_else(make_item, owner, adviser):
    owner.email = "eva@provekommune.example"
    owner.save()
    item = make_item(text="Når åpner biblioteket? Mitt nummer er 912 34 567")
    triage_with(item, "intent.question")
    services.claim(item, adviser)
    due = item.status.due
    assert send_reminders(now=due - dt.timedelta(hours=1)) == {"before": 1, "overdue": 0}
    assert send_reminders(now=due - dt.timedelta(minutes=30)) == {"before": 0, "overdue": 0}
    assert [m.to for m in mail.outbox] == [["rolf@provekommune.example"]]
    assert "912 34 567" not in mail.outbox[0].body  # personal data masked in the e-mail
    assert "Fristen nærmer seg" in mail.outbox[0].subject
    assert send_reminders(now=due + dt.timedelta(minutes=1)) == {"before": 0, "overdue": 1}
    assert send_reminders(now=due + dt.timedelta(hours=3)) == {"before": 0, "overdue": 0}
    # Gausdal's guideline has no rule that tells a leader: the owner (the adviser's leader) hears nothing.
    assert [m.to for m in mail.outbox] == [["rolf@provekommune.example"]] * 2
    assert "Fristen er passert" in mail.outbox[1].subject
    reminded = item.events.filter(type="reminded")
    assert [(e.payload["stage"], e.payload["to_ids"], e.payload["told_ids"]) for e in reminded] == [
        ("before", [adviser.pk], []),
        ("overdue", [adviser.pk], []),
    ]


def test_it_reminds_the_accounts_responsible_person_when_nobody_has_the_item(make_item, owner):
    item = make_item()
    triage_with(item, "intent.question")
    send_reminders(now=item.status.due - dt.timedelta(hours=1))
    assert item.events.get(type="reminded").payload["to_ids"] == [owner.pk]


def test_it_reminds_communications_when_the_account_has_no_responsible_person(municipality, owner, adviser):
    account = make_account(municipality, external_id="444555666")
    account.responsible = None
    account.save()
    item = make_item(account, "444555666_1_1", account_external_id="444555666")
    triage_with(item, "intent.question")
    send_reminders(now=item.status.due + dt.timedelta(minutes=1))
    assert sorted(item.events.get(type="reminded").payload["to_ids"]) == sorted([owner.pk, adviser.pk])


def test_it_sends_one_digest_per_person_per_round(make_item, owner, adviser):
    owner.email = "eva@provekommune.example"
    owner.save()
    items = [make_item(f"111222333_1_{n}", f"Spørsmål nummer {n}?") for n in range(3)]
    for item in items:
        triage_with(item, "intent.question")
    services.claim(items[2], adviser)
    latest = max(i.status.due for i in items)
    assert send_reminders(now=latest + dt.timedelta(minutes=1)) == {"before": 0, "overdue": 3}
    assert sorted(m.to[0] for m in mail.outbox) == ["eva@provekommune.example", "rolf@provekommune.example"]
    to_owner = next(m for m in mail.outbox if m.to == ["eva@provekommune.example"])
    assert "2 kommentarer" in to_owner.subject
    assert "Spørsmål nummer 0?" in to_owner.body and "Spørsmål nummer 1?" in to_owner.body
    assert "Spørsmål nummer 2?" not in to_owner.body


def test_it_tells_the_accounts_leader_of_an_overdue_item_where_the_pack_says_so(
    make_unit_item, municipality, adviser, unit_leader, owner
):
    # Båtsfjord 4.3: the unit leader answers for the follow-up of the unit's accounts.
    municipality.policy_pack = "batsfjord"
    municipality.save()
    item = make_unit_item(codes=["intent.question"])
    services.claim(item, adviser)
    due = item.status.due
    send_reminders(now=due - dt.timedelta(hours=1))
    assert [m.to for m in mail.outbox] == [["rolf@provekommune.example"]]  # before: only the holder
    send_reminders(now=due + dt.timedelta(minutes=1))
    assert sorted(m.to[0] for m in mail.outbox[1:]) == [
        "elin@provekommune.example",
        "rolf@provekommune.example",
    ]
    to_leader = next(m for m in mail.outbox[1:] if m.to == ["elin@provekommune.example"])
    assert "som leder" in to_leader.body
    event = item.events.filter(type="reminded").last()
    assert event.payload["told_ids"] == [unit_leader.pk]
    assert event.clauses == ["batsfjord:4.3-virksomhetsleder"]


def test_it_leaves_answered_items_alone(make_item, owner, adviser):
    item = make_item()
    triage_with(item, "intent.question")
    services.send_reply(item, adviser, "Klokka ti. Hilsen Rolf")
    assert send_reminders(now=item.status.due + dt.timedelta(hours=1)) == {"before": 0, "overdue": 0}


def test_it_links_to_the_item_with_an_absolute_address(make_item, owner, settings):
    settings.SOMEVAKT_BASE_URL = "https://somevakt.kommune.example/"
    owner.email = "eva@provekommune.example"
    owner.save()
    item = make_item()
    triage_with(item, "intent.question")
    send_reminders(now=item.status.due - dt.timedelta(hours=1))
    link = f"https://somevakt.kommune.example/{item.municipality.slug}/innboks/{item.pk}/"
    assert link in [line.strip() for line in mail.outbox[0].body.splitlines()]


def test_it_tells_no_leader_above_when_the_units_leader_holds_the_item(
    make_unit_item, municipality, unit_leader
):
    municipality.policy_pack = "batsfjord"
    municipality.save()
    item = make_unit_item(codes=["intent.question"])  # nobody has taken it: the responsible leader holds it
    send_reminders(now=item.status.due + dt.timedelta(minutes=1))
    event = item.events.get(type="reminded")
    assert event.payload["to_ids"] == [unit_leader.pk] and event.payload["told_ids"] == []
    assert [m.to for m in mail.outbox] == [["elin@provekommune.example"]]
