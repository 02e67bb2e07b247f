"""How long raw webhook deliveries are kept.

A delivery's body is the platform's request byte for byte, comment text and commenter's name
included. Once processed, everything in it lives on in the inbox's items (which the archive's
retention rule governs), so the raw copy is kept only as long as it helps to investigate a
problem, then deleted. A rejected delivery (one that could not be parsed) is kept longer, for
an administrator to look at. A delivery not yet processed is never deleted here: it may hold
comments that are not in the inbox yet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from somevakt.inbox.models import Item
from somevakt.integrations.conf import setting
from somevakt.integrations.models import Delivery, DeliveryStatus
from somevakt.registry.models import AccountAlert

log = logging.getLogger(__name__)

# Deleted in chunks, so a first run over a large backlog never holds one long transaction.
CHUNK = 5_000


@dataclass(frozen=True)
class DeliveriesPurged:
    processed: int
    rejected: int


def purge_deliveries(now: datetime | None = None) -> DeliveriesPurged:
    """Delete processed and rejected deliveries older than their retention period."""
    now = now or timezone.now()
    processed = _purge(DeliveryStatus.PROCESSED, now - _days("DELIVERY_RETENTION_DAYS"))
    rejected = _purge(DeliveryStatus.REJECTED, now - _days("REJECTED_DELIVERY_RETENTION_DAYS"))
    if processed or rejected:
        log.info("deliveries: deleted %d processed and %d rejected raw deliveries", processed, rejected)
    return DeliveriesPurged(processed=processed, rejected=rejected)


def _days(name: str) -> timedelta:
    return timedelta(days=int(setting(name)))


def _purge(status: str, before: datetime) -> int:
    total = 0
    while True:
        ids = list(
            Delivery.objects.filter(status=status, received_at__lt=before)
            .order_by("received_at")
            .values_list("pk", flat=True)[:CHUNK]
        )
        if not ids:
            return total
        with transaction.atomic():
            # The items and alerts keep what they need; their pointer to the raw body goes with it.
            Item.objects.filter(delivery_id__in=ids).update(delivery_id=None)
            AccountAlert.objects.filter(delivery_id__in=ids).update(delivery_id=None)
            deleted, _ = Delivery.objects.filter(pk__in=ids, status=status).delete()
        total += deleted
