"""The worker's batch of deliveries leaves exactly what processing them one at a time leaves.

The same stored deliveries are processed one at a time, each comment handed to the inbox on
its own (`_process_one`, what `drain` falls back to when a batch fails), inside a transaction
that is rolled back, and their items triaged; then they are drained as one batch (all their
comments handed over at once, `receive_many`). Every item, event, status, delivery and alert
must come out the same.
"""

from __future__ import annotations

from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from somevakt.inbox.models import Item, ItemEvent
from somevakt.integrations.deliveries import _process_one, drain, triage_now
from somevakt.integrations.fakes.meta_payloads import (
    feed_comment,
    instagram_comment,
    instagram_delivery,
    page_delivery,
)
from somevakt.integrations.models import Delivery
from somevakt.registry.models import AccountAlert
from tests.inbox.test_receive_many import rolled_back, snapshot
from tests.integrations.conftest import INSTAGRAM, PAGE, store


def outcome() -> dict:
    inbox = snapshot()
    deliveries = list(
        Delivery.objects.order_by("id").values_list("id", "status", "comments", "error", "attempts")
    )
    alerts = sorted(AccountAlert.objects.values_list("kind", "delivery_id", "message"))
    return {"inbox": inbox, "deliveries": deliveries, "alerts": alerts}


def test_it_drains_a_mixed_batch_exactly_as_one_delivery_at_a_time(account, instagram_account) -> None:
    question = page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket?"))
    two = page_delivery(PAGE, feed_comment(PAGE, "1_3", "Det lurer jeg også på", parent_id="1_1"))
    two["entry"].append({"id": PAGE, "time": 0, "changes": [feed_comment(PAGE, "1_4", "Takk for svar!")]})
    deliveries = [
        store(question),
        store(page_delivery(PAGE, feed_comment(PAGE, "1_2", "Tusen takk til hjemmetjenesten!"))),
        store(question),  # Meta delivers again
        store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket igjen?", verb="edited"))),
        store(page_delivery(PAGE, feed_comment(PAGE, "1_2", verb="remove"))),
        store(page_delivery("404404", feed_comment("404404", "9_9", "Hei"))),  # a page we do not have
        store({"object": "page", "entry": [{"changes": []}]}),  # JSON, but no delivery
        store(two),
        store(page_delivery(PAGE, feed_comment(PAGE, "1_9", verb="hide"))),  # never seen
        store(instagram_delivery(INSTAGRAM, instagram_comment("c1", "Fint bilde! Ring meg på 912 34 567"))),
        store(page_delivery(PAGE, feed_comment(PAGE, "1_4", verb="hide"))),
    ]
    with rolled_back():
        Delivery.objects.update(attempts=F("attempts") + 1)  # as drain counts them
        triage_now([item for delivery in deliveries for item in _process_one(delivery.pk)])
        expected = outcome()
    assert drain() == len(deliveries)
    assert outcome() == expected
    items = expected["inbox"]["items"]
    assert len(items) == 5
    assert all(any(e[0] == "triaged" for e in item["events"]) for item in items.values())
    assert [d[1:4] for d in expected["deliveries"][5:7]] == [
        ("processed", 0, "no account for facebook 404404"),
        ("rejected", 0, "entry 0 has no id"),
    ]
    call_command("rebuild-status", "--check")


def test_it_drains_a_batch_in_the_same_few_queries_however_many_deliveries(account) -> None:
    def queries_for(count: int, start: int) -> int:
        for n in range(start, start + count):
            store(page_delivery(PAGE, feed_comment(PAGE, f"1_{n}", f"Når åpner biblioteket igjen, nr. {n}?")))
        with CaptureQueriesContext(connection) as queries:
            assert drain() == count
        return len(queries)

    few, many = queries_for(3, 0), queries_for(40, 100)
    # A few more only where SQLite's limit on parameters splits a long INSERT in two.
    assert few <= 30
    assert many <= few + 2
    assert Item.objects.count() == 43
    assert ItemEvent.objects.filter(type="triaged").count() == 43
