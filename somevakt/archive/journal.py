"""Which inbox events become journal entries, and making them (idempotently).

The inbox records every action as an `ItemEvent`; this module turns the ones with documentation
value into `JournalEntry` rows: a referral (to formal case processing or to the political level),
a hiding, a deletion, and the municipality's replies to inquiries. The inbox calls
`journal_recorded` with every batch of new events (registered with `inbox.events.on_events_recorded`
in `apps.py`), so an entry is written in the same transaction as its event, and `sweep()` catches
up on anything that missed. Either way there is one entry per (item, reason) and one per reply
event, never a duplicate.

The inbox's projection marks the same events `archive_pending` (`inbox.projection.apply`); a test
holds the two to the same list.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import translation

from somevakt.archive.documents import sweep_documents
from somevakt.archive.formats.records import CONFIDENTIALITY_BASIS
from somevakt.archive.models import EntryKind, JournalEntry, Reason
from somevakt.inbox.models import Item, ItemEvent, ItemKind, ItemStatus
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
# Events the sweep journals at once.
SWEEP_BATCH = 500
# Finding codes that make somevakt propose screening: a duty of confidentiality, or personal data.
SCREENING_CODES_PREFIXES = ("confidential.", "personal_data.")
# A private message (issue 16) is also proposed screened when it is about a case of the writer's own.
PRIVATE_SCREENING_CODES = ("intent.case_request",)


def _reason_for(event: ItemEvent, status: ItemStatus | None, referred: bool) -> tuple[str, str] | None:
    found = JOURNALED_EVENTS.get(event.type)
    if found is None:
        return None
    # A reply is archived with the inquiry it answers: the item was referred, or triage said it
    # needs case processing (the inbox marks those replies for the archive).
    if event.type == "replied" and not (referred or (status is not None and status.case_processing)):
        return None
    return found


def proposed_screening(codes: list[str], private: bool = False) -> tuple[bool, str]:
    """(screen?, legal basis) somevakt proposes for an item with these finding codes; `private`
    for a private message, which is proposed screened for a case of its own as well."""
    if any(code.startswith(SCREENING_CODES_PREFIXES) for code in codes):
        return True, CONFIDENTIALITY_BASIS
    if private and any(code in PRIVATE_SCREENING_CODES for code in codes):
        return True, CONFIDENTIALITY_BASIS
    return False, ""


def proposed_title(reason: str, item: Item) -> str:
    known = PLATFORMS.get(item.account.platform)
    # Titles are written in bokmål whoever is signed in: the archive keeps one language.
    with translation.override("nb"):
        platform = str(known.name) if known else item.account.platform
    return f"{TITLES[reason].format(platform=platform)} ({item.account.name})"[:300]


def journal_events(events: Sequence[ItemEvent]) -> list[JournalEntry | None]:
    """The entry for each event (made now, or the one already made); None where it is not journaled.

    A few queries for the whole batch, none when no event in it is of a journaled type. An
    entry someone else made at the same moment is taken as it is.
    """
    try:
        with transaction.atomic():
            return _journal(events)
    except IntegrityError:
        if len(events) == 1:
            # Someone else journaled it at the same moment: their entry is now there to be found.
            with transaction.atomic():
                return _journal(events)
        return [entry for event in events for entry in journal_events([event])]


def journal_event(event: ItemEvent) -> JournalEntry | None:
    """`journal_events` of one event."""
    return journal_events([event])[0]


def _journal(events: Sequence[ItemEvent]) -> list[JournalEntry | None]:
    entries: list[JournalEntry | None] = [None] * len(events)
    wanted = [(n, event) for n, event in enumerate(events) if event.type in JOURNALED_EVENTS]
    if not wanted:
        return entries
    item_ids = {event.item_id for _n, event in wanted}
    made = {
        entry.source_event_id: entry
        for entry in JournalEntry.objects.filter(source_event__in=[event.pk for _n, event in wanted])
    }
    # The first entry per (item, reason); replies have one each and are not looked up.
    by_reason: dict[tuple[int, str], JournalEntry] = {}
    for entry in (
        JournalEntry.objects.filter(item_id__in=item_ids).exclude(reason=Reason.REPLY).order_by("id")
    ):
        by_reason.setdefault((entry.item_id, entry.reason), entry)
    statuses = ItemStatus.objects.in_bulk(item_ids)
    items = Item.objects.select_related("account", "municipality").in_bulk(item_ids)
    new: list[JournalEntry] = []
    for n, event in wanted:
        if event.pk in made:
            entries[n] = made[event.pk]
            continue
        status = statuses.get(event.item_id)
        referred = any((event.item_id, reason) in by_reason for reason in INQUIRY_REASONS)
        found = _reason_for(event, status, referred)
        if found is None:
            continue
        reason, kind = found
        if (event.item_id, reason) in by_reason:
            entries[n] = by_reason[
                (event.item_id, reason)
            ]  # hidden again after an unhide: the first hiding is the entry
            continue
        item = items[event.item_id]
        screen, basis = proposed_screening(
            list(status.codes) if status is not None else [], private=item.kind == ItemKind.MESSAGE
        )
        entry = JournalEntry(
            municipality_id=item.municipality_id,
            item=item,
            source_event=event,
            reason=reason,
            kind=kind,
            title=proposed_title(reason, item),
            proposed_screening=screen,
            proposed_basis=basis,
        )
        if reason != Reason.REPLY:
            by_reason[(event.item_id, reason)] = entry
        new.append(entry)
        entries[n] = entry
    JournalEntry.objects.bulk_create(new)
    return entries


def journal_recorded(events: list[ItemEvent]) -> None:
    """The inbox's listener: journal its new events in their transaction, never failing its action.

    The inbox's action must not fail because of the archive; whatever fails here is logged and
    journaled by the next `sweep()`.
    """
    if not any(event.type in JOURNALED_EVENTS for event in events):
        return
    try:
        with transaction.atomic():
            journal_events(events)
    except Exception:
        log.exception(
            "archive: journaling events %s failed; the sweep will try again", [event.pk for event in events]
        )


def sweep(municipality: Any = None) -> int:
    """Journal every event, and every document the apps hand in, that should have an entry but
    has none; returns how many were made."""
    return _sweep_events(municipality) + sweep_documents(municipality)


def _sweep_events(municipality: Any = None) -> int:
    # NOT IN over a column with NULLs (a document's entry has no event) would match nothing.
    events = ItemEvent.objects.filter(type__in=list(JOURNALED_EVENTS)).exclude(
        pk__in=JournalEntry.objects.filter(source_event__isnull=False).values("source_event")
    )
    if municipality is not None:
        events = events.filter(municipality=municipality)
    made = 0
    batch: list[ItemEvent] = []
    for event in events.order_by("id").iterator(chunk_size=SWEEP_BATCH):
        batch.append(event)
        if len(batch) == SWEEP_BATCH:
            made += _journal_new(batch)
            batch = []
    return made + _journal_new(batch)


def _journal_new(events: list[ItemEvent]) -> int:
    """Journal `events`, none of which had an entry; how many got one of their own."""
    entries = journal_events(events)
    return sum(
        1 for event, entry in zip(events, entries, strict=True) if entry and entry.source_event_id == event.pk
    )
