"""The one way to query tenant-owned rows: always filtered by the current municipality.

Views get the municipality from `tenants.access.member_required`, which puts it on the
request; commands and tasks pass the Municipality itself.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from somevakt.tenants.models import Membership, Municipality

M = TypeVar("M", bound=Model)


def current_municipality(where: Municipality | HttpRequest) -> Municipality:
    if isinstance(where, Municipality):
        return where
    municipality = getattr(where, "municipality", None)
    if not isinstance(municipality, Municipality):
        # A programming error, not a user's: the view was not wrapped in member_required.
        raise RuntimeError("no municipality on this request; wrap the view in tenants.access.member_required")
    return municipality


def for_municipality(
    queryset: QuerySet[M], where: Municipality | HttpRequest, field: str = "municipality"
) -> QuerySet[M]:
    """`queryset` limited to the rows of the municipality (or the request's municipality).

    `field` is the path to the municipality for rows that reach it through another row,
    e.g. `"account__municipality"`.
    """
    return queryset.filter(**{field: current_municipality(where)})


def get_or_404(
    queryset: QuerySet[M], where: Municipality | HttpRequest, field: str = "municipality", **lookup: Any
) -> M:
    """One row of the municipality, or 404 — also when it exists in another municipality."""
    try:
        return for_municipality(queryset, where, field).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def memberships_of(person: Any) -> QuerySet[Membership]:
    if not getattr(person, "is_authenticated", False):
        return Membership.objects.none()
    return (
        Membership.objects.filter(person=person)
        .select_related("municipality", "unit")
        .prefetch_related("grants")
    )


def municipalities_of(person: Any) -> QuerySet[Municipality]:
    if not getattr(person, "is_authenticated", False):
        return Municipality.objects.none()
    return Municipality.objects.filter(memberships__person=person).order_by("name")
