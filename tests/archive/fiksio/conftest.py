"""A real RabbitMQ broker (a vhost of the tests' own, made with rabbitmqctl), real certificates,
and the fakes of Fiks IO's REST API, Maskinporten and an archive system (fakes.py).

The vhost, the certificates, the fake servers and the integration's broker user live for the
session; each test starts with empty queues and no kept clients.
"""

from __future__ import annotations

import logging
import secrets
import socket
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pika
import pytest
from cryptography.hazmat.primitives import serialization

from somevakt.archive.transports.fiksio import account, clients, receiving
from somevakt.archive.transports.fiksio.models import FiksIOSettings, TransportKind
from tests.archive.conftest import ARKIVMELDING_XSD
from tests.archive.fiksio.fakes import AUDIENCE, FakeArchive, FakeFiksIO, FakeMaskinporten, FiksAccount
from tests.archive.fiksio.pki import Pki, make_pki

ROOT = Path(__file__).resolve().parents[3]
CLIENT_ID = "9f6bd4e2-maskinporten-klient"
logging.getLogger("pika").setLevel(logging.WARNING)  # its INFO lines drown a failure's report


def _broker_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5672), timeout=1).close()
        return True
    except OSError:
        return False


def rabbitmqctl(*args: str, check: bool = True) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=check, capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def vhost():
    """A vhost of this session's own on the machine's broker (started by scripts/ensure-rabbitmq.sh)."""
    if not _broker_up():
        subprocess.run([str(ROOT / "scripts" / "ensure-rabbitmq.sh")], check=True, timeout=180)
    name = f"somevakt-test-{secrets.token_hex(4)}"
    rabbitmqctl("add_vhost", name)
    rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*")
    yield name
    rabbitmqctl("delete_vhost", name, check=False)  # gone already is fine


@pytest.fixture(scope="session")
def pki() -> Pki:
    return make_pki()


@dataclass
class World:
    vhost: str
    amqp_url: str  # the vhost, as the integration logs in (credentials come from the transport)
    maskinporten: FakeMaskinporten
    fiks: FakeFiksIO
    ours: FiksAccount
    archive: FakeArchive
    pki: Pki
    trusted_cas: str  # a PEM file with the test CA: the issuer trusted to sign the archive's replies


@pytest.fixture(scope="session")
def world(vhost, pki, tmp_path_factory):
    maskinporten = FakeMaskinporten(CLIENT_ID, pki.root.certificate)
    fiks = FakeFiksIO(f"amqp://guest:guest@127.0.0.1:5672/{quote(vhost, safe='')}", maskinporten)
    # Hex passwords: rabbitmqctl takes one that starts with "-" (as token_urlsafe's may) for an option.
    ours = FiksAccount(
        account_id=str(uuid.uuid4()),
        name="Gausdal kommune somevakt",
        certificate_pem=pki.municipality.certificate_pem(),
        integration_id=str(uuid.uuid4()),
        integration_password=secrets.token_hex(16),
    )
    archive_account = FiksAccount(
        account_id=str(uuid.uuid4()),
        name="Gausdal kommune arkiv",
        certificate_pem=pki.archive.certificate_pem(),
        integration_id=str(uuid.uuid4()),
        integration_password=secrets.token_hex(16),
    )
    fiks.add_account(ours)
    fiks.add_account(archive_account)
    # Fiks IO's broker takes the integration id and "<password> <Maskinporten token>".
    rabbitmqctl("add_user", ours.integration_id, f"{ours.integration_password} {maskinporten.fixed_token}")
    rabbitmqctl(
        "set_permissions",
        "-p",
        vhost,
        ours.integration_id,
        "^$",
        "^$",
        f"^fiksio\\.konto\\.{ours.account_id}$",
    )
    archive = FakeArchive(fiks, archive_account, pki.archive, pki.root.certificate, ARKIVMELDING_XSD)
    trusted = tmp_path_factory.mktemp("fiksio") / "trusted-cas.pem"
    trusted.write_bytes(pki.root.certificate.public_bytes(serialization.Encoding.PEM))
    yield World(
        vhost,
        f"amqp://127.0.0.1:5672/{quote(vhost, safe='')}",
        maskinporten,
        fiks,
        ours,
        archive,
        pki,
        str(trusted),
    )
    rabbitmqctl("delete_user", ours.integration_id, check=False)
    maskinporten.close()
    fiks.close()


@pytest.fixture
def fiksio(world, settings):
    """Django pointed at the fakes, empty queues, no kept clients, the fakes' logs cleared."""
    settings.SOMEVAKT_FIKSIO_API_URL = world.fiks.url
    settings.SOMEVAKT_FIKSIO_AMQP_URL = world.amqp_url
    settings.SOMEVAKT_MASKINPORTEN_TOKEN_URL = world.maskinporten.token_url
    settings.SOMEVAKT_MASKINPORTEN_AUDIENCE = AUDIENCE
    settings.SOMEVAKT_FIKSIO_TRUSTED_CAS = world.trusted_cas
    with pika.BlockingConnection(pika.URLParameters(world.fiks.amqp_url)) as connection:
        channel = connection.channel()
        for konto in world.fiks.accounts:
            channel.queue_purge(f"fiksio.konto.{konto}")
    world.fiks.sent.clear()
    world.fiks.calls.clear()
    world.fiks.down = False
    world.maskinporten.down = False
    world.archive.received.clear()
    clients.forget()
    receiving._backoff.clear()
    yield world
    clients.forget()


def configure(municipality, world: World, **overrides) -> FiksIOSettings:
    """The municipality delivers through Fiks IO with the world's accounts and its certificate."""
    secrets_ = account.Secrets(
        integration_password=overrides.pop("integration_password", world.ours.integration_password),
        certificate=overrides.pop("certificate", world.pki.municipality.pkcs12("sertifikat-passord")),
        certificate_password=overrides.pop("certificate_password", "sertifikat-passord"),
    )
    values = {
        "transport": TransportKind.FIKSIO,
        "integration_id": world.ours.integration_id,
        "account_id": world.ours.account_id,
        "recipient_account_id": world.archive.account.account_id,
        "maskinporten_client_id": CLIENT_ID,
        **overrides,
    }
    found, _ = FiksIOSettings.objects.update_or_create(
        municipality=municipality, defaults={**values, "sealed": account.seal(secrets_)}
    )
    return found
