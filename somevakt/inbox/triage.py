"""Triage: the municipality's own guideline decides what an item needs and by when.

The engine evaluates the text as kind `comment` with the municipality's pack; the
Decision is stored with the `triaged` event as a decision record (findings with masked
excerpts, the action, clauses, reasons, pack revision, analyser versions and the hash of
the text, never the text itself). Triage is idempotent per text and pack revision, so the
task, the worker's ingest, the sweep and the demo loader may all try the same item.

`triage_many()` is the one way in: the language models run over all the items' texts in
one batch (per pack), and `record_triages()` writes the `triaged` events in one
transaction (`events.record_many`). `triage()` and `record_triage()` are one item: a
batch of one. A crash anywhere leaves the items untriaged for the sweep; none is triaged
twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from somevakt.inbox.deadlines import calendar_for, due_for, pack_of
from somevakt.inbox.events import NewEvent, locked_statuses, record_many
from somevakt.inbox.hashing import text_hash
from somevakt.inbox.models import Item, ItemStatus
from somevakt.policy.decision import Decision
from somevakt.policy.engine import MAX_TEXT_CHARS, PolicyContext, decide, evaluate, evaluate_many
from somevakt.policy.schema import Pack
from somevakt.policy.worktime import WorkCalendar

log = logging.getLogger(__name__)

# A word: two letters or more.
_WORD = re.compile(r"[^\W\d_]{2,}")
# An item still untriaged this long after it was stored has lost its task (a crash between
# storing and enqueueing, or a worker killed mid-task): the sweep triages it.
SWEEP_AFTER = dt.timedelta(seconds=30)
# Items analysed in one batch: large enough for the models to gain, small enough that the
# first item of a batch is not kept waiting long for the last.
BATCH_SIZE = 64


def addressed_to_us(item: Item) -> bool:
    """Whether the item is written to the municipality in words: anything but a reply to another
    commenter's comment, and more than an emoji or a name tagged (Gausdal 5, Rømskog: neutral
    comments addressed to us are answered)."""
    return item.parent_id is None and len(_WORD.findall(item.text)) >= 2


def decision_for(text: str, pack: Pack, addressed: bool = False) -> Decision:
    context = PolicyContext(addressed_to_us=addressed)
    if not text.strip():
        # A photo or sticker without words: nothing for the analysers, the pack's default applies.
        return decide([], "comment", pack, context, text_length=len(text))
    return evaluate(text[:MAX_TEXT_CHARS], "comment", pack, context)


def is_current(status: ItemStatus, text: str, revision: str) -> bool:
    return (
        not status.triage_pending
        and status.input_hash == text_hash(text)
        and status.policy_revision == revision
    )


@dataclass(frozen=True)
class Decided:
    """A decision on `text`, the item's text when it was judged, under `pack`."""

    item: Item
    text: str
    decision: Decision
    pack: Pack


def decisions_for(texts: list[str], pack: Pack, addressed: list[bool] | None = None) -> list[Decision]:
    """`decision_for` of each text, the language models batched over all of them."""
    addressed = addressed if addressed is not None else [False] * len(texts)
    worded = [i for i, text in enumerate(texts) if text.strip()]
    batch = evaluate_many(
        [texts[i][:MAX_TEXT_CHARS] for i in worded],
        "comment",
        pack,
        [PolicyContext(addressed_to_us=addressed[i]) for i in worded],
    )
    decisions = {i: decision for i, decision in zip(worded, batch, strict=True)}
    return [
        decisions[i] if i in decisions else decision_for(text, pack, addressed[i])
        for i, text in enumerate(texts)
    ]


def triage_many(items: Iterable[Item], *, actor_label: str = "worker") -> int:
    """Triage every item whose current text is not yet triaged under the current pack.

    Returns how many `triaged` events were written. What fails is logged and left to the sweep.
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
    # The slow part (the language models) runs outside any transaction.
    decided = [d for pack, group in by_pack.values() for d in _decide(group, pack)]
    return sum(record_triages(decided, actor_label=actor_label))


def triage(item: Item, *, actor_label: str = "worker") -> bool:
    """Triage `item` unless its current text is already triaged under the current pack.

    Returns True if a `triaged` event was written.
    """
    return triage_many([item], actor_label=actor_label) == 1


def _decide(group: list[Item], pack: Pack) -> list[Decided]:
    texts = [item.text for item in group]
    try:
        decisions = decisions_for(texts, pack, [addressed_to_us(item) for item in group])
    except Exception:
        if len(group) == 1:
            log.exception("inbox: triage of item %s failed; the sweep tries again", group[0].pk)
            return []
        # A fault in one text must not cost the others their triage: each alone, as a batch of one.
        log.exception("inbox: batch triage failed; triaging its %s items one by one", len(group))
        return [d for item in group for d in _decide([item], pack)]
    return [Decided(item, text, d, pack) for item, text, d in zip(group, texts, decisions, strict=True)]


def record_triages(decided: Sequence[Decided], *, actor_label: str = "worker") -> list[bool]:
    """Store each decision as its item's `triaged` event, with the deadline it gives; one bool each.

    All in one transaction. False for an item whose text changed meanwhile (its own triage
    follows) or whose text someone else triaged first. If the batch cannot be written, each
    is written alone so one bad entry costs only itself; one that still fails is logged and
    left to the sweep.
    """
    if not decided:
        return []
    calendars: dict[int, WorkCalendar] = {}
    due = [_due(d, calendars) for d in decided]
    try:
        written = _write(decided, due, actor_label)
    except Exception:
        if len(decided) == 1:
            log.exception(
                "inbox: recording the triage of item %s failed; the sweep tries again", decided[0].item.pk
            )
            return [False]
        log.exception("inbox: writing a batch of triage failed; writing its items one by one")
        return [record_triages([d], actor_label=actor_label)[0] for d in decided]
    for d, done in zip(decided, written, strict=True):
        if done:
            log.info("inbox: item %s triaged: %s %s", d.item.pk, d.decision.action, ",".join(d.decision.also))
    return written


def record_triage(
    item: Item, text: str, decision: Decision, pack: Pack, *, actor_label: str = "worker"
) -> bool:
    """`record_triages` of one decision."""
    return record_triages([Decided(item, text, decision, pack)], actor_label=actor_label)[0]


def _write(decided: Sequence[Decided], due: list[dt.datetime | None], actor_label: str) -> list[bool]:
    with transaction.atomic():
        # Lock every status row of the batch and read the current texts in two queries,
        # then write every `triaged` event and status in two more.
        ids = [d.item.pk for d in decided]
        statuses = locked_statuses(ids)
        texts_now = dict(Item.objects.filter(pk__in=ids).values_list("pk", "text"))
        written: list[bool] = []
        events: list[NewEvent] = []
        for d, when in zip(decided, due, strict=True):
            pk = d.item.pk
            ok = texts_now.get(pk) == d.text and not is_current(statuses[pk], d.text, d.pack.revision)
            written.append(ok)
            if ok:
                events.append(_triaged_event(d.item, d.text, d.decision, when, actor_label))
                # Taken out so that an item given twice is triaged once.
                texts_now.pop(pk)
        record_many(events, locked=statuses)
    return written


def _due(decided: Decided, calendars: dict[int, WorkCalendar]) -> dt.datetime | None:
    item, pack = decided.item, decided.pack
    if decided.decision.action == "none":
        return None
    if item.account_id not in calendars:
        calendars[item.account_id] = calendar_for(item.municipality, item.account, pack)
    return due_for(item.received_at, item.municipality, item.account, pack, calendars[item.account_id])


def _triaged_event(
    item: Item, text: str, decision: Decision, due: dt.datetime | None, actor_label: str
) -> NewEvent:
    record_ = decision.to_record()
    record_["input_hash"] = text_hash(text)
    return NewEvent(
        item,
        "triaged",
        actor_label=actor_label,
        # The event's own reason column is bokmål; the page reads every language from the payload.
        reason=decision.reasons[0].nb if decision.reasons else "",
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
