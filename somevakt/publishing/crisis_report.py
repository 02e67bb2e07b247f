"""Publishing's part of a crisis report (crisis.listeners): what was published during the crisis
on the accounts it held, with who asked for it to go out."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.crisis.listeners import ReportRow, ReportSection
from somevakt.publishing.models import PostTarget, TargetState

EXCERPT = 300


def published(crisis: Any) -> ReportSection:
    targets = PostTarget.objects.filter(
        post__municipality_id=crisis.municipality_id,
        state__in=(TargetState.DONE, TargetState.REMOVED),
        published_at__gte=crisis.started_at,
        published_at__lte=crisis.ended_at or timezone.now(),
    )
    if not crisis.whole_municipality:
        targets = targets.filter(account__in=crisis.accounts.all())
    rows = [
        ReportRow(
            at=target.published_at,
            account=target.account.name,
            what="published",
            text=target.post.text[:EXCERPT],
            who=_name(target.post.scheduled_by),
            url=target.permalink,
        )
        for target in targets.select_related("account", "post__scheduled_by").order_by("published_at", "pk")
    ]
    return ReportSection(key="published", title=_("Published"), rows=rows, empty=_("Nothing was published."))


def _name(person: Any) -> str:
    return (person.get_full_name() or person.get_username()) if person is not None else ""
