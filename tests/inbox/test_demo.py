"""The demo's fixture comments become items, triaged on the spot; loading twice changes nothing."""

from __future__ import annotations

import pytest

from somevakt.demo.loader import load_demo, read_comments
from somevakt.inbox.models import Item, ItemEvent, ItemStatus

pytestmark = pytest.mark.slow


def test_it_loads_every_comment_triaged_and_changes_nothing_the_second_time(db):
    lines: list[str] = []
    load_demo(log=lines.append)
    comments = read_comments()
    assert Item.objects.count() == len(comments)
    assert not ItemStatus.objects.filter(triage_pending=True).exists()
    assert not ItemStatus.objects.filter(state="new").exists()
    assert any(
        line.startswith(f"Demo inbox: {len(comments)} new items, {len(comments)} triaged") for line in lines
    )
    # Every item was received and triaged (later demo steps may act on some of them).
    assert ItemEvent.objects.filter(type="received").count() == len(comments)
    assert ItemEvent.objects.filter(type="triaged").count() == len(comments)
    events = ItemEvent.objects.count()

    again: list[str] = []
    load_demo(log=again.append)
    assert Item.objects.count() == len(comments)
    assert ItemEvent.objects.count() == events
    assert any(line.startswith("Demo inbox: 0 new items, 0 triaged") for line in again)


def test_it_threads_replies_and_follows_each_guideline(db):
    load_demo(log=lambda line: None)
    replies = Item.objects.filter(parent__isnull=False)
    assert replies.exists()
    assert all(r.kind == "reply" for r in replies)
    gausdal_actions = set(
        ItemStatus.objects.filter(municipality__slug="gausdal").values_list("action", flat=True)
    )
    assert "delete" not in gausdal_actions  # Gausdal gives no ground for deletion
    assert ItemStatus.objects.filter(municipality__slug="gausdal").exclude(due=None).exists()
    assert not ItemStatus.objects.filter(municipality__slug="hustadvika").exclude(due=None).exists()


def test_it_brings_the_fixture_comments_into_the_last_day_keeping_their_time_of_day():
    import datetime as dt

    from somevakt.inbox.demo import recent_shift

    comments = [
        {"received_at": "2026-03-02T08:05:00+01:00"},
        {"received_at": "2026-03-09T13:45:00+01:00"},
    ]
    now = dt.datetime(2026, 11, 22, 1, 43, tzinfo=dt.UTC)
    shift = recent_shift(comments, now)
    newest = dt.datetime.fromisoformat(comments[1]["received_at"]) + shift
    assert now - dt.timedelta(days=1) < newest <= now
    assert shift % dt.timedelta(days=1) == dt.timedelta(0)
    assert newest.time() == dt.time(13, 45)
    # A fixture newer than now (a clock set back) is left where it is, never moved further ahead.
    assert recent_shift(comments, dt.datetime(2026, 3, 1, tzinfo=dt.UTC)) == dt.timedelta(0)
    assert recent_shift([], now) == dt.timedelta(0)


def test_it_gives_a_fresh_demo_items_that_are_not_all_overdue(db):
    from django.utils import timezone

    load_demo(log=lambda line: None)
    newest = Item.objects.order_by("-received_at").first()
    assert timezone.now() - newest.received_at < timezone.timedelta(days=1)
    pending = ItemStatus.objects.exclude(due=None)
    # Deadlines run from the shifted times: some are still ahead when the newest comment arrives.
    assert pending.filter(due__gt=newest.received_at).exists()
    assert pending.filter(due__gt=timezone.now() - timezone.timedelta(days=1)).exists()
