"""View decorators for `/<municipality-slug>/...` pages.

A person who is not a member of the municipality gets 404 — the same answer as for a
municipality that does not exist, so membership is never revealed. A member without the
required role gets 403.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from somevakt.tenants.models import Membership
from somevakt.tenants.roles import check_roles

View = Callable[..., HttpResponse]


def resolve_membership(request: HttpRequest, slug: str) -> Membership:
    if not request.user.is_authenticated:
        raise Http404
    try:
        return (
            Membership.objects.select_related("municipality", "unit")
            .prefetch_related("grants")
            .get(person=request.user, municipality__slug=slug)
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def member_required(view: View | None = None, *, roles: Iterable[str] = ()) -> Any:
    """Resolve the `municipality` URL argument (a slug) for a member.

    The view receives the Municipality object in place of the slug, and the request carries
    `request.municipality` and `request.membership`. With `roles`, the member needs one of them.
    Use as `@member_required` or `@member_required(roles=[Role.COMMUNICATIONS])`.
    """
    required = check_roles(list(roles))

    def decorate(func: View) -> View:
        @functools.wraps(func)
        def wrapper(request: HttpRequest, *args: Any, municipality: str, **kwargs: Any) -> HttpResponse:
            membership = resolve_membership(request, municipality)
            if required and not membership.has_role(*required):
                raise PermissionDenied
            request.membership = membership  # type: ignore[attr-defined]
            request.municipality = membership.municipality  # type: ignore[attr-defined]
            return func(request, *args, municipality=membership.municipality, **kwargs)

        wrapper.required_roles = tuple(required)  # type: ignore[attr-defined]
        return wrapper

    if view is not None:
        return decorate(view)
    return decorate


def has_role(request: HttpRequest, *roles: str) -> bool:
    membership = getattr(request, "membership", None)
    return membership is not None and membership.has_role(*roles)
