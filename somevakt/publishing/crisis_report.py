"""Publishing's part of a crisis report (crisis.listeners): what was published during the crisis
on the accounts it held, with who asked for it to go out, and the posts crisis mode held that
their authors sent to crisis management.

Published means the platform confirmed it; a post asked for during the crisis that failed or
still waits is listed apart with where it stands, never as published."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.crisis.listeners import ReportRow, ReportSection
from somevakt.publishing.labels import failure_label
from somevakt.publishing.models import PostEvent, PostEventType, PostState, PostTarget, TargetState

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


def not_published(crisis: Any) -> ReportSection | None:
    """The posts asked for during the crisis that the platform has not confirmed: failed, or
    still waiting to be sent. Shown only when there are some."""
    end = crisis.ended_at or timezone.now()
    targets = PostTarget.objects.filter(post__municipality_id=crisis.municipality_id).filter(
        Q(state=TargetState.FAILED, attempted_at__gte=crisis.started_at, attempted_at__lte=end)
        | Q(
            state__in=(TargetState.PENDING, TargetState.SENDING),
            post__state=PostState.SCHEDULED,
            post__publish_at__gte=crisis.started_at,
            post__publish_at__lte=end,
        )
    )
    if not crisis.whole_municipality:
        targets = targets.filter(account__in=crisis.accounts.all())
    rows = []
    for target in targets.select_related("account", "post__scheduled_by").order_by("pk"):
        platform = target.account.get_platform_display()
        state = str(TargetState(target.state).label)
        if target.state == TargetState.FAILED:
            tone, detail = "danger", failure_label(target.failure, platform)
        else:
            tone, detail = "info", ""
        rows.append(
            ReportRow(
                at=target.attempted_at or target.post.publish_at,
                account=target.account.name,
                what=str(target.state),
                text=target.post.text[:EXCERPT],
                who=_name(target.post.scheduled_by),
                url=_post_url(crisis, target.post),
                state=state,
                tone=tone,
                detail=detail,
            )
        )
    listed = {target.post_id for target in targets}
    rows += [row for post_id, row in _held_rows(crisis) if post_id not in listed]
    if not rows:
        return None
    return ReportSection(key="published-not", title=_("Not published on the platform"), rows=rows)


def _held_rows(crisis: Any) -> list[tuple[int, ReportRow]]:
    """Every post the crisis held during its span, once each, with where it stands now: held at
    publishing time (the publishing job's check) or sent to crisis management by its author,
    and published later when it got out after all (found: the report left out the posts held
    when they were due unless their authors had sent them on)."""
    held = PostEvent.objects.filter(
        post__municipality_id=crisis.municipality_id, type=PostEventType.FAILED, payload__crisis=crisis.pk
    ).select_related("post", "post__scheduled_by")
    first: dict[int, tuple[PostEvent, Any]] = {}
    for found in held.order_by("at", "pk"):
        first.setdefault(found.post_id, (found, found.post.scheduled_by))
    sent_events = _sent_events(crisis)
    sent = {found.post_id for found in sent_events}
    for found in sent_events:
        first.setdefault(found.post_id, (found, found.actor))
    out = []
    for post_id, (found, person) in sorted(first.items(), key=lambda p: (p[1][0].at, p[1][0].pk)):
        post = found.post
        if post.targets.filter(state__in=(TargetState.DONE, TargetState.REMOVED)).exists():
            state, tone = _("Published later"), "success"
        elif post_id in sent:
            state, tone = _("Sent to crisis management"), "warning"
        else:
            state, tone = _("Held by crisis mode"), "warning"
        out.append((post_id, _row(crisis, post, found.at, person, "held", str(state), tone)))
    return out


def _post_url(crisis: Any, post: Any) -> str:
    path = reverse("publishing:detail", kwargs={"municipality": crisis.municipality.slug, "post_id": post.pk})
    return settings.SOMEVAKT_BASE_URL.rstrip("/") + path


def _sent_events(crisis: Any) -> list[PostEvent]:
    events = PostEvent.objects.filter(
        post__municipality_id=crisis.municipality_id,
        type=PostEventType.TO_CRISIS,
        at__gte=crisis.started_at,
        at__lte=crisis.ended_at or timezone.now(),
    )
    if not crisis.whole_municipality:
        events = events.filter(post__targets__account__in=crisis.accounts.all()).distinct()
    return list(events.select_related("post", "actor").order_by("at", "pk"))


def _row(
    crisis: Any, post: Any, at: Any, person: Any, what: str, state: str = "", tone: str = ""
) -> ReportRow:
    """A post's row: when, on which accounts, its text's beginning, by whom, and where it stands."""
    return ReportRow(
        at=at,
        account=", ".join(t.account.name for t in post.targets.select_related("account")),
        what=what,
        text=post.text[:EXCERPT],
        who=_name(person),
        url=_post_url(crisis, post),
        state=state,
        tone=tone,
    )


def _sent_row(crisis: Any, found: PostEvent, state: str = "", tone: str = "") -> ReportRow:
    return _row(crisis, found.post, found.at, found.actor, "to_crisis", state, tone)


def sent_to_crisis(crisis: Any) -> ReportSection:
    """The held posts sent to crisis management: the escalations of publishing, as the inbox's
    escalated items are (found walking the demo: the report left them out)."""
    return ReportSection(
        key="published-sent-to-crisis",
        title=_("Sent to crisis management"),
        rows=[_sent_row(crisis, found) for found in _sent_events(crisis)],
        empty=_("No post was sent to crisis management."),
    )


def waiting(crisis: Any) -> list[ReportRow]:
    """The held posts sent to crisis management during the crisis that nobody has published,
    scheduled or withdrawn since: they wait for the crisis team (once each)."""
    rows, seen = [], set()
    sent = _sent_events(crisis)
    times = Counter(found.post_id for found in sent)
    for found in reversed(sent):
        if found.post_id in seen or found.post.state not in (PostState.DRAFT, PostState.APPROVED):
            continue
        seen.add(found.post_id)
        row = _sent_row(crisis, found, str(_("Held post")), "warning")
        rows.append(replace(row, times=times[found.post_id]))
    return rows[::-1]


def _name(person: Any) -> str:
    return (person.get_full_name() or person.get_username()) if person is not None else ""
