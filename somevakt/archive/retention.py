"""The retention rule: items never journaled are deleted after the municipality's period.

Personal data minimisation: what has no documentation value is not kept for ever. Journaled
material is never deleted by somevakt, and neither is the thread around it (the item a journaled
item answers and the replies to it), nor anything still waiting for the archive. Each run is
logged in `RetentionRun`.

An item's event log is append-only while the item lives; retention removes an item together with
its whole log through the inbox's `purge_items`, the one deletion the log allows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from somevakt.archive.models import DEFAULT_RETENTION_DAYS, JournalEntry, RetentionRule, RetentionRun
from somevakt.inbox.models import Item
from somevakt.inbox.purge import purge_items
from somevakt.tenants.models import Municipality

BATCH = 500


def rule_for(municipality: Any) -> RetentionRule:
    rule = RetentionRule.objects.filter(municipality=municipality).first()
    return rule or RetentionRule(municipality=municipality, keep_days=DEFAULT_RETENTION_DAYS)


def protected_item_ids(municipality: Any) -> set[int]:
    """Journaled items, the items they answer, and the replies to them."""
    journaled = set(
        JournalEntry.objects.filter(municipality=municipality, item__isnull=False).values_list(
            "item_id", flat=True
        )
    )
    parents = set(
        Item.objects.filter(pk__in=journaled, parent__isnull=False).values_list("parent_id", flat=True)
    )
    children = set(Item.objects.filter(parent_id__in=journaled).values_list("pk", flat=True))
    return journaled | parents | children


def candidates(municipality: Any, cutoff: dt.datetime) -> models.QuerySet[Item]:
    """Items received before the cutoff, untouched since, not journaled and not waiting for the archive."""
    return (
        Item.objects.filter(municipality=municipality, received_at__lt=cutoff)
        .filter(Q(status__isnull=True) | Q(status__archive_pending=False, status__updated_at__lt=cutoff))
        .exclude(pk__in=protected_item_ids(municipality))
    )


def apply_rule(municipality: Any, now: dt.datetime | None = None) -> RetentionRun | None:
    """Run the municipality's rule once; None when it is switched off."""
    rule = rule_for(municipality)
    if not rule.enabled:
        return None
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=rule.keep_days)
    run = RetentionRun.objects.create(
        municipality=municipality, started_at=now, cutoff=cutoff, keep_days=rule.keep_days
    )
    run.kept_journaled = (
        JournalEntry.objects.filter(municipality=municipality, item__received_at__lt=cutoff)
        .values("item_id")
        .distinct()
        .count()
    )
    try:
        while True:
            with transaction.atomic():
                ids = list(candidates(municipality, cutoff).values_list("pk", flat=True)[:BATCH])
                if not ids:
                    break
                # Checked again inside the transaction: an item journaled meanwhile is kept.
                journaled = set(
                    JournalEntry.objects.filter(item_id__in=ids).values_list("item_id", flat=True)
                )
                ids = [i for i in ids if i not in journaled]
                purged = purge_items(ids, f"retention: received before {cutoff:%Y-%m-%d}, never journaled")
                run.deleted_events += purged.events
                run.deleted_items += purged.items
                if not purged.items:
                    break
    except Exception as exc:
        run.error = f"{type(exc).__name__}: {exc}"[:2000]
        raise
    finally:
        run.finished_at = timezone.now()
        run.save()
    return run


def apply_all(now: dt.datetime | None = None) -> list[RetentionRun]:
    return [run for m in Municipality.objects.all() if (run := apply_rule(m, now)) is not None]
