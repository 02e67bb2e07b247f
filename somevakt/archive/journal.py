"""Which inbox events become journal entries, and making them (idempotently).

The inbox records every action as an `ItemEvent`; this module turns the ones with documentation
value into `JournalEntry` rows: a referral (to formal case processing or to the political level),
a hiding, a deletion, and the municipality's replies to inquiries. The inbox calls
`journal_recorded` with every batch of new events (registered with `inbox.events.on_events_recorded`
in `apps.py`), so an entry is written in the same transaction as its event, and `sweep()` catches
up on anything that missed. Either way there is one entry per (item, reason) and one per reply
event, never a duplicate.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import translation

from somevakt.archive.formats.records import CONFIDENTIALITY_BASIS
from somevakt.archive.models import EntryKind, JournalEntry, Reason
from somevakt.inbox.models import Item, ItemEvent, ItemStatus
from somevakt.registry.platforms import PLATFORMS

log = logging.getLogger(__name__)

# Event type -> (reason, kind). `replied` is journaled only for inquiries (see `_reason_for`).
JOURNALED_EVENTS: dict[str, tuple[str, str]] = {
    "referred_formal": (Reason.REFER_FORMAL, EntryKind.INQUIRY),
    "referred_political": (Reason.REFER_POLITICAL, EntryKind.INQUIRY),
    "hidden": (Reason.HIDE, EntryKind.MODERATION),
    "deleted": (Reason.DELETE, EntryKind.MODERATION),
    "replied": (Reason.REPLY, EntryKind.REPLY),
}
INQUIRY_REASONS = (Reason.REFER_FORMAL, Reason.REFER_POLITICAL)

TITLES = {
    Reason.REFER_FORMAL: "Henvendelse via {platform} henvist til formell saksbehandling",
    Reason.REFER_POLITICAL: "Henvendelse via {platform} henvist til politisk nivå",
    Reason.HIDE: "Skjult kommentar på {platform}",
    Reason.DELETE: "Slettet kommentar på {platform}",
    Reason.REPLY: "Svar på henvendelse via {platform}",
}
# Finding codes that make somevakt propose screening: a duty of confidentiality, or personal data.
SCREENING_CODES_PREFIXES = ("confidential.", "personal_data.")


def _reason_for(event: ItemEvent, status: ItemStatus | None) -> tuple[str, str] | None:
    found = JOURNALED_EVENTS.get(event.type)
    if found is None:
        return None
    if event.type == "replied":
        # A reply is archived with the inquiry it answers: the item was referred, or triage said
        # it needs case processing (the inbox marks those replies for the archive).
        referred = JournalEntry.objects.filter(item_id=event.item_id, reason__in=INQUIRY_REASONS).exists()
        if not (referred or (status is not None and status.case_processing)):
            return None
    return found


def proposed_screening(codes: list[str]) -> tuple[bool, str]:
    """(screen?, legal basis) somevakt proposes for an item with these finding codes."""
    if any(code.startswith(SCREENING_CODES_PREFIXES) for code in codes):
        return True, CONFIDENTIALITY_BASIS
    return False, ""


def proposed_title(reason: str, item: Item) -> str:
    known = PLATFORMS.get(item.account.platform)
    # Titles are written in bokmål whoever is signed in: the archive keeps one language.
    with translation.override("nb"):
        platform = str(known.name) if known else item.account.platform
    return f"{TITLES[reason].format(platform=platform)} ({item.account.name})"[:300]


def journal_event(event: ItemEvent) -> JournalEntry | None:
    """The entry for `event` (made now, or the one already made); None if it is not journaled."""
    existing = JournalEntry.objects.filter(source_event=event).first()
    if existing is not None:
        return existing
    status = ItemStatus.objects.filter(pk=event.item_id).first()
    found = _reason_for(event, status)
    if found is None:
        return None
    reason, kind = found
    if reason != Reason.REPLY:
        same = JournalEntry.objects.filter(item_id=event.item_id, reason=reason).first()
        if same is not None:
            return same  # hidden again after an unhide: the first hiding is the entry
    item = Item.objects.select_related("account", "municipality").get(pk=event.item_id)
    screen, basis = proposed_screening(list(status.codes) if status is not None else [])
    try:
        with transaction.atomic():
            return JournalEntry.objects.create(
                municipality_id=item.municipality_id,
                item=item,
                source_event=event,
                reason=reason,
                kind=kind,
                title=proposed_title(reason, item),
                proposed_screening=screen,
                proposed_basis=basis,
            )
    except IntegrityError:
        # Someone else journaled it at the same moment.
        return JournalEntry.objects.filter(source_event=event).first() or (
            JournalEntry.objects.filter(item_id=event.item_id, reason=reason).first()
        )


def journal_recorded(events: list[ItemEvent]) -> None:
    """The inbox's listener: journal its new events in their transaction, never failing its action.

    The inbox's action must not fail because of the archive; whatever fails here is logged and
    journaled by the next `sweep()`.
    """
    for event in events:
        if event.type not in JOURNALED_EVENTS:
            continue
        try:
            with transaction.atomic():
                journal_event(event)
        except Exception:
            log.exception("archive: journaling event %s failed; the sweep will try again", event.pk)


def sweep(municipality: Any = None) -> int:
    """Journal every event that should have an entry but has none; returns how many were made."""
    events = ItemEvent.objects.filter(type__in=list(JOURNALED_EVENTS)).exclude(
        pk__in=JournalEntry.objects.values("source_event")
    )
    if municipality is not None:
        events = events.filter(municipality=municipality)
    made = 0
    for event in events.order_by("id").iterator(chunk_size=500):
        before = JournalEntry.objects.filter(source_event=event).exists()
        entry = journal_event(event)
        if entry is not None and not before and entry.source_event_id == event.pk:
            made += 1
    return made
