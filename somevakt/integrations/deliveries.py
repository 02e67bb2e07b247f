"""Durable ingest: a delivery is stored byte for byte first, then processed by the worker.

Processing parses the stored body, maps each comment's page / account id to Account rows and
hands every comment to the inbox (`inbox.ingest.receive`), all in one transaction with the
delivery's status. A crash before that commit leaves the delivery `stored`, and the worker's
sweep processes it again; the inbox is idempotent per (account, platform id), so nothing is
counted twice. A body that cannot be read is kept as `rejected` and raised as an alert.

The worker's ingest loop (`drain`) takes every fresh stored delivery at once, up to a
batch, processes them in one transaction with a few queries (all their comments handed to
the inbox at once, `inbox.ingest.receive_many`) and triages their new items in one batch
(`inbox.triage.triage_many`). If the batch fails, its deliveries are processed one at a
time, each in its own transaction, so one bad delivery keeps the others; one that still
fails is left to the sweep (`sweep_stored`), which also takes what a killed worker left.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from somevakt.inbox.ports import InboundComment
from somevakt.integrations.meta_payload import MalformedDelivery
from somevakt.integrations.registry import adapter_for
from somevakt.registry.models import (
    Account,
    AccountAlert,
    AccountState,
    AlertKind,
    Delivery,
    DeliveryStatus,
    RejectedSignatures,
)

log = logging.getLogger(__name__)

META_OBJECTS = {"page": "facebook", "instagram": "instagram"}
# Comments still arrive for an account that is closed for the holidays; not for one never opened.
RECEIVING_STATES = (AccountState.ACTIVE, AccountState.CLOSED_TEMPORARILY, AccountState.APPROVED)
MAX_ATTEMPTS = 5
HEARD_GRANULARITY = timedelta(minutes=1)
# Deliveries the ingest loop takes at once (a Meta delivery usually carries one comment).
BATCH_SIZE = 100


def read_json(body: bytes) -> tuple[Any, str]:
    """The decoded body, or None and why it cannot be read."""
    try:
        return json.loads(body), ""
    except UnicodeDecodeError:
        return None, "the body is not UTF-8"
    except json.JSONDecodeError as exc:
        return None, f"the body is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"


def store_meta_delivery(body: bytes) -> Delivery:
    """Store a signed Meta delivery: one INSERT, committed before Meta gets its answer.

    The body is only checked for being JSON here (in memory, before the one write), so a
    malformed delivery is stored as rejected at once. A stored delivery needs no task: the
    worker's ingest loop takes every fresh one (`drain`), and its sweep what is left over.
    A task per delivery cost the request two more round trips and the worker's task loop a
    task it mostly found done, more slowly than they arrived at 200 a second.
    """
    payload, error = read_json(body)
    if error == "" and not isinstance(payload, dict):
        error = "the body is JSON but not an object"
    if not error:
        return Delivery.objects.create(
            source="meta", body=body, signature_ok=True, status=DeliveryStatus.STORED
        )
    with transaction.atomic():
        delivery = Delivery.objects.create(
            source="meta", body=body, signature_ok=True, status=DeliveryStatus.REJECTED, error=error
        )
        raise_rejected_alert(delivery)
    return delivery


def count_rejected_signature(source: str) -> None:
    now = timezone.now()
    day = timezone.localdate(now)
    updated = RejectedSignatures.objects.filter(source=source, day=day).update(
        count=F("count") + 1, last_at=now
    )
    if not updated:
        _counter, created = RejectedSignatures.objects.get_or_create(
            source=source, day=day, defaults={"count": 1, "last_at": now}
        )
        if not created:
            RejectedSignatures.objects.filter(pk=_counter.pk).update(count=F("count") + 1, last_at=now)


def parse_meta(payload: Any) -> list[InboundComment]:
    if not isinstance(payload, dict):
        raise MalformedDelivery("the body is JSON but not an object")
    platform = META_OBJECTS.get(payload.get("object", ""))
    if platform is None:
        if not isinstance(payload.get("entry"), list):
            raise MalformedDelivery("expected an object with 'object' and an 'entry' list")
        return []  # another Meta object (user, permissions): nothing for the inbox
    return adapter_for(platform, "").parse(payload)


def accounts_for(platform: str, external_id: str) -> list[Account]:
    return list(
        Account.objects.filter(platform=platform, external_id=external_id, state__in=RECEIVING_STATES)
    )


def process_delivery(delivery_id: int) -> str:
    """Process one stored delivery; returns its status. Safe to call twice (the sweep's way).

    The new items are triaged here, right after the commit. If triage fails or the worker
    dies first, the inbox's triage sweep does it later.
    """
    # Counted in its own commit, so attempts that crash are counted too (see sweep_stored).
    if not Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.STORED).update(
        attempts=F("attempts") + 1
    ):
        return Delivery.objects.filter(pk=delivery_id).values_list("status", flat=True).first() or "missing"
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.STORED:
            return delivery.status if delivery else "missing"
        status, items = _process_locked(delivery)
    triage_now(items)
    return status


def drain(limit: int = BATCH_SIZE) -> int:
    """Process up to `limit` fresh stored deliveries in one batch; returns how many were taken.

    Only deliveries never tried before are taken (skipping those another worker holds): one
    that failed is left to its task and the sweep, so a bad delivery cannot keep the loop busy.
    """
    fresh = list(
        Delivery.objects.filter(status=DeliveryStatus.STORED, attempts=0)
        .order_by("received_at")
        .values_list("pk", flat=True)[:limit]
    )
    if not fresh:
        return 0
    Delivery.objects.filter(pk__in=fresh, status=DeliveryStatus.STORED).update(attempts=F("attempts") + 1)
    items: list[Any] = []
    try:
        with transaction.atomic():
            locked = (
                Delivery.objects.select_for_update(skip_locked=True)
                .filter(pk__in=fresh, status=DeliveryStatus.STORED)
                .order_by("received_at")
            )
            items = _process_batch(list(locked))
    except Exception:
        # The batch is rolled back whole; one at a time, each in its own transaction, the
        # good ones go through and the bad one stays stored for its task and the sweep.
        log.exception("deliveries: a batch of %s failed; processing them one by one", len(fresh))
        items = []
        for pk in fresh:
            try:
                items += _process_one(pk)
            except Exception:
                log.exception("delivery %s: processing failed", pk)
    triage_now(items)
    return len(fresh)


def _process_batch(deliveries: list[Delivery]) -> list[Any]:
    """Process `deliveries` (locked, `stored`) in the caller's transaction; returns their items to triage.

    What `_process_locked` does for each in turn, with every comment of the batch handed to
    the inbox at once (`inbox.ingest.receive_many`) and the deliveries marked processed in
    one UPDATE per outcome: a few queries for the batch instead of a dozen per delivery.
    """
    from somevakt.inbox.ingest import receive_many

    accounts: dict[tuple[str, str], list[Account]] = {}
    heard: set[tuple[str, str]] = set()
    incoming: list[tuple[Account, InboundComment, Delivery]] = []
    outcomes: dict[tuple[int, str], list[Delivery]] = {}
    for delivery in deliveries:
        comments = _comments_of(delivery)
        if comments is None:
            continue
        pairs, note = _route(comments, accounts)
        incoming.extend((account, comment, delivery) for account, comment in pairs)
        heard.update((c.platform, c.account_external_id) for c in comments)
        if note:
            log.warning("delivery %s: %s", delivery.pk, note)
        outcomes.setdefault((len(pairs), note), []).append(delivery)
    received = receive_many(incoming, enqueue=False)
    now = timezone.now()
    for (handed, note), done in outcomes.items():
        Delivery.objects.filter(pk__in=[d.pk for d in done]).update(
            status=DeliveryStatus.PROCESSED, processed_at=now, comments=handed, error=note
        )
    mark_heard(heard, now)
    return [
        item
        for (_account, comment, _delivery), item in zip(incoming, received, strict=True)
        if item is not None and comment.verb in ("add", "edited")
    ]


def _process_one(delivery_id: int) -> list[Any]:
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(pk=delivery_id, status=DeliveryStatus.STORED)
            .first()
        )
        return _process_locked(delivery)[1] if delivery is not None else []


def _process_locked(
    delivery: Delivery,
    accounts: dict[tuple[str, str], list[Account]] | None = None,
    heard: set[tuple[str, str]] | None = None,
) -> tuple[str, list[Any]]:
    """Process `delivery` (locked, `stored`) in the caller's transaction: its status and new items.

    `accounts` caches the account lookups of a batch; with `heard` the caller marks the
    accounts heard from, once for the whole batch.
    """
    from somevakt.inbox.ingest import receive

    comments = _comments_of(delivery)
    if comments is None:
        return DeliveryStatus.REJECTED, []
    pairs, note = _route(comments, {} if accounts is None else accounts)
    items = []
    now = timezone.now()
    for account, comment in pairs:
        item = receive(account, comment, delivery, enqueue=False)
        if item is not None and comment.verb in ("add", "edited"):
            items.append(item)
    if heard is None:
        mark_heard({(c.platform, c.account_external_id) for c in comments}, now)
    else:
        heard.update((c.platform, c.account_external_id) for c in comments)
    delivery.status = DeliveryStatus.PROCESSED
    delivery.processed_at = now
    delivery.comments = len(pairs)
    delivery.error = note
    delivery.save(update_fields=["status", "processed_at", "comments", "error"])
    if note:
        log.warning("delivery %s: %s", delivery.pk, note)
    return DeliveryStatus.PROCESSED, items


def _comments_of(delivery: Delivery) -> list[InboundComment] | None:
    """The delivery's comments, or None when it cannot be read (it is then rejected)."""
    payload, error = read_json(bytes(delivery.body))
    try:
        if error:
            raise MalformedDelivery(error)
        return parse_meta(payload)
    except MalformedDelivery as exc:
        reject(delivery, str(exc))
        return None


def _route(
    comments: list[InboundComment], accounts: dict[tuple[str, str], list[Account]]
) -> tuple[list[tuple[Account, InboundComment]], str]:
    """Each comment paired with every account it is for, and a note naming the pages and
    Instagram accounts we have no account for. `accounts` caches the lookups across calls."""
    pairs: list[tuple[Account, InboundComment]] = []
    unknown: set[str] = set()
    for comment in comments:
        key = (comment.platform, comment.account_external_id)
        if key not in accounts:
            accounts[key] = accounts_for(*key)
        if not accounts[key]:
            unknown.add(f"{comment.platform} {comment.account_external_id}")
        pairs.extend((account, comment) for account in accounts[key])
    note = ("no account for " + ", ".join(sorted(unknown))) if unknown else ""
    return pairs, note


def mark_heard(accounts: set[tuple[str, str]], now: datetime) -> None:
    """Move the accounts' last delivery time, at most once a minute: a busy page's deliveries
    would otherwise all wait for the lock on the same account row."""
    stale = Q(last_delivery_at__isnull=True) | Q(last_delivery_at__lt=now - HEARD_GRANULARITY)
    for platform, external_id in accounts:
        Account.objects.filter(stale, platform=platform, external_id=external_id).update(last_delivery_at=now)


def triage_now(items: list[Any]) -> None:
    """Triage the new items in batches; what fails here is left to the inbox's triage sweep."""
    from somevakt.inbox.triage import BATCH_SIZE as TRIAGE_BATCH
    from somevakt.inbox.triage import triage_many

    for first in range(0, len(items), TRIAGE_BATCH):
        try:
            triage_many(items[first : first + TRIAGE_BATCH])
        except Exception:
            log.exception("delivery: triage of %s items failed; the inbox's sweep tries again", len(items))


def reject(delivery: Delivery, reason: str) -> None:
    delivery.status = DeliveryStatus.REJECTED
    delivery.error = reason[:1000]
    delivery.processed_at = timezone.now()
    delivery.save(update_fields=["status", "error", "processed_at"])
    raise_rejected_alert(delivery)


def raise_rejected_alert(delivery: Delivery) -> None:
    log.warning("delivery %s rejected: %s", delivery.pk, delivery.error)
    AccountAlert.objects.create(
        kind=AlertKind.REJECTED_DELIVERY,
        delivery=delivery,
        message=f"Delivery {delivery.pk} from {delivery.source} could not be read: {delivery.error}",
    )


def sweep_stored(older_than: timedelta = timedelta(seconds=30), limit: int = 500) -> int:
    """Process deliveries left `stored` (the worker died, or the task was lost). Returns how many."""
    cutoff = timezone.now() - older_than
    stale = list(
        Delivery.objects.filter(status=DeliveryStatus.STORED, received_at__lt=cutoff)
        .order_by("received_at")
        .values_list("pk", "attempts")[:limit]
    )
    done = 0
    for pk, attempts in stale:
        if attempts >= MAX_ATTEMPTS:
            with transaction.atomic():
                delivery = Delivery.objects.select_for_update().get(pk=pk)
                if delivery.status == DeliveryStatus.STORED:
                    reject(delivery, f"processing failed {attempts} times; see the worker's log")
            continue
        try:
            process_delivery(pk)
        except Exception:
            log.exception("delivery %s: processing failed", pk)
            continue
        done += 1
    return done
