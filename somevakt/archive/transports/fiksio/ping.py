"""`somevakt archive ping` and the settings page's "Test the connection": each part of the Fiks IO
path checked in turn, one line each, saying what works and what does not.

A check carries a kind and its values, not a finished sentence: the sentence is made when it is
shown, in the reader's language (the page's, or English on the command line), and the technical
part (an errno text, what Maskinporten or the broker said) is appended to it as it came.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from somevakt.archive import conf
from somevakt.archive.transports.fiksio import clients as clients_module
from somevakt.archive.transports.fiksio import signature
from somevakt.archive.transports.fiksio.account import NotConfigured, settings_of
from somevakt.archive.transports.fiksio.api import ApiError
from somevakt.archive.transports.fiksio.certificates import CertificateError
from somevakt.archive.transports.fiksio.errors import FiksIOError
from somevakt.archive.transports.fiksio.maskinporten import TokenError
from somevakt.archive.transports.fiksio.models import TransportKind
from somevakt.archive.transports.fiksio.queue import QueueError

TEXTS: dict[str, Promise] = {
    # settings
    "settings.none": _("the municipality has no Fiks IO settings; it delivers to the outbox folder"),
    "settings.unreadable": _(
        "the stored password and certificate cannot be read with the server's current key; enter them again"
    ),
    "settings.missing": _("missing in the Fiks IO settings: %(missing)s"),
    "settings.complete": pgettext_lazy("fiks io settings", "complete"),
    # certificate
    "certificate.no_certificate": _("the business certificate cannot be used: the file has no certificate"),
    "certificate.no_rsa_key": _(
        "the business certificate cannot be used: the private key is missing or is not an RSA key"
    ),
    "certificate.key_mismatch": _(
        "the business certificate cannot be used: the private key does not belong to the certificate"
    ),
    "certificate.pkcs12": _(
        "the business certificate cannot be used: the PKCS#12 file cannot be opened (wrong password, or not "
        "PKCS#12)"
    ),
    "certificate.no_pem": _("the business certificate cannot be used: no PEM certificate found"),
    "certificate.pem_key": _(
        "the business certificate cannot be used: the PEM private key cannot be read (wrong password?)"
    ),
    "certificate.other": _("the business certificate cannot be used"),
    "certificate.expired": _("%(subject)s: the certificate expired on %(date)s"),
    "certificate.not_yet": _("%(subject)s: the certificate is not valid before %(date)s"),
    "certificate.untrusted": _(
        "%(subject)s is not a business certificate from a trusted issuer (Buypass or Commfides): it does "
        "not lead to one of the issuers the server trusts"
    ),
    "certificate.ok": _("%(subject)s, issued by %(issuer)s, valid until %(date)s"),
    # token
    "token.certificate": _("Maskinporten was not asked: the business certificate is not valid now"),
    "token.unreachable": _("Maskinporten cannot be reached"),
    "token.refused": _("Maskinporten refused the token (HTTP %(status)s)"),
    "token.other": _("Maskinporten gave no access token"),
    "token.ok": _("Maskinporten gave an access token"),
    # catalogue
    "catalogue.unreachable": _("the archive system's account %(account)s: Fiks IO cannot be reached"),
    "catalogue.refused": _(
        "the archive system's account %(account)s: Fiks IO refused the integration (HTTP %(status)s); check "
        "the integration id, its password and that the account is shared with it"
    ),
    "catalogue.unknown": _("the archive system's account %(account)s: Fiks IO does not know this account"),
    "catalogue.answered": _("the archive system's account %(account)s: Fiks IO answered HTTP %(status)s"),
    "catalogue.not_json": _("the archive system's account %(account)s: Fiks IO's answer cannot be read"),
    "catalogue.not_certificate": _(
        "the archive system's account %(account)s: its public key in the catalogue is not a certificate"
    ),
    "catalogue.other": _("the archive system's account %(account)s cannot be looked up"),
    "catalogue.ok": _("the archive system's account %(name)s has a public key valid until %(date)s"),
    # queue
    "queue.login": _("the broker refused the login of integration %(integration)s"),
    "queue.unreachable": _("the Fiks IO broker cannot be reached"),
    "queue.unreadable": _("the queue %(queue)s cannot be read"),
    "queue.lost": _("the connection to the Fiks IO broker was lost"),
    "queue.other": _("the queue %(queue)s cannot be read"),
    "queue.ok": _("%(queue)s answers, %(count)s replies waiting"),
    # signatures
    "signatures.none": _(
        "no trusted issuers of business certificates in %(where)s (SOMEVAKT_FIKSIO_TRUSTED_CAS): the "
        "archive's replies would not be used"
    ),
    "signatures.ok": _("%(count)s trusted issuers of business certificates in %(where)s"),
}
ORGANISATION = _("%(name)s (organisation number %(number)s)")
# The settings a NotConfigured names as missing, as the reader calls them.
SETTINGS = {
    "integration_id": _("the integration id"),
    "account_id": _("somevakt's Fiks IO account"),
    "recipient_account_id": _("the archive system's Fiks IO account"),
    "maskinporten_client_id": _("the Maskinporten client id"),
    "integration_password": _("the integration password"),
    "certificate": _("the business certificate"),
}


@dataclass(frozen=True)
class Check:
    part: str  # settings, certificate, token, catalogue, queue, signatures
    ok: bool
    kind: str  # a key of TEXTS
    values: dict[str, Any] = field(default_factory=dict)
    detail: str = ""  # technical, as it came (an errno text, a server's words), not translated

    @property
    def text(self) -> str:
        """The sentence in the active language, the technical detail after it."""
        template = TEXTS.get(self.kind) or TEXTS[f"{self.part}.other"]
        shown = {name: _shown(value) for name, value in self.values.items()}
        sentence = str(template) % shown if shown else str(template)
        return f"{sentence}: {self.detail}" if self.detail else sentence

    def line(self) -> str:
        return f"{self.part}: {'ok' if self.ok else 'FAILED'} – {self.text}"


def _shown(value: Any) -> str:
    if isinstance(value, x509.Name):
        return named(value)
    if isinstance(value, dt.datetime):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(SETTINGS.get(item, item)) for item in value)
    return str(value)


def named(name: x509.Name) -> str:
    """A certificate's subject or issuer as a records office knows it: its common name, with the
    organisation number a Norwegian business certificate carries (SEID: serialNumber, or
    organizationIdentifier "NTRNO-<number>"); the full distinguished name when it has no CN."""
    common = [str(a.value) for a in name.get_attributes_for_oid(NameOID.COMMON_NAME)]
    if not common:
        return name.rfc4514_string()
    numbers = [str(a.value) for a in name.get_attributes_for_oid(NameOID.SERIAL_NUMBER)]
    numbers += [
        str(a.value).removeprefix("NTRNO-")
        for a in name.get_attributes_for_oid(NameOID.ORGANIZATION_IDENTIFIER)
    ]
    number = next((n for n in numbers if n.isdigit() and len(n) == 9), "")
    if not number:
        return common[0]
    return str(ORGANISATION) % {"name": common[0], "number": number}


def _kind(part: str, exc: FiksIOError) -> str:
    kind = f"{part}.{exc.kind or 'other'}"
    return kind if kind in TEXTS else f"{part}.other"


def _detail(exc: FiksIOError, kind: str) -> str:
    """The technical part worth appending: what the exception carries, or, for an error without
    a known kind, its whole message (better English than nothing)."""
    if kind.endswith(".other"):
        return str(exc)
    return exc.detail


def ping(municipality: Any) -> list[Check]:
    """The checks in order; a part that fails stops the ones that need it. The trusted issuers
    need nothing else, so they are always the last line once there are settings."""
    found = settings_of(municipality)
    if found is None or found.transport != TransportKind.FIKSIO:
        return [Check("settings", False, "settings.none")]
    try:
        return [*_path(municipality), _signatures()]
    finally:
        clients_module.forget(municipality)


def _path(municipality: Any) -> list[Check]:
    try:
        clients_module.forget(municipality)  # a fresh token and connection, not a kept one
        clients = clients_module.clients_for(municipality)
    except NotConfigured as exc:
        kind = _kind("settings", exc)
        if kind == "settings.missing":
            return [Check("settings", False, kind, {"missing": exc.missing})]
        return [Check("settings", False, kind, detail=_detail(exc, kind))]
    except CertificateError as exc:
        kind = _kind("certificate", exc)
        return [
            Check("settings", True, "settings.complete"),
            Check("certificate", False, kind, detail=_detail(exc, kind)),
        ]
    checks = [Check("settings", True, "settings.complete")]
    identity = clients.identity
    subject = identity.certificate.subject
    invalid = identity.validity()
    if invalid:
        kind, when = invalid
        return [
            *checks,
            Check("certificate", False, f"certificate.{kind}", {"subject": subject, "date": when}),
        ]
    anchors = signature.trusted_anchors(conf.fiksio_trusted_cas())
    if signature.untrusted(identity.certificate, identity.chain, anchors):
        # Maskinporten would refuse it too, but say why here rather than leave it to an HTTP 400.
        return [*checks, Check("certificate", False, "certificate.untrusted", {"subject": subject})]
    issuer = identity.certificate.issuer
    checks.append(
        Check(
            "certificate",
            True,
            "certificate.ok",
            {"subject": subject, "issuer": issuer, "date": identity.not_after},
        )
    )
    try:
        clients.maskinporten.token()
    except TokenError as exc:
        kind = _kind("token", exc)
        values = {"status": exc.status} if kind == "token.refused" else {}
        return [*checks, Check("token", False, kind, values, _detail(exc, kind))]
    checks.append(Check("token", True, "token.ok"))
    account = clients.account
    try:
        recipient = clients.api.account(account.recipient_account_id)
        certificate = clients.api.public_key(account.recipient_account_id)
    except ApiError as exc:
        kind = _kind("catalogue", exc)
        values = {"account": account.recipient_account_id, "status": exc.status or ""}
        checks.append(Check("catalogue", False, kind, values, _detail(exc, kind)))
    else:
        name = recipient.get("kontoNavn") or account.recipient_account_id
        checks.append(
            Check("catalogue", True, "catalogue.ok", {"name": name, "date": certificate.not_valid_after_utc})
        )
    queue = clients.queue
    try:
        waiting = queue.count()
    except QueueError as exc:
        kind = _kind("queue", exc)
        values = {"queue": queue.name, "integration": account.integration_id}
        checks.append(Check("queue", False, kind, values, _detail(exc, kind)))
    else:
        checks.append(Check("queue", True, "queue.ok", {"queue": queue.name, "count": waiting}))
    return checks


def _signatures() -> Check:
    """Whom the archive's replies may be signed by: without a trusted issuer no reply is used."""
    configured = conf.fiksio_trusted_cas()
    where = configured or str(signature.SYSTEM_BUNDLE)
    anchors = signature.trusted_anchors(configured)
    if not anchors:
        return Check("signatures", False, "signatures.none", {"where": where})
    return Check("signatures", True, "signatures.ok", {"count": len(anchors), "where": where})
