"""Two people claiming the same item at the same moment: one wins, the other is told who did.

Real concurrent transactions on separate connections (threads), so this runs on PostgreSQL;
SQLite serialises every write transaction anyway (BEGIN IMMEDIATE) and is skipped.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from somevakt.inbox import services
from somevakt.inbox.models import Item, ItemEvent

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://...)"
    ),
]

ROUNDS = 10


def race(item_id: int, people: list) -> list[str]:
    barrier = threading.Barrier(len(people))
    outcomes: list[str] = []

    def attempt(person) -> None:
        try:
            item = Item.objects.get(pk=item_id)
            barrier.wait(timeout=10)
            services.claim(item, person)
            outcomes.append("won")
        except services.ActionRefused:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_it_lets_exactly_one_of_two_simultaneous_claims_win(make_item, owner, adviser):
    for n in range(ROUNDS):
        item = make_item(f"race-{n}", "Når åpner biblioteket?")
        outcomes = race(item.pk, [owner, adviser])
        assert sorted(outcomes) == ["refused", "won"]
        assert ItemEvent.objects.filter(item=item, type="assigned").count() == 1
        item.status.refresh_from_db()
        assert item.status.assignee in (owner, adviser)
        assert item.status.events == 2
