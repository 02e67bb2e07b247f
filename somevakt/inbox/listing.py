"""The queue: a municipality's items by deadline, with filters and their counts.

Built for 100,000 items and more: everything is read from `ItemStatus` (one row per
item, indexed on municipality, open work and deadline), the counts come from one
aggregate query, and a page is one query with its item, account and assignee joined.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.inbox.models import ItemStatus

PAGE_SIZE = 50


@dataclass(frozen=True)
class Filter:
    key: str
    label: Any


FILTERS: tuple[Filter, ...] = (
    Filter("open", _("To handle")),
    Filter("needs_answer", _("Needs an answer")),
    Filter("overdue", _("Overdue")),
    Filter("escalated", _("Escalated")),
    Filter("case_processing", _("Case processing")),
    Filter("crisis", _("Crisis")),
    Filter("hidden", _("Hidden")),
    Filter("mine", _("Mine")),
    Filter("all", _("All")),
)
FILTER_KEYS = tuple(f.key for f in FILTERS)
DEFAULT_FILTER = "open"


def condition(key: str, person: Any, now: dt.datetime) -> Q:
    """The rows a filter shows (besides being the municipality's)."""
    if key == "open":
        return Q(open_work=True)
    if key == "needs_answer":
        return Q(needs_answer=True)
    if key == "overdue":
        return Q(open_work=True, due__lt=now)
    if key == "escalated":
        return Q(state="escalated")
    if key == "case_processing":
        return Q(case_processing=True, open_work=True)
    if key == "crisis":
        return Q(crisis=True, open_work=True)
    if key == "hidden":
        return Q(hidden=True)
    if key == "mine":
        return Q(open_work=True) & (Q(assignee=person) | Q(escalated_to=person))
    if key == "all":
        return Q()
    raise ValueError(f"unknown filter {key!r}")


def counts(municipality: Any, person: Any, now: dt.datetime | None = None) -> dict[str, int]:
    """How many items each filter shows, in one query."""
    now = now or timezone.now()
    aggregates = {key: Count("pk", filter=condition(key, person, now)) for key in FILTER_KEYS if key != "all"}
    aggregates["all"] = Count("pk")
    return ItemStatus.objects.filter(municipality=municipality).aggregate(**aggregates)


def rows(municipality: Any, key: str, person: Any, now: dt.datetime | None = None) -> QuerySet[ItemStatus]:
    """A filter's rows, earliest deadline first (no deadline last), then oldest first."""
    now = now or timezone.now()
    return (
        ItemStatus.objects.filter(municipality=municipality)
        .filter(condition(key, person, now))
        .select_related("item", "account", "assignee")
        .order_by(F("due").asc(nulls_last=True), "received_at", "item_id")
    )


def page(queryset: QuerySet[ItemStatus], number: int, total: int) -> tuple[list[ItemStatus], int, int]:
    """(rows of page `number`, the page number actually shown, the number of pages)."""
    pages = max(1, -(-total // PAGE_SIZE))
    number = min(max(1, number), pages)
    start = (number - 1) * PAGE_SIZE
    return list(queryset[start : start + PAGE_SIZE]), number, pages
