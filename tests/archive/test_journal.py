"""Everything referred, hidden or deleted in the inbox has a journal entry, made once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from somevakt.archive.formats.records import CONFIDENTIALITY_BASIS
from somevakt.archive.journal import journal_event, journal_recorded, sweep
from somevakt.archive.models import JournalEntry
from somevakt.inbox import events, services
from somevakt.inbox.events import NewEvent, record, record_many
from somevakt.inbox.models import ItemEvent
from somevakt.inbox.projection import EVENT_TYPES

from .conftest import hide, refer


def reasons(item):
    return sorted(JournalEntry.objects.filter(item=item).values_list("reason", flat=True))


def test_it_journals_referrals_hidings_and_the_replies_to_inquiries(acted, owner):
    assert reasons(acted["referred"]) == ["hide", "refer_formal"]
    assert reasons(acted["hidden"]) == ["hide"]
    assert reasons(acted["plain"]) == []  # an ordinary answer is not archived
    services.send_reply(acted["referred"], owner, "Søknaden er mottatt. Hilsen Eva")
    assert reasons(acted["referred"]) == ["hide", "refer_formal", "reply"]


def test_it_gives_each_entry_its_kind_and_a_title_without_names(acted):
    entry = JournalEntry.objects.get(item=acted["referred"], reason="refer_formal")
    assert entry.kind == "inquiry"
    assert entry.title.startswith("Henvendelse via Facebook henvist til formell saksbehandling")
    assert "Kari" not in entry.title
    assert JournalEntry.objects.get(item=acted["hidden"]).kind == "moderation"


def test_it_proposes_screening_with_its_legal_basis_for_personal_data(acted, make_item, owner):
    entry = JournalEntry.objects.get(item=acted["referred"], reason="refer_formal")
    assert (entry.proposed_screening, entry.proposed_basis) == (True, CONFIDENTIALITY_BASIS)
    assert entry.skjermet is None and entry.screened  # the records office has not decided yet
    political = make_item("111222333_1_9", "Kommunestyret må stoppe kuttene.", "intent.political")
    services.send_reply(
        political, owner, "Takk! Dette er en sak for kommunestyret. Hilsen Eva", "refer_political"
    )
    plain_entry = JournalEntry.objects.get(item=political)
    assert (plain_entry.reason, plain_entry.proposed_screening) == ("refer_political", False)


def test_it_never_makes_a_second_entry_for_the_same_item_and_reason(acted, owner):
    hidden = acted["hidden"]
    services.unhide(hidden, owner)
    hide(hidden, owner)
    assert JournalEntry.objects.filter(item=hidden).count() == 1
    for event in ItemEvent.objects.filter(item=hidden):
        journal_event(event)
    assert sweep() == 0
    assert JournalEntry.objects.filter(item=hidden).count() == 1


def test_it_journals_deletions_with_the_guidelines_ground(municipality, make_item, owner):
    municipality.policy_pack = "batsfjord"
    municipality.save()
    item = make_item("111222333_1_4", "Jeg skal brenne ned rådhuset deres.", "abuse.threat")
    services.delete(item, owner, 0)
    entry = JournalEntry.objects.get(item=item)
    assert (entry.reason, entry.kind) == ("delete", "moderation")
    assert entry.source_event.clauses == ["batsfjord:4.4-sletting"]


def test_it_catches_up_on_events_the_hook_missed(acted, owner, municipality, make_item):
    item = make_item("111222333_1_5", "Søknad om startlån: kan dere hjelpe?", "intent.case_request")
    refer(item, owner)
    JournalEntry.objects.filter(item=item).delete()
    assert reasons(item) == []
    assert sweep(municipality) == 1
    assert reasons(item) == ["refer_formal"]
    assert sweep(municipality) == 0


def test_it_listens_to_the_inbox_through_its_registry():
    assert journal_recorded in events.listeners()


@pytest.mark.parametrize(
    "codes", [("intent.case_request",), ("intent.question",)], ids=["inquiry", "question"]
)
@pytest.mark.parametrize("type", EVENT_TYPES)
def test_it_journals_exactly_the_events_the_inbox_marks_for_the_archive(make_item, owner, type, codes):
    item = make_item("111222333_1_7", "Kan jeg søke om startlån her?", *codes)
    assert not item.status.archive_pending
    event = record(item, type, actor=owner)
    item.status.refresh_from_db()
    assert item.status.archive_pending == JournalEntry.objects.filter(source_event=event).exists()


@pytest.mark.parametrize("referral", ["referred_formal", "referred_political"])
def test_it_journals_a_referral_and_the_replies_after_it_and_the_inbox_agrees(make_item, owner, referral):
    item = make_item("111222333_1_8", "Kommunestyret må stoppe kuttene.", "intent.question")
    record(item, referral, actor=owner)
    item.status.refresh_from_db()
    assert item.status.archive_pending
    reply = record(item, "replied", actor=owner)
    item.status.refresh_from_db()
    assert item.status.archive_pending
    assert JournalEntry.objects.filter(source_event=reply, reason="reply").exists()


def test_it_journals_a_batch_of_events_in_the_same_few_queries_however_many(make_item, owner):
    def queries_for(count: int, start: int) -> int:
        items = [
            make_item(f"111222333_2_{n}", "Ring meg på 412 34 567!") for n in range(start, start + count)
        ]
        batch = [
            NewEvent(item, kind, actor=owner) for item in items for kind in ("hidden", "unhidden", "hidden")
        ]
        with CaptureQueriesContext(connection) as queries:
            record_many(batch)
        assert JournalEntry.objects.filter(item__in=items, reason="hide").count() == count
        return len(queries)

    assert queries_for(2, 0) == queries_for(8, 10)
