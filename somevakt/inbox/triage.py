"""Triage: the municipality's own guideline decides what an item needs and by when.

The engine evaluates the text as kind `comment` with the municipality's pack; the
Decision is stored with the `triaged` event as a decision record (findings with masked
excerpts, the action, clauses, reasons, pack revision, analyser versions and the hash of
the text, never the text itself). Triage is idempotent per text and pack revision, so the
task, the sweep and the demo loader may all try the same item.

`triage_many()` does the same for many items at once: the language models run over all
their texts in one batch (per pack), and the `triaged` events are written in one
transaction (`events.record_many`). A crash anywhere leaves the items untriaged for the
sweep; none is triaged twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from somevakt.inbox.deadlines import calendar_for, due_for, pack_of
from somevakt.inbox.events import NewEvent, locked_status, locked_statuses, record, record_many
from somevakt.inbox.ingest import text_hash
from somevakt.inbox.models import Item, ItemStatus
from somevakt.policy.decision import Decision
from somevakt.policy.engine import MAX_TEXT_CHARS, decide, evaluate, evaluate_many
from somevakt.policy.schema import Pack
from somevakt.policy.worktime import WorkCalendar

log = logging.getLogger(__name__)

# An item still untriaged this long after it was stored has lost its task (a crash between
# storing and enqueueing, or a worker killed mid-task): the sweep triages it.
SWEEP_AFTER = dt.timedelta(seconds=30)
# Items analysed in one batch: large enough for the models to gain, small enough that the
# first item of a batch is not kept waiting long for the last.
BATCH_SIZE = 64


def decision_for(text: str, pack: Any) -> Decision:
    if not text.strip():
        # A photo or sticker without words: nothing for the analysers, the pack's default applies.
        return decide([], "comment", pack, text_length=len(text))
    return evaluate(text[:MAX_TEXT_CHARS], "comment", pack)


def is_current(status: ItemStatus, text: str, revision: str) -> bool:
    return (
        not status.triage_pending
        and status.input_hash == text_hash(text)
        and status.policy_revision == revision
    )


def triage(item: Item, *, actor_label: str = "worker") -> bool:
    """Triage `item` unless its current text is already triaged under the current pack.

    Returns True if a `triaged` event was written.
    """
    item = Item.objects.select_related("municipality", "account").get(pk=item.pk)
    pack = pack_of(item.municipality)
    status = ItemStatus.objects.get(pk=item.pk)
    if is_current(status, item.text, pack.revision):
        return False
    text = item.text
    # The slow part (the language models) runs outside any transaction.
    decision = decision_for(text, pack)
    return record_triage(item, text, decision, pack, actor_label=actor_label)


def decisions_for(texts: list[str], pack: Pack) -> list[Decision]:
    """`decision_for` of each text, the language models batched over all of them."""
    worded = [i for i, text in enumerate(texts) if text.strip()]
    batch = evaluate_many([texts[i][:MAX_TEXT_CHARS] for i in worded], "comment", pack)
    decisions = {i: decision for i, decision in zip(worded, batch, strict=True)}
    return [decisions[i] if i in decisions else decision_for(text, pack) for i, text in enumerate(texts)]


def triage_many(items: Iterable[Item], *, actor_label: str = "worker") -> int:
    """Triage every item whose current text is not yet triaged under the current pack.

    Returns how many `triaged` events were written. The decisions are those `triage` gives
    one item at a time.
    """
    ids = [item.pk for item in items]
    if not ids:
        return 0
    loaded = (
        Item.objects.select_related("municipality", "account", "status").filter(pk__in=ids).order_by("id")
    )
    by_pack: dict[str, tuple[Pack, list[Item]]] = {}
    for item in loaded:
        pack = pack_of(item.municipality)
        if not is_current(item.status, item.text, pack.revision):
            by_pack.setdefault(pack.slug, (pack, []))[1].append(item)
    pending: list[tuple[Item, str, Decision, Pack]] = []
    for pack, group in by_pack.values():
        texts = [item.text for item in group]
        try:
            decisions = decisions_for(texts, pack)
        except Exception:
            # A fault in one text must not cost the others their triage: one by one, as the sweep does.
            log.exception("inbox: batch triage failed; triaging its %s items one by one", len(group))
            return sum(_triage_safely(item, actor_label) for item in ids_in(by_pack))
        pending += [(item, text, d, pack) for item, text, d in zip(group, texts, decisions, strict=True)]
    calendars: dict[int, WorkCalendar] = {}
    due = [_due(item, decision, pack, calendars) for item, _text, decision, pack in pending]
    try:
        with transaction.atomic():
            # Lock every status row of the batch and read the current texts in two queries,
            # then write every `triaged` event and status in two more.
            batch = [item.pk for item, *_rest in pending]
            statuses = locked_statuses(batch)
            texts_now = dict(Item.objects.filter(pk__in=batch).values_list("pk", "text"))
            written = [
                texts_now.get(item.pk) == text and not is_current(statuses[item.pk], text, pack.revision)
                for item, text, _decision, pack in pending
            ]
            record_many(
                [
                    _triaged_event(item, text, decision, when, actor_label)
                    for (item, text, decision, _pack), when, ok in zip(pending, due, written, strict=True)
                    if ok
                ],
                locked=statuses,
            )
    except Exception:
        log.exception("inbox: writing a batch of triage failed; writing its items one by one")
        written = [
            _record_safely(item, text, decision, pack, when, actor_label)
            for (item, text, decision, pack), when in zip(pending, due, strict=True)
        ]
    for (item, _text, decision, _pack), done in zip(pending, written, strict=True):
        if done:
            log.info("inbox: item %s triaged: %s %s", item.pk, decision.action, ",".join(decision.also))
    return sum(written)


def ids_in(by_pack: dict[str, tuple[Pack, list[Item]]]) -> list[Item]:
    return [item for _pack, group in by_pack.values() for item in group]


def _triage_safely(item: Item, actor_label: str) -> bool:
    try:
        return triage(item, actor_label=actor_label)
    except Exception:
        log.exception("inbox: triage of item %s failed; the sweep tries again", item.pk)
        return False


def _record_safely(
    item: Item, text: str, decision: Decision, pack: Pack, due: dt.datetime | None, actor_label: str
) -> bool:
    try:
        with transaction.atomic():
            return _write(item, text, decision, pack, due, actor_label)
    except Exception:
        log.exception("inbox: recording the triage of item %s failed; the sweep tries again", item.pk)
        return False


def _due(
    item: Item, decision: Decision, pack: Pack, calendars: dict[int, WorkCalendar]
) -> dt.datetime | None:
    if decision.action == "none":
        return None
    if item.account_id not in calendars:
        calendars[item.account_id] = calendar_for(item.municipality, item.account, pack)
    return due_for(item.received_at, item.municipality, item.account, pack, calendars[item.account_id])


def record_triage(
    item: Item, text: str, decision: Decision, pack: Pack, *, actor_label: str = "worker"
) -> bool:
    """Store `decision` on `text` as the item's `triaged` event, with the deadline it gives.

    False if the item's text changed meanwhile (its own triage follows) or someone else
    triaged this text first.
    """
    due = (
        due_for(item.received_at, item.municipality, item.account, pack)
        if decision.action != "none"
        else None
    )
    with transaction.atomic():
        written = _write(item, text, decision, pack, due, actor_label)
    if written:
        log.info("inbox: item %s triaged: %s %s", item.pk, decision.action, ",".join(decision.also))
    return written


def _write(
    item: Item, text: str, decision: Decision, pack: Pack, due: dt.datetime | None, actor_label: str
) -> bool:
    """The `triaged` event, inside the caller's transaction; False if it is not (or no longer) due."""
    status = locked_status(item)
    current_text = Item.objects.values_list("text", flat=True).get(pk=item.pk)
    if current_text != text or is_current(status, text, pack.revision):
        return False
    return _append_triaged(item, text, decision, due, actor_label)


def _append_triaged(
    item: Item, text: str, decision: Decision, due: dt.datetime | None, actor_label: str
) -> bool:
    event = _triaged_event(item, text, decision, due, actor_label)
    record(
        item,
        event.type,
        actor_label=event.actor_label,
        reason=event.reason,
        clauses=event.clauses,
        payload=event.payload,
    )
    return True


def _triaged_event(
    item: Item, text: str, decision: Decision, due: dt.datetime | None, actor_label: str
) -> NewEvent:
    record_ = decision.to_record()
    record_["input_hash"] = text_hash(text)
    return NewEvent(
        item,
        "triaged",
        actor_label=actor_label,
        reason=decision.reasons[0] if decision.reasons else "",
        clauses=decision.clauses,
        payload={"decision": record_, "due": due.isoformat() if due else None},
    )


def untriaged(older_than: dt.timedelta = SWEEP_AFTER):
    """Items whose triage is missing: never triaged, or edited since (their hash differs)."""
    cutoff = timezone.now() - older_than
    return Item.objects.filter(status__triage_pending=True, status__updated_at__lt=cutoff).order_by("id")


def sweep(older_than: dt.timedelta = SWEEP_AFTER, limit: int = 200) -> int:
    """Triage items whose task was lost, in batches. Returns how many were triaged."""
    items = list(untriaged(older_than)[:limit])
    return sum(
        triage_many(items[first : first + BATCH_SIZE], actor_label="sweep")
        for first in range(0, len(items), BATCH_SIZE)
    )
