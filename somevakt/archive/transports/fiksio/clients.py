"""The Maskinporten, REST and queue clients of a municipality's Fiks IO account, kept per process.

Kept so the access token is reused until shortly before it expires and the queue's connection
stays open between the worker's rounds; new settings (another certificate, password or account)
make new clients.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509

from somevakt.archive import conf
from somevakt.archive.transports.fiksio.account import Account, account_of
from somevakt.archive.transports.fiksio.api import FiksIOApi
from somevakt.archive.transports.fiksio.certificates import Identity
from somevakt.archive.transports.fiksio.maskinporten import Maskinporten
from somevakt.archive.transports.fiksio.queue import AccountQueue

# The archive system's certificate from the catalogue is looked up again after this long, so a
# key the archive replaces is picked up without asking the catalogue for every message.
RECIPIENT_KEY_FOR = 3600.0


@dataclass
class Clients:
    account: Account
    identity: Identity
    maskinporten: Maskinporten
    api: FiksIOApi
    queue: AccountQueue
    _recipient: tuple[x509.Certificate, float] | None = field(default=None, repr=False)

    def recipient_certificate(self) -> x509.Certificate:
        """The archive system's certificate (catalogue), kept for RECIPIENT_KEY_FOR seconds."""
        now = time.monotonic()
        if self._recipient is None or now > self._recipient[1]:
            certificate = self.api.public_key(self.account.recipient_account_id)
            self._recipient = (certificate, now + RECIPIENT_KEY_FOR)
        return self._recipient[0]


_CACHE: dict[tuple[int, str], Clients] = {}
_LOCK = threading.Lock()


def _key(account: Account) -> str:
    parts = (
        account.integration_id,
        account.account_id,
        account.recipient_account_id,
        account.maskinporten_client_id,
        account.secrets.integration_password,
        hashlib.sha256(account.secrets.certificate + account.secrets.account_key).hexdigest(),
        account.secrets.certificate_password,
        conf.fiksio_setting("SOMEVAKT_FIKSIO_API_URL"),
        conf.fiksio_setting("SOMEVAKT_FIKSIO_AMQP_URL"),
        conf.fiksio_setting("SOMEVAKT_MASKINPORTEN_TOKEN_URL"),
    )
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def clients_for(municipality: Any) -> Clients:
    """Raises account.NotConfigured, or certificates.CertificateError for an unusable certificate."""
    account = account_of(municipality)
    key = (municipality.pk, _key(account))
    with _LOCK:
        found = _CACHE.get(key)
        if found is not None:
            return found
        for stale in [k for k in _CACHE if k[0] == municipality.pk]:
            _close(_CACHE.pop(stale))
        identity = account.identity()
        maskinporten = Maskinporten(
            conf.fiksio_setting("SOMEVAKT_MASKINPORTEN_TOKEN_URL"),
            conf.fiksio_setting("SOMEVAKT_MASKINPORTEN_AUDIENCE"),
            account.maskinporten_client_id,
            identity,
        )
        api = FiksIOApi(
            conf.fiksio_setting("SOMEVAKT_FIKSIO_API_URL"),
            account.integration_id,
            account.secrets.integration_password,
            maskinporten.token,
        )
        queue = AccountQueue(
            conf.fiksio_setting("SOMEVAKT_FIKSIO_AMQP_URL"),
            account.account_id,
            account.integration_id,
            lambda: f"{account.secrets.integration_password} {maskinporten.token()}",
        )
        found = Clients(account, identity, maskinporten, api, queue)
        _CACHE[key] = found
        return found


def _close(clients: Clients) -> None:
    clients.queue.close()
    clients.api.close()


def forget(municipality: Any = None) -> None:
    """Drop the kept clients (of one municipality, or all), closing their connections."""
    with _LOCK:
        for key in [k for k in _CACHE if municipality is None or k[0] == municipality.pk]:
            _close(_CACHE.pop(key))
