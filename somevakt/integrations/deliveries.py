"""Durable ingest: a delivery is stored byte for byte first, then processed by the worker.

Processing (`process`) takes stored deliveries in a batch: it parses each stored body, maps
each comment's page / account id to Account rows and hands every comment of the batch to the
inbox at once (`inbox.ingest.receive_many`), all in one transaction with the deliveries'
statuses, then triages the new items in batches (`inbox.triage.triage_many`). A crash before
that commit leaves the deliveries `stored`, and the worker's sweep processes them again; the
inbox is idempotent per (account, platform id), so nothing is counted twice. A body that
cannot be read is kept as `rejected` and raised as an alert.

If a batch fails, its deliveries are processed again one at a time (batches of one, each in
its own transaction), so one bad delivery keeps the others; one that still fails stays
`stored`. The worker's ingest loop (`drain`) takes the fresh deliveries; the sweep
(`sweep_stored`) takes what failed or what a killed worker left, and gives up on a delivery
after `MAX_ATTEMPTS`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from somevakt.inbox import bulk
from somevakt.inbox.ingest import STORING_VERBS, receive_many
from somevakt.inbox.models import Item
from somevakt.inbox.ports import InboundComment
from somevakt.inbox.triage import BATCH_SIZE as TRIAGE_BATCH
from somevakt.inbox.triage import triage_many
from somevakt.integrations.meta_payload import MalformedDelivery
from somevakt.integrations.models import Delivery, DeliveryStatus, RejectedSignatures
from somevakt.integrations.registry import adapter_for
from somevakt.registry.models import Account, AccountAlert, AccountState, AlertKind

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
    except RecursionError:
        # Python's parser gives up on some thousand levels; such a body is refused, not a crash.
        return None, "the body is nested too deeply to read"


def store_meta_delivery(body: bytes) -> Delivery:
    """Store a signed Meta delivery: one INSERT, committed before Meta gets its answer; the same
    bytes again are not stored twice.

    The body is only checked for being JSON here (in memory, before the one write), so a
    malformed delivery is stored as rejected at once. A stored delivery needs no task: the
    worker's ingest loop takes every fresh one (`drain`), and its sweep what is left over.
    A task per delivery cost the request two more round trips and the worker's task loop a
    task it mostly found done, more slowly than they arrived at 200 a second.
    """
    digest = hashlib.sha256(body).hexdigest()
    payload, error = read_json(body)
    if error == "" and not isinstance(payload, dict):
        error = "the body is JSON but not an object"
    status = DeliveryStatus.REJECTED if error else DeliveryStatus.STORED
    delivery = Delivery(
        source="meta", body=body, body_sha256=digest, signature_ok=True, status=status, error=error
    )
    if not error:
        return _insert_once(delivery)
    with transaction.atomic():
        stored = _insert_once(delivery)
        if stored is delivery:
            raise_rejected_alert(delivery)
    return stored


def _insert_once(delivery: Delivery) -> Delivery:
    """One INSERT that skips bytes seen before (a replay, or Meta retrying a delivery we did
    answer), so a replay is stored once and never processed twice; the stored one is returned."""
    inserted = bulk.insert(Delivery, [delivery], conflict=("source", "body_sha256"), returning=("id",))
    if not inserted:
        return Delivery.objects.get(source=delivery.source, body_sha256=delivery.body_sha256)
    return bulk.mark_saved(delivery, inserted[0][0], Delivery.objects.db)


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


def _platform_of(payload: Any) -> str | None:
    """The platform a Meta delivery is for, or None for another Meta object (user, permissions)."""
    if not isinstance(payload, dict):
        raise MalformedDelivery("the body is JSON but not an object")
    platform = META_OBJECTS.get(payload.get("object", ""))
    if platform is None and not isinstance(payload.get("entry"), list):
        raise MalformedDelivery("expected an object with 'object' and an 'entry' list")
    return platform


def parse_with_unhandled(platform: str, payload: Any) -> tuple[list[InboundComment], list[str]]:
    """The comments, and what the adapter saw but could not read as anything for the inbox."""
    adapter = adapter_for(platform, "")
    return adapter.parse(payload), list(adapter.unhandled)


def accounts_for(platform: str, external_id: str) -> list[Account]:
    return list(
        Account.objects.filter(platform=platform, external_id=external_id, state__in=RECEIVING_STATES)
    )


def drain(limit: int = BATCH_SIZE) -> int:
    """Process up to `limit` fresh stored deliveries in one batch; returns how many were taken.

    Only deliveries never tried before are taken: one that failed is left to the sweep, which
    waits before trying again and gives up in the end, so a bad delivery cannot keep the loop busy.
    """
    fresh = list(
        Delivery.objects.filter(status=DeliveryStatus.STORED, attempts=0)
        .order_by("received_at")
        .values_list("pk", flat=True)[:limit]
    )
    process(fresh)
    return len(fresh)


def process(delivery_ids: Sequence[int]) -> None:
    """Process those of `delivery_ids` that are still stored, in one batch, and triage their items.

    Deliveries another worker holds are skipped; processing the same ones twice is safe.
    """
    if not delivery_ids:
        return
    # Counted in its own commit, so attempts that crash are counted too (see sweep_stored).
    Delivery.objects.filter(pk__in=delivery_ids, status=DeliveryStatus.STORED).update(
        attempts=F("attempts") + 1
    )
    triage_now(_process_or_each(list(delivery_ids)))


def _process_or_each(delivery_ids: list[int]) -> list[Item]:
    """The batch in one transaction; if it fails, each delivery alone. Returns the items to triage."""
    try:
        with transaction.atomic():
            locked = (
                Delivery.objects.select_for_update(skip_locked=True)
                .filter(pk__in=delivery_ids, status=DeliveryStatus.STORED)
                .order_by("received_at", "pk")
            )
            return _process_batch(list(locked))
    except Exception:
        if len(delivery_ids) == 1:
            log.exception("delivery %s: processing failed; the sweep tries again", delivery_ids[0])
            return []
        # The batch is rolled back whole; one at a time, the good ones go through and the bad
        # one stays stored for the sweep.
        log.exception("deliveries: a batch of %s failed; processing them one by one", len(delivery_ids))
        return [item for pk in delivery_ids for item in _process_or_each([pk])]


def _process_batch(deliveries: list[Delivery]) -> list[Item]:
    """Process `deliveries` (locked, `stored`) in the caller's transaction; returns their items to triage.

    Every comment of the batch is handed to the inbox at once and the deliveries are marked
    processed in one UPDATE per outcome: a few queries for the batch, however large.
    """
    accounts: dict[tuple[str, str], list[Account]] = {}
    heard: set[tuple[str, str]] = set()
    incoming: list[tuple[Account, InboundComment, Delivery]] = []
    notes: dict[int, tuple[int, str]] = {}
    taken: list[Delivery] = []
    for delivery in deliveries:
        read = _comments_of(delivery)
        if read is None:
            continue
        comments, unhandled = read
        pairs, note = _route(comments, accounts)
        incoming.extend((account, comment, delivery) for account, comment in pairs)
        heard.update((c.platform, c.account_external_id) for c in comments)
        notes[delivery.pk] = (len(pairs), "; ".join(part for part in (note, unhandled) if part))
        taken.append(delivery)
    received = receive_many(incoming, enqueue=False)
    # A change older than what the item already has (a replayed delivery) is said in the note.
    stale: dict[int, list[str]] = {}
    for (_account, comment, delivery), outcome in zip(incoming, received, strict=True):
        if outcome.stale:
            stale.setdefault(delivery.pk, []).append(comment.platform_id)
    outcomes: dict[tuple[int, str], list[int]] = {}
    for delivery in taken:
        handed, note = notes[delivery.pk]
        if delivery.pk in stale:
            older = "older than what we have, not applied: " + ", ".join(sorted(set(stale[delivery.pk])))
            note = "; ".join(part for part in (note, older) if part)
        if note:
            log.warning("delivery %s: %s", delivery.pk, note)
        outcomes.setdefault((handed, note), []).append(delivery.pk)
    now = timezone.now()
    for (handed, note), done in outcomes.items():
        Delivery.objects.filter(pk__in=done).update(
            status=DeliveryStatus.PROCESSED, processed_at=now, comments=handed, error=note
        )
    mark_heard(heard, now)
    return [
        outcome.item
        for (_account, comment, _delivery), outcome in zip(incoming, received, strict=True)
        if outcome.item is not None and not outcome.stale and comment.verb in STORING_VERBS
    ]


def _comments_of(delivery: Delivery) -> tuple[list[InboundComment], str] | None:
    """The delivery's comments and a note of what in it was not for the inbox, or None when it
    cannot be read (it is then rejected). The raw body is kept either way, so nothing that
    arrived is lost: an unknown field or item is named in the delivery's note."""
    payload, error = read_json(bytes(delivery.body))
    try:
        if error:
            raise MalformedDelivery(error)
        platform = _platform_of(payload)
        if platform is None:
            return [], ""
        comments, unhandled = parse_with_unhandled(platform, payload)
    except MalformedDelivery as exc:
        reject(delivery, str(exc))
        return None
    counts = Counter(unhandled)
    note = ", ".join(f"{what} ×{n}" if n > 1 else what for what, n in sorted(counts.items()))
    return comments, f"{NOT_FOR_INBOX}{note}" if note else ""


# How a delivery's note begins the list of what in it was not for the inbox.
NOT_FOR_INBOX = "not for the inbox: "


def unhandled_kinds(note: str) -> Counter[str]:
    """What a delivery's note says was not for the inbox, by kind (the reverse of the note)."""
    found: Counter[str] = Counter()
    start = note.find(NOT_FOR_INBOX)
    if start < 0:
        return found
    listed = note[start + len(NOT_FOR_INBOX) :].split("; ")[0]
    for part in listed.split(", "):
        what, _, times = part.rpartition(" ×")
        if what and times.isdigit():
            found[what] += int(times)
        elif part:
            found[part] += 1
    return found


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


def triage_now(items: list[Item]) -> None:
    """Triage the new items in batches; what fails here is left to the inbox's triage sweep."""
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
        delivery_id=delivery.pk,
        message=f"Delivery {delivery.pk} from {delivery.source} could not be read: {delivery.error}",
    )


def sweep_stored(older_than: timedelta = timedelta(seconds=30), limit: int = 500) -> int:
    """Process deliveries left `stored` (a failed batch, or a worker that died), in batches.

    A delivery tried `MAX_ATTEMPTS` times is rejected and raised as an alert instead.
    Returns how many of the others are no longer stored.
    """
    cutoff = timezone.now() - older_than
    stale = list(
        Delivery.objects.filter(status=DeliveryStatus.STORED, received_at__lt=cutoff)
        .order_by("received_at")
        .values_list("pk", "attempts")[:limit]
    )
    retry = []
    for pk, attempts in stale:
        if attempts < MAX_ATTEMPTS:
            retry.append(pk)
            continue
        with transaction.atomic():
            delivery = Delivery.objects.select_for_update().get(pk=pk)
            if delivery.status == DeliveryStatus.STORED:
                reject(delivery, f"processing failed {attempts} times; see the worker's log")
    for first in range(0, len(retry), BATCH_SIZE):
        process(retry[first : first + BATCH_SIZE])
    return Delivery.objects.filter(pk__in=retry).exclude(status=DeliveryStatus.STORED).count()
