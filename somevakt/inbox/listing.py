"""The queue: a municipality's items by deadline, with filters and their counts.

Built for 100,000 items and more: everything is read from `ItemStatus` (one row per
item), each filter has a partial index in the queue's order, each count reads only its
index, and a page is fetched in two small steps (ids, then those rows with their joins).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.inbox import outbound
from somevakt.inbox.models import ItemStatus

PAGE_SIZE = 50
# Counts beyond this are shown as "1000+": nobody works through more, and counting stays cheap.
COUNT_CAP = 1000


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
    Filter("unreached", _("Not done on the platform")),
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
    if key == "unreached":
        # A reply, hide, unhide or delete the platform never carried out (the integrations know
        # which), as long as it is still wanted: a hide while the item is hidden, and so on.
        return (
            Q(item_id__in=outbound.unreached(("reply", "delete")))
            | Q(hidden=True, deleted=False, item_id__in=outbound.unreached(("hide",)))
            | Q(hidden=False, item_id__in=outbound.unreached(("unhide",)))
        )
    if key == "mine":
        return Q(open_work=True) & (Q(assignee=person) | Q(escalated_to=person))
    if key == "all":
        return Q()
    raise ValueError(f"unknown filter {key!r}")


def counts(
    municipality: Any, person: Any, now: dt.datetime | None = None, scope: Q | None = None
) -> dict[str, int]:
    """How many items each filter shows, up to COUNT_CAP (shown as "1000+" beyond it).

    `scope` limits them to what the person sees (`inbox.access.visible`; None: everything).

    One statement of capped sub-counts: each reads at most COUNT_CAP entries of its own
    partial index, so the queue costs the same with a hundred items as with a hundred thousand.
    """
    now = now or timezone.now()
    parts: list[str] = []
    params: list[Any] = []
    for number, key in enumerate(FILTER_KEYS):
        capped = (
            ItemStatus.objects.filter(condition(key, person, now), municipality=municipality)
            .filter(scope if scope is not None else Q())
            .values("pk")
            .order_by()[:COUNT_CAP]
        )
        sql, sub_params = capped.query.get_compiler(using=capped.db).as_sql()
        # The ORM's own SQL, with every value passed as a parameter.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS capped_{number})")  # noqa: S608
        params.extend(sub_params)
    with connections[ItemStatus.objects.db].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(FILTER_KEYS, (int(n) for n in row), strict=True))


def unreached_among(item_ids: list[int]) -> set[int]:
    """Which of these items have an action the platform did not carry out (one query)."""
    if not item_ids:
        return set()
    return set(
        ItemStatus.objects.filter(
            Q(item_id__in=item_ids) & condition("unreached", None, timezone.now())
        ).values_list("item_id", flat=True)
    )


def rows(
    municipality: Any, key: str, person: Any, now: dt.datetime | None = None, scope: Q | None = None
) -> QuerySet[ItemStatus]:
    """A filter's rows within `scope`, earliest deadline first (no deadline last), then oldest first."""
    now = now or timezone.now()
    return (
        ItemStatus.objects.filter(municipality=municipality)
        .filter(condition(key, person, now))
        .filter(scope if scope is not None else Q())
        .order_by(F("due").asc(nulls_last=True), "received_at", "item_id")
    )


def next_after(
    municipality: Any, key: str, person: Any, current: ItemStatus, scope: Q | None = None
) -> int | None:
    """The item that comes after `current` in a filter's order (`rows`), for "next item"; found
    by its place in the order, so it works when `current` has just left the filter."""
    due, received, item_id = current.due, current.received_at, current.item_id
    later_same_due = Q(received_at__gt=received) | Q(received_at=received, item_id__gt=item_id)
    if due is None:
        after = Q(due__isnull=True) & later_same_due
    else:
        after = Q(due__gt=due) | (Q(due=due) & later_same_due) | Q(due__isnull=True)
    return (
        rows(municipality, key, person, scope=scope)
        .filter(after)
        .exclude(item_id=item_id)
        .values_list("item_id", flat=True)
        .first()
    )


# What a queue row shows; the text only as far as the excerpt, cut by the database.
ROW_FIELDS = (
    "item_id",
    "due",
    "received_at",
    "state",
    "action",
    "hidden",
    "open_work",
    "item__author_name",
    "account__name",
    "account__platform",
    "assignee__username",
    "assignee__first_name",
    "assignee__last_name",
)


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    number: int
    has_previous: bool
    has_next: bool


def page(queryset: QuerySet[ItemStatus], number: int, excerpt_chars: int = 160) -> Page:
    """Page `number` (from 1) of the queue, as plain dicts (ROW_FIELDS and `excerpt`).

    Two steps: the page's ids from the narrow, index-ordered status rows (one more than a
    page, to know whether there is a next), then those rows with their item, account and
    assignee, so the joins never touch more than one page.
    """
    number = max(1, number)
    start = (number - 1) * PAGE_SIZE
    ids = list(queryset.values_list("item_id", flat=True)[start : start + PAGE_SIZE + 1])
    has_next = len(ids) > PAGE_SIZE
    ids = ids[:PAGE_SIZE]
    found = {
        row["item_id"]: row
        for row in ItemStatus.objects.filter(pk__in=ids)
        .annotate(excerpt=Substr("item__text", 1, excerpt_chars + 1))
        .values(*ROW_FIELDS, "excerpt")
    }
    return Page([found[pk] for pk in ids if pk in found], number, number > 1, has_next)
