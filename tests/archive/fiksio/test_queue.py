"""The account's AMQP queue (`fiksio.queue`) on the tests' real broker: what it says when the
queue cannot be read, and that it reads again afterwards on a fresh channel."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import pytest

from somevakt.archive.transports.fiksio.queue import AccountQueue, QueueError


def test_it_says_a_queue_it_may_not_read_is_unreadable_and_reads_another_after(fiksio):
    url = f"amqp://127.0.0.1:5672/{quote(fiksio.vhost, safe='')}"
    missing = AccountQueue(url, str(uuid.uuid4()), "guest", lambda: "guest")
    try:
        for _ in range(2):  # the broker closed the channel; the next call opens another
            with pytest.raises(QueueError) as caught:
                missing.count()
            assert caught.value.kind == "unreadable"
            assert str(caught.value).startswith(f"the queue {missing.name} cannot be read: NOT_FOUND")
            assert "NOT_FOUND" in caught.value.detail
    finally:
        missing.close()
    ours = AccountQueue(url, fiksio.ours.account_id, "guest", lambda: "guest")
    try:
        assert ours.count() == 0
    finally:
        ours.close()


def test_it_says_the_broker_cannot_be_reached_with_the_errors_name(fiksio):
    queue = AccountQueue("amqp://127.0.0.1:1/", fiksio.ours.account_id, "guest", lambda: "guest", timeout=2)
    with pytest.raises(QueueError) as caught:
        queue.count()
    assert caught.value.kind == "unreachable"
    assert caught.value.detail and str(caught.value) == (
        f"the Fiks IO broker cannot be reached: {caught.value.detail}"
    )
