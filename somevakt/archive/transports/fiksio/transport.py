"""The archive's `Transport` over Fiks IO: send a Fiks Arkiv message, read its stored receipt.

Sending: the `arkivmelding.xml` and its documents are packed as a signed ASiC-E container,
encrypted for the archive system's account (its certificate from the catalogue), and sent as
`no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett` with a lifetime. The message is recorded
(`FiksIOMessage`) under the entry's message id before it is sent, with the `klientMeldingId`
that every attempt repeats, and Fiks IO's `meldingId` after; a message that has one is not sent
again. Receipts arrive on the queue (`receiving`); `receipt()` reads what was stored.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from somevakt.archive.formats.arkivmelding import FILE_NAME
from somevakt.archive.formats.outbox import OutgoingMessage, Receipt, Transport, TransportError
from somevakt.archive.transports.fiksio import asice, crypto
from somevakt.archive.transports.fiksio.account import NotConfigured
from somevakt.archive.transports.fiksio.api import ApiError
from somevakt.archive.transports.fiksio.certificates import CertificateError
from somevakt.archive.transports.fiksio.clients import clients_for
from somevakt.archive.transports.fiksio.maskinporten import TokenError
from somevakt.archive.transports.fiksio.messages import DECISIVE, receipt_of
from somevakt.archive.transports.fiksio.models import FiksIOMessage

# How long Fiks IO keeps an unread message before it tells us it expired (tidsavbrudd).
LIFETIME_MS = 7 * 24 * 3600 * 1000


class FiksIOTransport(Transport):
    name = "fiksio"

    def __init__(self, municipality: Any) -> None:
        self.municipality = municipality

    def _record(self, message_id: str) -> FiksIOMessage:
        try:
            with transaction.atomic():
                found, _ = FiksIOMessage.objects.get_or_create(
                    municipality=self.municipality,
                    message_id=message_id,
                    defaults={"client_message_id": uuid.uuid4()},
                )
        except IntegrityError:  # another process recorded it at the same moment
            found = FiksIOMessage.objects.get(municipality=self.municipality, message_id=message_id)
        return found

    def send(self, message: OutgoingMessage) -> None:
        record = self._record(message.message_id)
        if record.fiks_message_id:
            return  # handed over already; Fiks IO gave it an id
        try:
            clients = clients_for(self.municipality)
            account = clients.account
            files = [(FILE_NAME, message.arkivmelding), *((f.name, f.content) for f in message.files)]
            container = asice.build(files, clients.identity)
            recipient = clients.recipient_certificate()
            sent = clients.api.send(
                sender=account.account_id,
                recipient=account.recipient_account_id,
                message_type=message.message_type,
                payload=crypto.encrypt(container, recipient),
                ttl_ms=LIFETIME_MS,
                client_message_id=record.client_message_id,
            )
        except NotConfigured as exc:
            raise TransportError(f"Fiks IO: {exc}", permanent=False) from exc
        except CertificateError as exc:
            raise TransportError(f"Fiks IO: the business certificate: {exc}", permanent=False) from exc
        except (ApiError, TokenError) as exc:
            # A refused login or an unknown account is fixed in the settings, not by the message:
            # the entry waits and is sent again once the settings are right.
            permanent = isinstance(exc, ApiError) and exc.permanent and exc.status is None
            raise TransportError(f"Fiks IO: {exc}", permanent=permanent) from exc
        FiksIOMessage.objects.filter(pk=record.pk).update(
            fiks_message_id=sent.message_id, sent_at=timezone.now()
        )

    def receipt(self, message_id: str) -> Receipt | None:
        record = FiksIOMessage.objects.filter(municipality=self.municipality, message_id=message_id).first()
        if record is None or not record.fiks_message_id:
            return None
        reply = (
            record.replies.filter(message_type__in=DECISIVE, problem="").order_by("arrived_at", "id").first()
        )
        if reply is None:
            return None
        return receipt_of(message_id, reply.message_type, reply.content.encode())
