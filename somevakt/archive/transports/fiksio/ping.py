"""`somevakt archive ping` and the settings page's "Test the connection": each part of the Fiks IO
path checked in turn, one line each, saying what works and what does not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from somevakt.archive import conf
from somevakt.archive.transports.fiksio import clients as clients_module
from somevakt.archive.transports.fiksio import signature
from somevakt.archive.transports.fiksio.account import NotConfigured, settings_of
from somevakt.archive.transports.fiksio.api import ApiError
from somevakt.archive.transports.fiksio.certificates import CertificateError
from somevakt.archive.transports.fiksio.maskinporten import TokenError
from somevakt.archive.transports.fiksio.models import TransportKind
from somevakt.archive.transports.fiksio.queue import QueueError


@dataclass(frozen=True)
class Check:
    part: str  # settings, certificate, token, catalogue, queue, signatures
    ok: bool
    text: str

    def line(self) -> str:
        return f"{self.part}: {'ok' if self.ok else 'FAILED'} – {self.text}"


def ping(municipality: Any) -> list[Check]:
    """The checks in order; a part that fails stops the ones that need it."""
    found = settings_of(municipality)
    if found is None or found.transport != TransportKind.FIKSIO:
        return [
            Check(
                "settings",
                False,
                "the municipality has no Fiks IO settings; it delivers to the outbox folder",
            )
        ]
    try:
        clients_module.forget(municipality)  # a fresh token and connection, not a kept one
        clients = clients_module.clients_for(municipality)
    except NotConfigured as exc:
        return [Check("settings", False, str(exc))]
    except CertificateError as exc:
        return [
            Check("settings", True, "complete"),
            Check("certificate", False, f"the business certificate cannot be used: {exc}"),
        ]
    checks = [Check("settings", True, "complete")]
    identity = clients.identity
    problem = identity.problem()
    if problem:
        return [*checks, Check("certificate", False, f"{identity.subject}: {problem}")]
    checks.append(
        Check("certificate", True, f"{identity.subject}, valid until {identity.not_after:%Y-%m-%d}")
    )
    try:
        clients.maskinporten.token()
    except TokenError as exc:
        return [*checks, Check("token", False, str(exc))]
    checks.append(Check("token", True, "Maskinporten gave an access token"))
    account = clients.account
    try:
        recipient = clients.api.account(account.recipient_account_id)
        certificate = clients.api.public_key(account.recipient_account_id)
    except ApiError as exc:
        checks.append(
            Check("catalogue", False, f"the archive system's account {account.recipient_account_id}: {exc}")
        )
    else:
        name = recipient.get("kontoNavn") or account.recipient_account_id
        checks.append(
            Check(
                "catalogue",
                True,
                f"the archive system's account {name} has a public key valid until "
                f"{certificate.not_valid_after_utc:%Y-%m-%d}",
            )
        )
    try:
        waiting = clients.queue.count()
    except QueueError as exc:
        checks.append(Check("queue", False, str(exc)))
    else:
        checks.append(Check("queue", True, f"{clients.queue.name} answers, {waiting} replies waiting"))
    clients_module.forget(municipality)
    checks.append(_signatures())
    return checks


def _signatures() -> Check:
    """Whom the archive's replies may be signed by: without a trusted issuer no reply is used."""
    configured = conf.fiksio_trusted_cas()
    where = configured or str(signature.SYSTEM_BUNDLE)
    anchors = signature.trusted_anchors(configured)
    if not anchors:
        return Check(
            "signatures",
            False,
            f"no trusted issuers of business certificates in {where} (SOMEVAKT_FIKSIO_TRUSTED_CAS): "
            "the archive's replies would not be used",
        )
    return Check("signatures", True, f"{len(anchors)} trusted issuers of business certificates in {where}")
