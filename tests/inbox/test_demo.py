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
