"""The worker's reply loop: a reply is acknowledged only after it is stored, a redelivered one is
taken once, and a broker that is down or drops the connection is tried again with backoff."""

from __future__ import annotations

import time

import pytest

from somevakt.archive.transports.fiksio import receiving
from somevakt.archive.transports.fiksio.clients import clients_for
from somevakt.archive.transports.fiksio.messages import MOTTATT
from somevakt.archive.transports.fiksio.models import FiksIOMessage, FiksIOReply
from somevakt.jobs import continuous
from tests.archive.fiksio.conftest import configure, rabbitmqctl
from tests.archive.fiksio.fakes import Received


@pytest.fixture
def message(fiksio, municipality):
    """A message somevakt sent (as recorded), and the archive's view of it."""
    configure(municipality, fiksio)
    record = FiksIOMessage.objects.create(
        municipality=municipality,
        message_id="provekommune-1",
        client_message_id="6a1d7c2e-1111-4222-8333-944445555666",
        fiks_message_id="0b8f3c1a-aaaa-4bbb-8ccc-9ddddeeeefff",
    )
    seen = Received(record.fiks_message_id, "", fiksio.ours.account_id, {}, None, True, None)  # type: ignore[arg-type]
    return record, seen


def waiting_on(queue, expected: int, seconds: float = 5.0) -> int:
    """How many messages wait on the queue once it shows `expected` (or the time is up)."""
    deadline = time.monotonic() + seconds
    found = queue.count()
    while found != expected and time.monotonic() < deadline:
        time.sleep(0.05)
        found = queue.count()
    return found


def test_the_worker_registers_the_reply_loop():
    assert "archive.fiksio_replies" in continuous.registered()


def test_a_reply_stays_on_the_queue_until_it_is_stored_and_is_then_taken_once(fiksio, municipality, message):
    record, seen = message
    fiksio.archive.answer(seen, MOTTATT)
    queue = clients_for(municipality).queue

    def stored_then_died(delivery):
        receiving.store(municipality, delivery, clients_for(municipality).identity)
        raise RuntimeError("the worker died before acknowledging")

    with pytest.raises(RuntimeError):
        queue.drain(stored_then_died)
    assert FiksIOReply.objects.count() == 1
    # Not acknowledged: the broker keeps it (the requeue reaches the queue a moment after the nack).
    assert waiting_on(queue, 1) == 1
    assert receiving.receive_all() == 1  # delivered again, recognised, acknowledged
    assert queue.count() == 0
    assert FiksIOReply.objects.count() == 1
    record.refresh_from_db()
    assert record.received_at is not None


def test_a_broker_that_is_down_is_tried_again_with_backoff(fiksio, municipality, message, settings, caplog):
    _record, seen = message
    fiksio.archive.answer(seen, MOTTATT)
    settings.SOMEVAKT_FIKSIO_AMQP_URL = "amqp://127.0.0.1:1/"
    start = time.monotonic()
    assert receiving.receive_all(now=start) == 0
    assert "cannot be reached" in caplog.text
    pause, _ = receiving._backoff[municipality.pk]
    assert pause == receiving.BACKOFF_FIRST
    assert receiving.receive_all(now=start + 1) == 0  # still waiting
    receiving.receive_all(now=start + pause + 1)
    assert receiving._backoff[municipality.pk][0] == 2 * pause  # failed again: twice as long
    settings.SOMEVAKT_FIKSIO_AMQP_URL = fiksio.amqp_url  # the broker is back
    assert receiving.receive_all(now=start + 3 * pause + 2) == 1
    assert municipality.pk not in receiving._backoff


def test_a_connection_the_broker_drops_is_opened_again(fiksio, municipality, message):
    _record, seen = message
    assert receiving.receive_all() == 0  # connected, nothing waiting
    rabbitmqctl("close_all_connections", "-p", fiksio.vhost, "broker restarting")
    fiksio.archive.answer(seen, MOTTATT)
    first = receiving.receive_all(now=time.monotonic())
    if first == 0:  # the dropped connection was noticed in this round; the next one reconnects
        assert receiving.receive_all(now=time.monotonic() + receiving.BACKOFF_MAX) == 1
    assert FiksIOReply.objects.count() == 1


def test_a_mottatt_from_another_account_is_kept_and_marks_nothing(fiksio, municipality, message):
    record, seen = message
    fiksio.archive.answer_raw(seen, MOTTATT, b"", sender_account="5d6f0c3e-0000-4000-8000-000000000001")
    assert receiving.receive_all() == 1
    reply = FiksIOReply.objects.get()
    assert reply.problem.startswith("signature.sender:")
    record.refresh_from_db()
    assert record.received_at is None
