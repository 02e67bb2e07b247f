"""The inbox's one seam to the platforms: replies, hiding, unhiding and deleting on the platform.

The inbox only asks, inside the transaction that records the event, through the outbound
gateway that the integrations connect (`ports.connect_outbound`), and notes in the event what
it asked for; the integrations carry the call out after commit, with retries in the worker.
What the platform cannot do (Mastodon cannot hide or delete other people's replies) is done
in somevakt's own view and recorded as such.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from somevakt.inbox.ports import NOTHING, OPERATIONS, CallState, Capabilities, outbound
from somevakt.inbox.projection import ANSWER_EVENTS

log = logging.getLogger(__name__)


def capabilities(platform: str, kind: str = "comment") -> Capabilities:
    """What the account's platform lets us do with an item of this kind; nothing, when no
    integration is connected. (A mention in someone else's post cannot be hidden by us; a
    direct message is answered in its conversation and cannot be hidden at all.)"""
    gateway = outbound()
    return gateway.capabilities(platform, kind) if gateway is not None else NOTHING


def can(item: Any, op: str) -> bool:
    return capabilities(item.account.platform, item.kind).allows(op)


def request(item: Any, op: str, text: str = "") -> dict[str, Any]:
    """Ask for `op` on the platform; returns what the event records about it.

    `{"on_platform": False}` when the platform does not allow it (done in somevakt only);
    otherwise the outbound call's id, which the integrations carry out after commit.
    """
    if op not in OPERATIONS:
        raise ValueError(f"unknown platform operation {op!r}")
    gateway = outbound()
    if not can(item, op) or gateway is None:
        return {"on_platform": False}
    call = gateway.request(item.account, op, item.platform_id, text=text, item_id=item.pk, kind=item.kind)
    return {"on_platform": True, "outbound": "pending", "call_id": getattr(call, "pk", None)}


def states(item_ids: list[int]) -> dict[int, CallState]:
    """Where each platform call for these items stands, by call id (none without a gateway)."""
    gateway = outbound()
    return gateway.states(list(item_ids)) if gateway is not None and item_ids else {}


def retry(item: Any, call_id: int) -> CallState | None:
    """Ask the platform again for a failed call of this item; None if the item has no such call."""
    gateway = outbound()
    return gateway.retry(call_id, item.pk) if gateway is not None else None


def unreached(ops: tuple[str, ...] = OPERATIONS) -> Any:
    """The ids of items whose `ops` did not reach the platform, as a query for `item_id__in=`."""
    gateway = outbound()
    return gateway.unreached(ops) if gateway is not None else []


# The platform operation each event carries out (the answers are replies).
EVENT_OPERATIONS: dict[str, str] = {
    **{event: "reply" for event in ANSWER_EVENTS},
    "hidden": "hide",
    "unhidden": "unhide",
    "deleted": "delete",
}


@dataclass(frozen=True)
class OnPlatform:
    """The platform state of one action on an item (DESIGN.md §3), as the item page shows it.

    `state` is one of `ports.CALL_STATES`; `at` is when it was done or failed; `failure` one of
    `ports.FAILURES` and `error` the platform's own words (administrators only).
    """

    event: Any
    op: str
    state: str
    at: datetime | None = None
    failure: str = ""
    error: str = ""
    call_id: int | None = None
    retryable: bool = False
    # A failed hide since shown again in somevakt (or the other way round, or deleted since).
    superseded: bool = False


# Hiding and showing again undo each other: the later one is what is wanted.
TOGGLES = ("hidden", "unhidden")


def on_platform(events: list[Any]) -> list[OnPlatform]:
    """The platform state of each of these events that acted on the comment, in their order.

    An event the platform itself reported (the author deleted the comment) is done there; one
    the platform does not allow was done in somevakt only; the others are read from their call.
    """
    acting = [
        e
        for e in events
        if e.type in EVENT_OPERATIONS
        and "on_platform" in (e.payload or {})
        and not e.payload.get("not_needed")  # nothing was there to undo on the platform
    ]
    calls = states(sorted({e.item_id for e in acting}))
    last_toggle = {e.item_id: e.pk for e in events if e.type in TOGGLES}
    deleted = {e.item_id: e.pk for e in events if e.type == "deleted"}
    out = []
    for event in acting:
        # A hide or unhide is no longer wanted once the other followed, or the comment was deleted.
        superseded = event.type in TOGGLES and (
            last_toggle.get(event.item_id) != event.pk or deleted.get(event.item_id, 0) > event.pk
        )
        payload = event.payload or {}
        op = EVENT_OPERATIONS[event.type]
        if payload.get("by") == "platform":
            out.append(OnPlatform(event, op, "done", at=event.at))
        elif not payload.get("on_platform"):
            out.append(OnPlatform(event, op, "local", at=event.at))
        else:
            call = calls.get(payload.get("call_id") or -1)
            if call is None:  # the call's record is gone (purged); what was asked is all we know
                out.append(OnPlatform(event, op, "pending"))
                continue
            out.append(
                OnPlatform(
                    event,
                    call.op,
                    call.state,
                    at=call.at,
                    failure=call.failure,
                    error=call.error,
                    call_id=call.call_id,
                    retryable=call.retryable and not superseded,
                    superseded=superseded,
                )
            )
    return out
