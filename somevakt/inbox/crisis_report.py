"""The inbox's part of a crisis report (crisis.listeners): what was answered during the crisis on
the accounts it held, and what was escalated, with the held drafts sent to the crisis team."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from somevakt.analysis.masking import mask
from somevakt.crisis.listeners import ReportRow, ReportSection
from somevakt.inbox.access import display_name
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
    return list(found.select_related("item__account", "item__municipality", "actor").order_by("at", "id"))


def _row(event: ItemEvent, text: str) -> ReportRow:
    return ReportRow(
        at=event.at,
        account=event.item.account.name,
        what=str(event.type),
        text=text[:EXCERPT],
        who=display_name(event.actor) if event.actor else event.actor_label,
        url=item_url(event.item),
    )


def answered(crisis: Any) -> ReportSection:
    rows = [_row(e, (e.payload or {}).get("text", "")) for e in _events(crisis, ANSWER_EVENTS)]
    return ReportSection("inbox-1-answered", _("Answered"), rows, _("Nothing was answered."))


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
