"""Background tasks of the inbox (django-tasks, database backend; run by `somevakt worker`)."""

from __future__ import annotations

from django_tasks import task

from somevakt.inbox.models import Item
from somevakt.inbox.triage import triage


@task()
def triage_item(item_id: int) -> bool:
    """Triage one item; a no-op when it is already triaged (the sweep may have been first)."""
    item = Item.objects.filter(pk=item_id).first()
    if item is None:
        return False
    return triage(item)
