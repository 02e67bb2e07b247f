"""The integrations' tasks: a delivery's task takes the other fresh deliveries with it, in a batch."""

from __future__ import annotations

import json

from somevakt.inbox.models import ItemEvent
from somevakt.integrations.deliveries import store_meta_delivery
from somevakt.integrations.fakes.meta_payloads import feed_comment, page_delivery
from somevakt.integrations.models import Delivery, DeliveryStatus
from somevakt.integrations.tasks import process_delivery
from tests.integrations.conftest import PAGE


def test_it_processes_its_delivery_and_the_other_fresh_ones(account) -> None:
    stored = [
        store_meta_delivery(
            json.dumps(page_delivery(PAGE, feed_comment(PAGE, f"1_{n}", "Når åpner biblioteket?"))).encode()
        )
        for n in range(3)
    ]
    assert process_delivery.call(stored[1].pk) == DeliveryStatus.PROCESSED
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.PROCESSED}
    assert ItemEvent.objects.filter(type="triaged").count() == 3
    assert process_delivery.call(stored[0].pk) == DeliveryStatus.PROCESSED  # already done: nothing changes
    assert ItemEvent.objects.filter(type="triaged").count() == 3
