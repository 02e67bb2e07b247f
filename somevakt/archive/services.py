"""What happens to a journal entry: capture, metadata and screening decisions, delivery, receipts.

States: pending -> captured -> sent -> acknowledged, or failed. A capture that fails leaves
the entry pending with the error; a delivery the transport could not make now stays captured
and is tried again after a growing pause; a failure the archive reports makes the entry failed
(retried by the worker when the archive says a retry may help, otherwise after the records
office has looked at it). Changing metadata before delivery discards the capture, so the
document and the message always show the metadata the archive receives.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from somevakt.archive import conf
from somevakt.archive.entry_record import record_for, take_snapshot
from somevakt.archive.exposure import Exposed, exposed, kinds_note
from somevakt.archive.formats.capture import CaptureError, capture
from somevakt.archive.formats.outbox import OutboxTransport, OutgoingMessage, Transport, TransportError
from somevakt.archive.formats.records import CaseReference, RecordError
from somevakt.archive.hold import Planner
from somevakt.archive.journal import sweep
from somevakt.archive.models import DeliveryState, JournalChange, JournalEntry
from somevakt.archive.transports.fiksio.account import uses_fiksio
from somevakt.archive.transports.fiksio.transport import FiksIOTransport
from somevakt.inbox.events import record

log = logging.getLogger(__name__)


class EntryLocked(Exception):
    """The entry was already handed to the archive; its metadata can no longer change."""


class InvalidMetadata(ValueError):
    """A metadata value the archive cannot take; the message is one line for people."""


def transport_for(outbox: Any = None, municipality: Any = None) -> Transport:
    """The municipality's transport as chosen on its settings page (Fiks IO or the outbox);
    an outbox folder given explicitly (`archive deliver --outbox`) wins."""
    if outbox is None and municipality is not None and uses_fiksio(municipality):
        return FiksIOTransport(municipality)
    return OutboxTransport(outbox or conf.outbox_dir())


def message_id_for(entry: JournalEntry) -> str:
    return entry.record_id if entry.round == 1 else f"{entry.record_id}-{entry.round}"


def _entries() -> Any:
    return JournalEntry.objects.select_related(
        "municipality", "item__account", "item__status", "source_event__actor"
    )


# --- capture -----------------------------------------------------------------------------


# How long a process may take to capture one entry before another may take it over.
CAPTURE_CLAIM = dt.timedelta(minutes=10)


def claim_capture(entry: JournalEntry) -> bool:
    """Claim the pending entry for this process's capture: one conditional UPDATE, so the worker and
    `archive deliver` never render the same entry at once."""
    moment = timezone.now()
    return bool(
        JournalEntry.objects.filter(pk=entry.pk, state=DeliveryState.PENDING)
        .filter(Q(capturing_until__isnull=True) | Q(capturing_until__lt=moment))
        .update(capturing_until=moment + CAPTURE_CLAIM)
    )


def capture_entry(entry: JournalEntry, now: dt.datetime | None = None) -> bool:
    """Capture a pending entry; True when it was captured, False when it failed (error kept) or
    another process is capturing it."""
    if entry.state != DeliveryState.PENDING:
        return entry.state != DeliveryState.FAILED
    if not claim_capture(entry):
        return False
    try:
        return _capture_claimed(entry, now)
    finally:
        JournalEntry.objects.filter(pk=entry.pk).update(capturing_until=None)


def _capture_claimed(entry: JournalEntry, now: dt.datetime | None) -> bool:
    when = now or timezone.now()
    try:
        snapshot = take_snapshot(entry)
        document = capture(record_for(entry, with_document=False, snapshot=snapshot), generated_at=when)
    except (RecordError, CaptureError) as exc:
        _capture_failed(entry, str(exc))
        return False
    except Exception as exc:  # an unexpected failure must not stop the other entries
        log.exception("archive: capturing entry %s failed", entry.pk)
        _capture_failed(entry, f"{type(exc).__name__}: {exc}")
        return False
    with transaction.atomic():
        current = JournalEntry.objects.select_for_update().get(pk=entry.pk)
        if current.state != DeliveryState.PENDING or current.changes.count() != entry.changes.count():
            return False  # changed meanwhile; the next run captures the new metadata
        content = document.read()
        JournalEntry.objects.filter(pk=entry.pk).update(
            snapshot=snapshot,
            capture_pdf=content,
            capture_sha256=document.sha256,
            capture_size=document.size,
            captured_at=when,
            state=DeliveryState.CAPTURED,
            last_error="",
        )
    entry.refresh_from_db()
    return True


def _capture_failed(entry: JournalEntry, error: str) -> None:
    JournalEntry.objects.filter(pk=entry.pk, state=DeliveryState.PENDING).update(last_error=error[:2000])
    entry.last_error = error[:2000]


# --- metadata and screening ----------------------------------------------------------------


def _discard_capture(entry: JournalEntry) -> None:
    """After a change: capture again, and never reuse a message id that may have been used."""
    if entry.message_id:
        entry.round += 1
        entry.message_id = ""
    entry.state = DeliveryState.PENDING
    entry.snapshot = {}
    entry.capture_pdf = None
    entry.capture_sha256 = ""
    entry.capture_size = None
    entry.captured_at = None
    entry.next_attempt_at = None
    entry.last_error = ""


METADATA_FIELDS = {
    "title": "tittel",
    "public_title": "offentligTittel",
    "case_reference": "saksnummer",
    "classification": "klasse",
    "counterpart_name": "korrespondansepartNavn",
}


def update_metadata(entry: JournalEntry, person: Any, **values: str) -> list[str]:
    """Change title, public title, case number, classification or the correspondent's name;
    returns the changed fields."""
    unknown = set(values) - set(METADATA_FIELDS)
    if unknown:
        raise ValueError(f"unknown metadata: {', '.join(sorted(unknown))}")
    cleaned = {name: (value or "").strip() for name, value in values.items()}
    if "title" in cleaned and not cleaned["title"]:
        raise InvalidMetadata("a journal entry needs a title")
    if cleaned.get("case_reference"):
        try:
            cleaned["case_reference"] = str(CaseReference.parse(cleaned["case_reference"]))
        except RecordError as exc:
            raise InvalidMetadata(str(exc)) from None
    with transaction.atomic():
        locked = JournalEntry.objects.select_for_update().get(pk=entry.pk)
        if not locked.editable:
            raise EntryLocked("the entry has been handed to the archive; change it in the archive system")
        changed = [name for name, value in cleaned.items() if getattr(locked, name) != value]
        for name in changed:
            JournalChange.objects.create(
                entry=locked,
                field=METADATA_FIELDS[name],
                old=getattr(locked, name),
                new=cleaned[name],
                by=person,
            )
            setattr(locked, name, cleaned[name])
        if changed:
            _discard_capture(locked)
            locked.save()
    entry.refresh_from_db()
    return changed


def screening_text(screened: bool, basis: str) -> str:
    return f"Skjermet – {basis}" if screened else "Ikke skjermet"


class ConfirmationNeeded(Exception):
    """Un-screening would make personal data public; the records office must confirm it first."""

    def __init__(self, found: list[Exposed]) -> None:
        super().__init__("un-screening makes personal data public: " + kinds_note(found))
        self.found = found


def decide_screening(
    entry: JournalEntry, person: Any, screened: bool, basis: str = "", *, confirmed: bool = False
) -> bool:
    """The records office's decision on screening; a screened entry needs its legal basis.

    Deciding that an entry is not screened when its texts hold personal data raises
    `ConfirmationNeeded` naming the kinds, unless `confirmed`; the change log keeps what was
    confirmed.
    """
    basis = basis.strip() if screened else ""
    if screened and not basis:
        raise InvalidMetadata("a screened entry needs its legal basis (skjermingshjemmel)")
    with transaction.atomic():
        locked = JournalEntry.objects.select_for_update().get(pk=entry.pk)
        if not locked.editable:
            raise EntryLocked("the entry has been handed to the archive; change it in the archive system")
        before = screening_text(locked.screened, locked.effective_basis)
        after = screening_text(screened, basis)
        if locked.skjermet is not None and before == after:
            return False
        note = ""
        if not screened:
            found = exposed(entry)
            if found and not confirmed:
                raise ConfirmationNeeded(found)
            note = kinds_note(found) if found else ""
        locked.skjermet = screened
        locked.screening_basis = basis
        locked.screening_decided_by = person
        locked.screening_decided_at = timezone.now()
        JournalChange.objects.create(
            entry=locked, field="skjerming", old=before, new=after, by=person, note=note
        )
        if before != after:
            _discard_capture(locked)
        locked.save()
    entry.refresh_from_db()
    return True


def send_again(entry: JournalEntry) -> None:
    """A failed delivery, sent again as a new message (the records office's button)."""
    with transaction.atomic():
        locked = JournalEntry.objects.select_for_update().get(pk=entry.pk)
        if locked.state != DeliveryState.FAILED:
            return
        _requeue(locked)
        locked.save()
    entry.refresh_from_db()


def _requeue(entry: JournalEntry) -> None:
    entry.round += 1
    entry.message_id = ""
    entry.next_attempt_at = None
    entry.state = DeliveryState.CAPTURED if entry.capture_pdf is not None else DeliveryState.PENDING


# --- delivery ----------------------------------------------------------------------------


def deliver_entry(entry: JournalEntry, transport: Transport, now: dt.datetime | None = None) -> bool:
    """Hand a captured entry to the archive; True when it was handed over."""
    if entry.state != DeliveryState.CAPTURED:
        return False
    now = now or timezone.now()
    try:
        message = OutgoingMessage.for_record(record_for(entry), message_id_for(entry))
    except (RecordError, TransportError, ValueError) as exc:
        _delivery_failed(entry, str(exc), permanent=True, now=now)
        return False
    # The id is stored before sending, so an interrupted delivery is resumed under the same id.
    if entry.message_id != message.message_id:
        entry.message_id = message.message_id
        JournalEntry.objects.filter(pk=entry.pk).update(message_id=message.message_id)
    try:
        transport.send(message)
    except TransportError as exc:
        _delivery_failed(entry, str(exc), permanent=exc.permanent, now=now)
        return False
    entry.state = DeliveryState.SENT
    entry.sent_at = now
    entry.attempts += 1
    entry.last_error = ""
    entry.next_attempt_at = None
    entry.save(update_fields=["state", "sent_at", "attempts", "last_error", "next_attempt_at", "message_id"])
    return True


def _delivery_failed(entry: JournalEntry, error: str, *, permanent: bool, now: dt.datetime) -> None:
    entry.attempts += 1
    entry.last_error = error[:2000]
    if permanent:
        entry.state = DeliveryState.FAILED
        entry.next_attempt_at = None
    else:
        entry.next_attempt_at = now + conf.retry_delay(entry.attempts)
    entry.save(update_fields=["attempts", "last_error", "state", "next_attempt_at", "message_id"])
    log.warning(
        "archive: delivering %s failed (%s): %s",
        entry.record_id,
        "permanent" if permanent else "retry",
        error,
    )


def read_receipt(entry: JournalEntry, transport: Transport, now: dt.datetime | None = None) -> str | None:
    """Read the archive's receipt of a sent entry; returns the new state, or None if none yet."""
    if entry.state != DeliveryState.SENT or not entry.message_id:
        return None
    now = now or timezone.now()
    try:
        receipt = transport.receipt(entry.message_id)
    except TransportError as exc:
        JournalEntry.objects.filter(pk=entry.pk).update(last_error=str(exc)[:2000])
        return None
    if receipt is None:
        return None
    data = {
        "message_id": receipt.message_id,
        "outcome": receipt.outcome,
        "created": receipt.created,
        "system_id": receipt.system_id,
        "journal_year": receipt.journal_year,
        "journal_sequence": receipt.journal_sequence,
        "case_year": receipt.case_year,
        "case_sequence": receipt.case_sequence,
        "error_id": receipt.error_id,
        "error": receipt.error,
        "permanent": receipt.permanent,
        "read_at": now.isoformat(),
    }
    with transaction.atomic():
        entry.receipt = data
        if receipt.outcome == "ok":
            entry.state = DeliveryState.ACKNOWLEDGED
            entry.acknowledged_at = now
            entry.last_error = ""
        else:
            entry.state = DeliveryState.FAILED
            entry.last_error = (receipt.error or receipt.error_id or "the archive refused the message")[:2000]
            entry.next_attempt_at = None if receipt.permanent else now + conf.retry_delay(entry.attempts)
        entry.save(update_fields=["receipt", "state", "acknowledged_at", "last_error", "next_attempt_at"])
        if entry.state == DeliveryState.ACKNOWLEDGED:
            _mark_item_archived(entry)
    return entry.state


def _mark_item_archived(entry: JournalEntry) -> None:
    """Tell the inbox (an `archived` event) once every entry of the item is registered."""
    if entry.item_id is None:
        return  # a handed-in document: nothing in the inbox waits for it
    waiting = JournalEntry.objects.filter(item_id=entry.item_id).exclude(state=DeliveryState.ACKNOWLEDGED)
    if waiting.exists():
        return
    receipt = entry.receipt or {}
    record(
        entry.item,
        "archived",
        actor_label="archive",
        payload={
            "entry": entry.pk,
            "message_id": entry.message_id,
            "journal": f"{receipt.get('journal_year')}/{receipt.get('journal_sequence')}",
        },
    )


# --- everything pending ------------------------------------------------------------------


@dataclass
class DeliverySummary:
    journaled: int = 0
    captured: int = 0
    sent: int = 0
    acknowledged: int = 0
    retried: int = 0
    capture_errors: list[tuple[str, str]] = field(default_factory=list)
    delivery_errors: list[tuple[str, str]] = field(default_factory=list)
    archive_failures: list[tuple[str, str]] = field(default_factory=list)
    waiting_for_receipt: int = 0
    # Captured, waiting for the records office's screening decision (or its working hours).
    held: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.capture_errors or self.delivery_errors or self.archive_failures)

    def lines(self) -> list[str]:
        lines = [
            f"journaled {self.journaled}, captured {self.captured}, sent {self.sent}, "
            f"registered by the archive {self.acknowledged}, sent again {self.retried}, "
            f"waiting for a receipt {self.waiting_for_receipt}, "
            f"waiting for the records office's decision {self.held}"
        ]
        for label, errors in (
            ("capture failed", self.capture_errors),
            ("delivery failed", self.delivery_errors),
            ("the archive refused", self.archive_failures),
        ):
            lines.extend(f"{label}: {record_id}: {error}" for record_id, error in errors)
        return lines


def deliver_pending(
    municipality: Any,
    transport: Transport | None = None,
    *,
    now: dt.datetime | None = None,
    force: bool = False,
) -> DeliverySummary:
    """Journal what is missing, read receipts, then capture and deliver everything pending.

    `force` ignores the pauses between retries (the `archive deliver` command); the worker
    waits them out. Neither delivers an entry the records office has not decided on before
    the municipality's setting lets it go (`hold.Planner`); it is captured and waits.
    """
    transport = transport or transport_for(municipality=municipality)
    now = now or timezone.now()
    planner = Planner(municipality)
    summary = DeliverySummary(journaled=sweep(municipality))
    entries = _entries().filter(municipality=municipality)

    for entry in entries.filter(state=DeliveryState.SENT).defer("capture_pdf"):
        state = read_receipt(entry, transport, now)
        if state == DeliveryState.ACKNOWLEDGED:
            summary.acknowledged += 1
        elif state == DeliveryState.FAILED:
            summary.archive_failures.append((entry.record_id, entry.last_error))

    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    retryable = entries.filter(state=DeliveryState.FAILED, receipt__permanent=False)
    for entry in retryable if force else retryable.filter(due):
        send_again(entry)
        summary.retried += 1

    for entry in entries.filter(state=DeliveryState.PENDING).order_by("id"):
        if capture_entry(entry, now):
            summary.captured += 1
        elif entry.last_error:  # not when another process is capturing it right now
            summary.capture_errors.append((entry.record_id, entry.last_error))

    captured = entries.filter(state=DeliveryState.CAPTURED).order_by("id")
    for entry in captured if force else captured.filter(due):
        if planner.held(entry, now):
            summary.held += 1
            continue
        if deliver_entry(entry, transport, now):
            summary.sent += 1
        else:
            summary.delivery_errors.append((entry.record_id, entry.last_error))
    summary.waiting_for_receipt = entries.filter(state=DeliveryState.SENT).count()
    return summary
