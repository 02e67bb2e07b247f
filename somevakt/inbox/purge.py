"""Purging items: the one sanctioned way to delete items, with their event log and status.

An item's log is append-only while the item lives (`ItemEventQuerySet` refuses deletes).
Personal-data minimisation still needs old items gone at the end of their retention period,
and then the whole log must go with the item, in one transaction. Only the archive's
retention rule (`archive/retention.py`) calls this; nothing else deletes items.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models, transaction

from somevakt.inbox.models import Item, ItemEvent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Purged:
    items: int
    events: int


def purge_items(items: models.QuerySet[Item] | Iterable[int], reason: str) -> Purged:
    """Delete these items (a queryset or ids) with their events and status rows, for `reason`.

    Replies to a purged item are kept and lose their link to it. An item something else
    still refers to (a journal entry) is protected by its foreign key and stops the purge.
    """
    if not reason.strip():
        raise ValueError("purging items needs a reason")
    if isinstance(items, models.QuerySet):
        ids = list(items.values_list("pk", flat=True))
    else:
        ids = list(items)
    if not ids:
        return Purged(items=0, events=0)
    with transaction.atomic():
        Item.objects.filter(parent_id__in=ids).exclude(pk__in=ids).update(parent=None)
        # The append-only queryset refuses deletes; the plain QuerySet's delete is used here only.
        events, _ = models.QuerySet.delete(ItemEvent.objects.filter(item_id__in=ids))
        _, by_model = Item.objects.filter(pk__in=ids).delete()
    purged = Purged(items=by_model.get(Item._meta.label, 0), events=events)
    log.info("inbox: purged %d items with %d events: %s", purged.items, purged.events, reason)
    return purged
