"""The demo's archive step: a fresh demo has referred, hidden and deleted items, every one of them
journaled; loading twice changes nothing; and what it delivers and exports validates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from somevakt.archive.extract import export_noark5
from somevakt.archive.formats.outbox import OutboxTransport
from somevakt.archive.models import JournalEntry
from somevakt.archive.reports import OSLO
from somevakt.archive.services import deliver_pending
from somevakt.demo.loader import load_demo
from somevakt.inbox.models import ItemEvent
from somevakt.tenants.models import Municipality

from .conftest import decide_all

ACTIONS = ("referred_formal", "referred_political", "hidden", "deleted")


@pytest.mark.slow
def test_it_journals_every_demo_action_and_delivers_valid_messages(
    db, tmp_path, arkivmelding_schema, noark5_schemas
):
    load_demo(log=lambda line: None)
    events = ItemEvent.objects.filter(type__in=ACTIONS)
    assert set(events.values_list("type", flat=True)) == set(ACTIONS)
    for event in events:
        assert JournalEntry.objects.filter(item=event.item).exists(), event
    assert JournalEntry.objects.filter(reason="reply").exists()
    before = (ItemEvent.objects.count(), JournalEntry.objects.count())
    load_demo(log=lambda line: None)
    assert (ItemEvent.objects.count(), JournalEntry.objects.count()) == before

    gausdal = Municipality.objects.get(slug="gausdal")
    outbox = OutboxTransport(tmp_path / "outbox")
    assert deliver_pending(gausdal, outbox, force=True).sent == 0  # each waits for the records office
    decide_all(User.objects.get(username="gausdal.arkiv"), municipality=gausdal)
    summary = deliver_pending(gausdal, outbox, force=True)
    assert not summary.failed and summary.sent == JournalEntry.objects.filter(municipality=gausdal).count()
    for folder in outbox.root.iterdir():
        arkivmelding_schema.validate(str(folder / "arkivmelding.xml"))
    today = timezone.now().astimezone(OSLO).date()
    result = export_noark5(gausdal, today - dt.timedelta(days=1), today, tmp_path / "x")
    assert result.summary.registrations == summary.sent and not result.missing_documents
    for name, schema in noark5_schemas.items():
        schema.validate(str(tmp_path / "x" / name))
