"""The broker restarts while the reply loop runs and a reply is in flight: nothing is lost, nothing
is stored twice, and the loop reconnects by itself.

The broker is a RabbitMQ node of this test's own (tests/archive/fiksio/broker_node.py), so
stopping it disturbs no other test. The reply loop runs here as the worker runs it (rounds of
`receive_all`, with the backoff made short); a second thread stops the broker while the first
reply is being stored (taken from the queue, not yet acknowledged), starts it again, and puts
more replies on the queue while the loop is still reconnecting.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pika
import pytest

from somevakt.archive.transports.fiksio import receiving
from somevakt.archive.transports.fiksio.messages import MOTTATT
from somevakt.archive.transports.fiksio.models import FiksIOMessage, FiksIOReply
from tests.archive.fiksio.broker_node import BrokerNode
from tests.archive.fiksio.conftest import configure, rabbitmqctl  # noqa: F401 (the broker is there)
from tests.archive.fiksio.fakes import FakeArchive, FakeFiksIO, Received

pytestmark = [
    pytest.mark.slow,  # starts a broker node twice (about 10 s)
    pytest.mark.skipif(
        shutil.which("rabbitmq-server") is None or os.geteuid() != 0,
        reason="needs Debian's rabbitmq-server and root to start a broker node of its own",
    ),
]
BEFORE, AFTER = 10, 10


@pytest.fixture
def node():
    # Not under pytest's tmp_path: its folders are closed to the rabbitmq user the broker runs as.
    folder = Path(tempfile.mkdtemp(prefix="somevakt-broker-"))
    broker = BrokerNode(folder)
    try:
        broker.start()
        yield broker
    finally:
        broker.stop()
        shutil.rmtree(folder, ignore_errors=True)


def waiting(node: BrokerNode, queue: str) -> int:
    with pika.BlockingConnection(pika.URLParameters(node.url)) as connection:
        return int(connection.channel().queue_declare(queue, passive=True).method.message_count)


def test_a_broker_restart_loses_nothing_doubles_nothing_and_the_loop_reconnects(
    fiksio, municipality, node, monkeypatch, settings, caplog
):
    # Fiks IO's broker, as the transport logs in to it: the integration id and "<password> <token>".
    ours = fiksio.ours
    node.ctl(
        "add_user", ours.integration_id, f"{ours.integration_password} {fiksio.maskinporten.fixed_token}"
    )
    node.ctl(
        "set_permissions", "-p", "/", ours.integration_id, "^$", "^$", f"^fiksio\\.konto\\.{ours.account_id}$"
    )
    fiks = FakeFiksIO(node.url, fiksio.maskinporten)
    fiks.add_account(ours)
    archive = FakeArchive(fiks, fiksio.archive.account, fiksio.pki.archive, fiksio.pki.root.certificate)
    configure(municipality, fiksio)
    settings.SOMEVAKT_FIKSIO_AMQP_URL = f"amqp://127.0.0.1:{node.port}/%2F"
    monkeypatch.setattr(receiving, "BACKOFF_FIRST", 0.2)
    monkeypatch.setattr(receiving, "BACKOFF_MAX", 1.0)
    sent = []
    for n in range(BEFORE + AFTER):
        record = FiksIOMessage.objects.create(
            municipality=municipality,
            message_id=f"provekommune-{n}",
            client_message_id=uuid.uuid4(),
            fiks_message_id=str(uuid.uuid4()),
        )
        sent.append(Received(record.fiks_message_id, "", ours.account_id, {}, None, True, None))  # type: ignore[arg-type]
    for received in sent[:BEFORE]:
        archive.answer(received, MOTTATT)

    in_flight, stopped, restarted = threading.Event(), threading.Event(), threading.Event()
    store = receiving.store
    handed: list[str] = []  # the melding-id of each delivery the loop was handed

    def store_while_the_broker_restarts(municipality, delivery, *args, **kwargs):
        handed.append(delivery.message_id)
        if not in_flight.is_set():  # the first reply: taken, not acknowledged, when the broker goes
            in_flight.set()
            assert stopped.wait(30), "the broker was not stopped"
        return store(municipality, delivery, *args, **kwargs)

    monkeypatch.setattr(receiving, "store", store_while_the_broker_restarts)
    problems: list[BaseException] = []

    def restart() -> None:
        try:
            assert in_flight.wait(30), "no reply was in flight"
            node.stop()
            stopped.set()
            time.sleep(1.0)  # the loop finds the broker away and backs off
            node.start()
            for received in sent[BEFORE:]:  # new replies while the loop is still reconnecting
                archive.answer(received, MOTTATT)
            restarted.set()
        except BaseException as exc:  # reported by the test, not lost in the thread
            problems.append(exc)
            stopped.set()
            restarted.set()

    caplog.set_level(logging.WARNING, logger=receiving.__name__)
    thread = threading.Thread(target=restart, daemon=True)
    thread.start()
    queue = f"fiksio.konto.{ours.account_id}"
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        receiving.receive_all()
        if restarted.is_set() and FiksIOReply.objects.count() == BEFORE + AFTER and waiting(node, queue) == 0:
            break
        time.sleep(0.05)
    thread.join(5)
    fiks.close()
    assert not problems, problems

    stored = list(FiksIOReply.objects.values_list("fiks_message_id", flat=True))
    assert len(stored) == BEFORE + AFTER == len(set(stored)), "a reply was lost or stored twice"
    assert set(stored) == {m.message_id for m in fiks.sent}
    assert not FiksIOMessage.objects.filter(received_at=None).exists()
    # The reply in flight was not acknowledged before the broker went: it survived the restart, was
    # handed over again, recognised by its melding-id and acknowledged; nothing else came twice.
    assert handed.count(handed[0]) == 2 and len(handed) == BEFORE + AFTER + 1
    assert waiting(node, queue) == 0
    assert "Fiks IO replies" in caplog.text  # the lost connection was noticed and tried again
    assert municipality.pk not in receiving._backoff  # connected again
