"""The inbox's part of a crisis report (crisis.listeners): what was answered during the crisis on
the accounts it held, and what was escalated, with the held drafts sent to the crisis team.

An answer counts as answered only once the platform confirmed it; one that failed, still waits
or was kept in somevakt only is listed apart with where it stands (found walking the demo: the
report said "Answered (1)" for a reply the platform never got)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from somevakt.analysis.masking import mask
from somevakt.crisis.listeners import ReportRow, ReportSection
from somevakt.inbox import outbound
from somevakt.inbox.access import display_name
from somevakt.inbox.labels import FAILURE_LABELS
from somevakt.inbox.models import ItemEvent
from somevakt.inbox.notify import item_url
from somevakt.inbox.projection import ANSWER_EVENTS

EXCERPT = 300


def _events(crisis: Any, types: tuple[str, ...]) -> list[ItemEvent]:
    found = ItemEvent.objects.filter(
        municipality_id=crisis.municipality_id,
        type__in=types,
        at__gte=crisis.started_at,
        at__lte=crisis.ended_at or timezone.now(),
    )
    if not crisis.whole_municipality:
        found = found.filter(item__account__in=crisis.accounts.all())
    return list(
        found.select_related("item__account", "item__municipality", "item__status", "actor").order_by(
            "at", "id"
        )
    )


def _row(event: ItemEvent, text: str, state: str = "", tone: str = "", detail: str = "") -> ReportRow:
    return ReportRow(
        at=event.at,
        account=event.item.account.name,
        what=str(event.type),
        text=text[:EXCERPT],
        who=display_name(event.actor) if event.actor else event.actor_label,
        url=item_url(event.item),
        state=state,
        tone=tone,
        detail=detail,
    )


def _not_done(found: outbound.OnPlatform | None, platform: str) -> tuple[str, str, str]:
    """Where an answer the platform has not confirmed stands, in the reader's words: the state,
    the tag's colour and why."""
    if found is None or found.state == "local":
        return gettext("Done in somevakt only"), "neutral", ""
    if found.state == "failed":
        label = gettext("Did not reach %(platform)s") % {"platform": platform}
        return label, "danger", str(FAILURE_LABELS.get(found.failure, ""))
    return gettext("Waiting for %(platform)s") % {"platform": platform}, "info", ""


def _answers(crisis: Any) -> tuple[list[ReportRow], list[ReportRow]]:
    """The answers given during the crisis: those the platform confirmed, and the others."""
    events = _events(crisis, ANSWER_EVENTS)
    states = {s.event.pk: s for s in outbound.on_platform(events)}
    done, other = [], []
    for event in events:
        text = (event.payload or {}).get("text", "")
        found = states.get(event.pk)
        if found is not None and found.state == "done":
            done.append(_row(event, text))
        else:
            other.append(_row(event, text, *_not_done(found, event.item.account.get_platform_display())))
    return done, other


def answered(crisis: Any) -> ReportSection:
    return ReportSection(
        "inbox-1-answered", _("Answered on the platform"), _answers(crisis)[0], _("Nothing was answered.")
    )


def not_on_platform(crisis: Any) -> ReportSection | None:
    """Shown only when some answer has not reached the platform: nothing to say otherwise."""
    rows = _answers(crisis)[1]
    if not rows:
        return None
    return ReportSection("inbox-1-not-on-platform", _("Answers the platform has not confirmed"), rows)


def escalated(crisis: Any) -> ReportSection:
    rows = []
    for event in _events(crisis, ("escalated",)):
        # The citizen's comment, masked: a report is a copy that travels to the archive.
        parts = [mask(event.item.text[:EXCERPT])]
        if event.reason:
            parts.append(str(_("Reason: %(reason)s") % {"reason": event.reason}))
        draft = (event.payload or {}).get("draft")
        if draft:
            parts.append(str(_("Held draft: %(draft)s") % {"draft": draft}))
        rows.append(_row(event, " · ".join(parts)))
    return ReportSection("inbox-2-escalated", _("Escalated"), rows, _("Nothing was escalated."))


def waiting(crisis: Any) -> list[ReportRow]:
    """The items sent to the crisis team during the crisis that still wait for them (escalated,
    not answered or closed since), with the held answer when one was sent along."""
    latest: dict[int, ItemEvent] = {}
    times: dict[int, int] = {}
    for event in _events(crisis, ("escalated",)):
        payload = event.payload or {}
        if payload.get("target") != "crisis" or event.item.status.state != "escalated":
            continue
        # Once per item, at its latest sending (found: an answer sent twice was listed twice).
        latest[event.item_id] = event
        times[event.item_id] = times.get(event.item_id, 0) + 1
    rows = []
    for item_id, event in sorted(latest.items(), key=lambda found: (found[1].at, found[1].pk)):
        draft = (event.payload or {}).get("draft")
        # The tag says it is a held answer; the link shows the answer itself.
        text = draft[:EXCERPT] if draft else mask(event.item.text[:EXCERPT])
        row = _row(event, text, str(_("Held answer") if draft else _("Escalated")), "warning")
        rows.append(replace(row, times=times[item_id]))
    return rows
