"""Triage: the municipality's own guideline decides what an item needs and by when.

The engine evaluates the text as kind `comment` with the municipality's pack; the
Decision is stored with the `triaged` event as a decision record (findings with masked
excerpts, the action, clauses, reasons, pack revision, analyser versions and the hash of
the text, never the text itself). Triage is idempotent per text and pack revision, so the
task, the sweep and the demo loader may all try the same item.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from somevakt.inbox.deadlines import due_for, pack_of
from somevakt.inbox.events import locked_status, record
from somevakt.inbox.ingest import text_hash
from somevakt.inbox.models import Item, ItemStatus
from somevakt.policy.decision import Decision
from somevakt.policy.engine import MAX_TEXT_CHARS, decide, evaluate
from somevakt.policy.schema import Pack

log = logging.getLogger(__name__)

# An item still untriaged this long after it was stored has lost its task (a crash between
# storing and enqueueing, or a worker killed mid-task): the sweep triages it.
SWEEP_AFTER = dt.timedelta(seconds=30)


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


def record_triage(
    item: Item, text: str, decision: Decision, pack: Pack, *, actor_label: str = "worker"
) -> bool:
    """Store `decision` on `text` as the item's `triaged` event, with the deadline it gives.

    False if the item's text changed meanwhile (its own triage follows) or someone else
    triaged this text first.
    """
    record_ = decision.to_record()
    record_["input_hash"] = text_hash(text)
    due = (
        due_for(item.received_at, item.municipality, item.account, pack)
        if decision.action != "none"
        else None
    )
    with transaction.atomic():
        status = locked_status(item)
        current_text = Item.objects.values_list("text", flat=True).get(pk=item.pk)
        if current_text != text or is_current(status, text, pack.revision):
            return False
        record(
            item,
            "triaged",
            actor_label=actor_label,
            reason=decision.reasons[0] if decision.reasons else "",
            clauses=decision.clauses,
            payload={"decision": record_, "due": due.isoformat() if due else None},
        )
    log.info("inbox: item %s triaged: %s %s", item.pk, decision.action, ",".join(decision.also))
    return True


def untriaged(older_than: dt.timedelta = SWEEP_AFTER):
    """Items whose triage is missing: never triaged, or edited since (their hash differs)."""
    cutoff = timezone.now() - older_than
    return Item.objects.filter(status__triage_pending=True, status__updated_at__lt=cutoff).order_by("id")


def sweep(older_than: dt.timedelta = SWEEP_AFTER, limit: int = 200) -> int:
    """Triage items whose task was lost. Returns how many were triaged."""
    done = 0
    for item in untriaged(older_than)[:limit]:
        try:
            done += triage(item, actor_label="sweep")
        except Exception:
            # One broken item must not stop the others; the next sweep tries it again.
            log.exception("inbox: triage of item %s failed", item.pk)
    return done
