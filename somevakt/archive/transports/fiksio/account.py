"""A municipality's Fiks IO settings with their secrets, sealed at rest (`somevakt.sealing`)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings as django_settings

from somevakt import sealing
from somevakt.archive.transports.fiksio import certificates
from somevakt.archive.transports.fiksio.errors import FiksIOError
from somevakt.archive.transports.fiksio.models import FiksIOSettings, TransportKind

# Purpose-bound: a value sealed here can never be unsealed as a platform credential, and back.
PURPOSE = b"somevakt.archive.fiksio"


@dataclass(frozen=True)
class Secrets:
    integration_password: str = ""
    certificate: bytes = b""  # PKCS#12, or PEM key and chain
    certificate_password: str = ""
    account_key: bytes = b""  # PEM; the account's own key for replies, if not the certificate's


def seal(secrets: Secrets) -> str:
    payload = {
        "integration_password": secrets.integration_password,
        "certificate": base64.b64encode(secrets.certificate).decode("ascii"),
        "certificate_password": secrets.certificate_password,
        "account_key": base64.b64encode(secrets.account_key).decode("ascii"),
    }
    return sealing.seal(sealing.key_material(django_settings), PURPOSE, json.dumps(payload).encode())


def unseal(sealed: str) -> Secrets:
    if not sealed:
        return Secrets()
    data: dict[str, Any] = json.loads(sealing.unseal(sealing.key_material(django_settings), PURPOSE, sealed))
    return Secrets(
        integration_password=data.get("integration_password", ""),
        certificate=base64.b64decode(data.get("certificate", "")),
        certificate_password=data.get("certificate_password", ""),
        account_key=base64.b64decode(data.get("account_key", "")),
    )


class NotConfigured(FiksIOError):
    """The municipality has no usable Fiks IO settings; the message names what is missing.

    `kind` (no_settings, unreadable, missing) and `missing` (the names of the settings, as in
    REQUIRED, plus integration_password and certificate) let a page say it in the reader's language."""

    def __init__(self, message: str, *, kind: str = "", missing: tuple[str, ...] = ()) -> None:
        super().__init__(message, kind)
        self.missing = missing


@dataclass(frozen=True)
class Account:
    """Everything the transport needs, unsealed."""

    integration_id: str
    account_id: str
    recipient_account_id: str
    maskinporten_client_id: str
    secrets: Secrets

    def identity(self) -> certificates.Identity:
        return certificates.load(self.secrets.certificate, self.secrets.certificate_password)

    def reply_identity(self) -> certificates.Identity:
        """The key that decrypts replies: the account's own, else the business certificate's."""
        if self.secrets.account_key:
            return certificates.load(self.secrets.account_key)
        return self.identity()


REQUIRED = {
    "integration_id": "the integration id",
    "account_id": "somevakt's Fiks IO account",
    "recipient_account_id": "the archive system's Fiks IO account",
    "maskinporten_client_id": "the Maskinporten client id",
}


def settings_of(municipality: Any) -> FiksIOSettings | None:
    return FiksIOSettings.objects.filter(municipality=municipality).first()


def uses_fiksio(municipality: Any) -> bool:
    found = settings_of(municipality)
    return found is not None and found.transport == TransportKind.FIKSIO


def account_of(municipality: Any) -> Account:
    found = settings_of(municipality)
    if found is None or found.transport != TransportKind.FIKSIO:
        raise NotConfigured(
            "the municipality does not deliver through Fiks IO (it has no Fiks IO settings)",
            kind="no_settings",
        )
    missing = [name for name in REQUIRED if not getattr(found, name)]
    try:
        secrets = unseal(found.sealed)
    except sealing.Unreadable as exc:
        raise NotConfigured(str(exc), kind="unreadable") from None
    if not secrets.integration_password:
        missing.append("integration_password")
    if not secrets.certificate:
        missing.append("certificate")
    if missing:
        labels = {
            **REQUIRED,
            "integration_password": "the integration password",
            "certificate": "the business certificate",
        }
        raise NotConfigured(
            "missing in the Fiks IO settings: " + ", ".join(labels[name] for name in missing),
            kind="missing",
            missing=tuple(missing),
        )
    return Account(
        integration_id=found.integration_id,
        account_id=found.account_id,
        recipient_account_id=found.recipient_account_id,
        maskinporten_client_id=found.maskinporten_client_id,
        secrets=secrets,
    )
