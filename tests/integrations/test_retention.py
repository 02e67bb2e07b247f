"""Raw deliveries are deleted once past their retention period; nothing unprocessed ever is."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from somevakt.integrations import retention
from somevakt.integrations.models import Delivery, DeliveryStatus
from somevakt.integrations.retention import purge_deliveries
from somevakt.jobs.periodic import registered


def _delivery(status: str, days_old: float) -> Delivery:
    return Delivery.objects.create(
        source="meta",
        received_at=timezone.now() - dt.timedelta(days=days_old),
        body=b'{"object": "page", "entry": []}',
        signature_ok=True,
        status=status,
    )


def test_it_deletes_old_processed_and_rejected_deliveries_only(db) -> None:
    old_processed = _delivery(DeliveryStatus.PROCESSED, 31)
    young_processed = _delivery(DeliveryStatus.PROCESSED, 29)
    old_rejected = _delivery(DeliveryStatus.REJECTED, 91)
    young_rejected = _delivery(DeliveryStatus.REJECTED, 60)
    ancient_stored = _delivery(DeliveryStatus.STORED, 400)  # its comments are not in the inbox yet
    purged = purge_deliveries()
    assert (purged.processed, purged.rejected) == (1, 1)
    left = set(Delivery.objects.values_list("pk", flat=True))
    assert left == {young_processed.pk, young_rejected.pk, ancient_stored.pk}
    assert old_processed.pk not in left and old_rejected.pk not in left
    assert purge_deliveries() == retention.DeliveriesPurged(processed=0, rejected=0)


def test_it_follows_the_settings_and_works_through_a_backlog_in_chunks(db, settings, monkeypatch) -> None:
    settings.DELIVERY_RETENTION_DAYS = 1
    monkeypatch.setattr(retention, "CHUNK", 3)
    for _ in range(7):
        _delivery(DeliveryStatus.PROCESSED, 2)
    kept = _delivery(DeliveryStatus.PROCESSED, 0.5)
    assert purge_deliveries().processed == 7
    assert list(Delivery.objects.values_list("pk", flat=True)) == [kept.pk]


def test_it_is_one_of_the_workers_periodic_jobs() -> None:
    assert "integrations.purge_deliveries" in registered()
