"""Replies from the archive system, taken from the account's queue and stored on the entries.

Each reply is stored (`FiksIOReply`, unique by its Fiks IO `melding-id`) before the queue is told
it was received, so a reply delivered twice is taken once and a reply is never lost. `mottatt`
marks the message received; a `kvittering` or an error message settles the entry through the
archive's own receipt step (`services.read_receipt`), which keeps the case and registry entry
numbers or the archive's error, and retries where the archive says a retry may help. A reply that
cannot be used (not decryptable, not a receipt, an answer to a message somevakt never sent) is
kept with the reason, and the entry it names shows it.

A reply that carries a document is used only when Fiks IO says it came from the archive system's
account and its container's signature verifies (`signature`); one that does not is kept with the
reason (`signature.<code>: ...`), never settles the entry, and the entry shows it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from somevakt.archive import conf
from somevakt.archive.formats.outbox import TransportError
from somevakt.archive.models import DeliveryState, JournalEntry
from somevakt.archive.services import read_receipt
from somevakt.archive.transports.fiksio import asice, crypto, signature
from somevakt.archive.transports.fiksio.account import NotConfigured
from somevakt.archive.transports.fiksio.api import ApiError
from somevakt.archive.transports.fiksio.certificates import CertificateError, Identity
from somevakt.archive.transports.fiksio.clients import clients_for, forget
from somevakt.archive.transports.fiksio.maskinporten import TokenError
from somevakt.archive.transports.fiksio.messages import (
    DECISIVE,
    FIKS_ERRORS,
    KNOWN,
    MOTTATT,
    WITH_PAYLOAD,
    receipt_of,
    validate,
)
from somevakt.archive.transports.fiksio.models import (
    FiksIOMessage,
    FiksIOReply,
    FiksIOSettings,
    TransportKind,
)
from somevakt.archive.transports.fiksio.queue import Delivery, QueueError
from somevakt.archive.transports.fiksio.transport import FiksIOTransport

log = logging.getLogger(__name__)

# After a failed round the account waits 5 s, then twice as long each time, at most 5 minutes.
BACKOFF_FIRST = 5.0
BACKOFF_MAX = 300.0
_backoff: dict[int, tuple[float, float]] = {}  # municipality pk -> (pause, not before)


Fetch = Callable[[str], bytes]


def _no_fetch(document_id: str) -> bytes:
    raise ValueError(f"the reply is kept in Fiks Dokumentlager ({document_id}) and cannot be fetched here")


def _payload(delivery: Delivery, identity: Identity, fetch: Fetch) -> str:
    """The reply's XML, decrypted, taken out of its container and its signature checked; raises
    ValueError (signature.SignatureError for the signature) saying why."""
    body = fetch(delivery.document_store_id) if delivery.document_store_id else delivery.body
    plain = crypto.decrypt(body, identity.certificate, identity.key)
    container = asice.open_container(plain)
    signature.verify(
        container.manifest, container.signature, signature.trusted_anchors(conf.fiksio_trusted_cas())
    )
    documents = [name for name in container.files if name.lower().endswith(".xml")]
    if len(documents) != 1:
        raise ValueError(f"the reply should hold one XML document, it holds {len(documents)}")
    content = container.files[documents[0]]
    schema_dir = conf.fiks_arkiv_schema_dir()
    if schema_dir is not None:
        validate(delivery.message_type, content, schema_dir)
    receipt_of("check", delivery.message_type, content)  # raises TransportError when unreadable
    return content.decode("utf-8")


def store(
    municipality: Any,
    delivery: Delivery,
    identity: Identity,
    *,
    archive_account: str = "",
    fetch: Fetch = _no_fetch,
) -> FiksIOReply | None:
    """Store one reply and apply it; None when it was stored before (a duplicate).

    `archive_account` is the archive system's Fiks IO account: a reply of the archive's own types
    from another account is kept with that problem. `fetch` reads a payload kept in Fiks
    Dokumentlager; when it fails for a while (ApiError, not permanent) the reply stays on the queue.
    """
    if not delivery.message_id or FiksIOReply.objects.filter(fiks_message_id=delivery.message_id).exists():
        return None
    message = None
    if delivery.reply_to:
        message = FiksIOMessage.objects.filter(
            municipality=municipality, fiks_message_id=delivery.reply_to
        ).first()
    content, problem = "", ""
    if delivery.message_type not in KNOWN:
        problem = f"a message of a type somevakt does not expect ({delivery.message_type or 'no type'})"
    elif message is None:
        problem = f"an answer to a message somevakt did not send ({delivery.reply_to or 'no svar-til'})"
    elif archive_account and delivery.message_type not in FIKS_ERRORS and delivery.sender != archive_account:
        problem = str(
            signature.SignatureError(
                signature.SENDER,
                f"Fiks IO says it came from {delivery.sender or 'no account'}, not the archive system's "
                f"account {archive_account}",
            )
        )
    elif delivery.message_type in WITH_PAYLOAD:
        try:
            content = _payload(delivery, identity, fetch)
        except signature.SignatureError as exc:
            problem = str(exc)
        except ApiError as exc:
            if not exc.permanent:
                raise  # Dokumentlager is away for now: the reply stays on the queue
            problem = f"the reply cannot be read: {exc}"
        except (ValueError, TransportError) as exc:
            problem = f"the reply cannot be read: {exc}"
    try:
        with transaction.atomic():
            reply = FiksIOReply.objects.create(
                municipality=municipality,
                fiks_message_id=delivery.message_id,
                message_type=delivery.message_type,
                reply_to=delivery.reply_to,
                message=message,
                content=content,
                problem=problem,
            )
            if (
                message is not None
                and not problem  # a "mottatt" from another account says nothing about ours
                and delivery.message_type == MOTTATT
                and message.received_at is None
            ):
                FiksIOMessage.objects.filter(pk=message.pk).update(received_at=timezone.now())
    except IntegrityError:
        return None  # stored by another worker meanwhile
    if message is not None:
        _apply(municipality, message, reply)
    elif problem:
        log.warning("archive %s: Fiks IO reply %s: %s", municipality.slug, delivery.message_id, problem)
    return reply


def _apply(municipality: Any, message: FiksIOMessage, reply: FiksIOReply) -> None:
    entry = JournalEntry.objects.filter(municipality=municipality, message_id=message.message_id).first()
    if entry is None:
        return
    if reply.problem:
        JournalEntry.objects.filter(pk=entry.pk).update(
            last_error=f"Fiks IO: svaret {reply.message_type} fra arkivet kunne ikke brukes: {reply.problem}"[
                :2000
            ]
        )
    elif reply.message_type in DECISIVE and entry.state == DeliveryState.SENT:
        read_receipt(entry, FiksIOTransport(municipality))


def receive(municipality: Any, limit: int = 100) -> int:
    """Take what waits on the municipality's queue; returns how many replies were handled."""
    clients = clients_for(municipality)
    identity = clients.account.reply_identity()
    archive_account = clients.account.recipient_account_id

    def handle(delivery: Delivery) -> None:
        store(municipality, delivery, identity, archive_account=archive_account, fetch=clients.api.download)

    return clients.queue.drain(handle, limit=limit)


def receive_all(now: float | None = None) -> int:
    """One round over every municipality that delivers through Fiks IO (the worker's job)."""
    total = 0
    for found in FiksIOSettings.objects.filter(transport=TransportKind.FIKSIO).select_related("municipality"):
        municipality = found.municipality
        clock = time.monotonic() if now is None else now
        pause, not_before = _backoff.get(municipality.pk, (0.0, 0.0))
        if clock < not_before:
            continue
        try:
            total += receive(municipality)
        except (QueueError, NotConfigured, CertificateError, TokenError) as exc:
            pause = min(BACKOFF_MAX, pause * 2 if pause else BACKOFF_FIRST)
            _backoff[municipality.pk] = (pause, clock + pause)
            log.warning("archive %s: Fiks IO replies: %s (next try in %.0f s)", municipality.slug, exc, pause)
            forget(municipality)
            continue
        _backoff.pop(municipality.pk, None)
    return total
