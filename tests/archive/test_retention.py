"""Retention deletes old items that were never journaled, logs each run, and never touches journaled items."""

from __future__ import annotations

import datetime as dt

from somevakt.archive.models import JournalEntry, RetentionRule, RetentionRun
from somevakt.archive.retention import apply_rule
from somevakt.inbox.models import Item, ItemEvent

LATER = dt.datetime.now(dt.UTC) + dt.timedelta(days=400)


def test_it_deletes_old_items_that_were_never_journaled_and_logs_the_run(acted, municipality, make_item):
    reply = make_item("111222333_1_7", "Enig!", "tone.praise", parent_id="111222333_1_2")
    run = apply_rule(municipality, now=LATER)
    assert not Item.objects.filter(pk=acted["plain"].pk).exists()
    assert not ItemEvent.objects.filter(item_id=acted["plain"].pk).exists()
    assert run.deleted_items == 1 and run.deleted_events > 0
    assert run.kept_journaled == 2
    assert RetentionRun.objects.get().cutoff == LATER - dt.timedelta(days=365)
    # The reply to a journaled comment is part of its thread, so it is kept.
    assert Item.objects.filter(pk=reply.pk).exists()


def test_it_never_deletes_journaled_items(acted, municipality):
    journaled = set(JournalEntry.objects.values_list("item_id", flat=True))
    apply_rule(municipality, now=LATER + dt.timedelta(days=3650))
    assert journaled <= set(Item.objects.values_list("pk", flat=True))
    assert JournalEntry.objects.count() == 3


def test_it_keeps_items_younger_than_the_municipalitys_period(acted, municipality):
    RetentionRule.objects.create(municipality=municipality, keep_days=3000)
    assert apply_rule(municipality, now=LATER).deleted_items == 0
    assert Item.objects.filter(pk=acted["plain"].pk).exists()


def test_it_does_nothing_when_the_rule_is_switched_off(acted, municipality):
    RetentionRule.objects.create(municipality=municipality, enabled=False)
    assert apply_rule(municipality, now=LATER) is None
    assert RetentionRun.objects.count() == 0
