"""Publishing's part of a crisis report (crisis.listeners): what was published during the crisis
on the accounts it held, with who asked for it to go out, and the posts crisis mode held that
their authors sent to crisis management."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.crisis.listeners import ReportRow, ReportSection
from somevakt.publishing.models import PostEvent, PostEventType, PostTarget, TargetState

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


def sent_to_crisis(crisis: Any) -> ReportSection:
    """The held posts sent to crisis management: the escalations of publishing, as the inbox's
    escalated items are (found walking the demo: the report left them out)."""
    events = PostEvent.objects.filter(
        post__municipality_id=crisis.municipality_id,
        type=PostEventType.TO_CRISIS,
        at__gte=crisis.started_at,
        at__lte=crisis.ended_at or timezone.now(),
    )
    if not crisis.whole_municipality:
        events = events.filter(post__targets__account__in=crisis.accounts.all()).distinct()
    rows = []
    for found in events.select_related("post", "actor").order_by("at", "pk"):
        post = found.post
        path = reverse(
            "publishing:detail", kwargs={"municipality": crisis.municipality.slug, "post_id": post.pk}
        )
        rows.append(
            ReportRow(
                at=found.at,
                account=", ".join(t.account.name for t in post.targets.select_related("account")),
                what="to_crisis",
                text=post.text[:EXCERPT],
                who=_name(found.actor),
                url=settings.SOMEVAKT_BASE_URL.rstrip("/") + path,
            )
        )
    return ReportSection(
        key="published-sent-to-crisis",
        title=_("Sent to crisis management"),
        rows=rows,
        empty=_("No post was sent to crisis management."),
    )


def _name(person: Any) -> str:
    return (person.get_full_name() or person.get_username()) if person is not None else ""
