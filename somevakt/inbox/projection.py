"""The item status as a pure function of its event log (DESIGN.md §3, Ozone-style moderation).

`apply(status, event)` is the ONLY place that decides what an event does to an item's
status. It runs when an event is written (in the same transaction) and when
`somevakt rebuild-status` replays the log, so both give the same row. It imports nothing
from Django: a status and an event are plain dicts.

An event dict: `{"id", "type", "at" (aware datetime), "actor_id", "reason", "clauses",
"payload"}`. The status dict has the keys of `initial_status()`, which are the columns of
`ItemStatus`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# The states of DESIGN.md §4 (`somevakt items --state`).
STATES: tuple[str, ...] = (
    "new",
    "open",
    "assigned",
    "answered",
    "referred",
    "escalated",
    "hidden",
    "deleted",
    "closed",
)

# DESIGN.md §3, plus what the platform or the worker adds: `edited` (the author changed the
# text on the platform), `reminded` (a deadline reminder was sent) and `due_changed` (the
# account's closures changed after triage, so the deadline moved).
EVENT_TYPES: tuple[str, ...] = (
    "received",
    "triaged",
    "assigned",
    "replied",
    "escalated",
    "referred_formal",
    "referred_political",
    "hidden",
    "unhidden",
    "deleted",
    "archived",
    "note",
    "closed",
    "reopened",
    "edited",
    "reminded",
    "due_changed",
)

# The event that records each triage action (`policy.decision.INBOUND_ACTIONS`) as done; `none`
# is never done. The one table of this: the answer composer, the archive and the tests read it.
ACTION_EVENTS: dict[str, str] = {
    "thank": "replied",
    "reply": "replied",
    "refer_formal": "referred_formal",
    "refer_political": "referred_political",
    "escalate_manager": "escalated",
    "escalate_crisis": "escalated",
    "hide": "hidden",
    "delete": "deleted",
}
# The answer that corrects a factual error (Rømskog, Gausdal 6): a reply of its own kind (its
# `purpose`), which links to the source on the municipality's website and is counted.
CORRECTION = "correction"
# The events that carry the municipality's own public text: a reply, a thank-you or a referral.
ANSWER_EVENTS: tuple[str, ...] = ("replied", "referred_formal", "referred_political")
# Triage actions that are finished by a public answer.
ANSWER_ACTIONS = frozenset(action for action, event in ACTION_EVENTS.items() if event in ANSWER_EVENTS)
# States in which someone still has to do something about the item.
WORK_STATES = frozenset({"new", "open", "assigned", "escalated"})


def initial_status() -> dict[str, Any]:
    return {
        "state": "new",
        "action": "",
        "also": [],
        "codes": [],
        "clauses": [],
        "due": None,
        "assignee_id": None,
        "escalated_to_id": None,
        "escalated": False,
        "hidden": False,
        "deleted": False,
        "open_work": True,
        "needs_answer": False,
        "case_processing": False,
        "crisis": False,
        "answered_at": None,
        "triaged_at": None,
        "triage_pending": True,
        "input_hash": "",
        "policy_revision": "",
        "archive_pending": False,
        "reminded_before": False,
        "reminded_overdue": False,
        "last_event_id": None,
        "events": 0,
        "updated_at": None,
    }


STATUS_FIELDS: tuple[str, ...] = tuple(initial_status())


def _datetime(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _back_to_work(status: dict[str, Any]) -> str:
    """The state of an item that needs someone again (unhidden, reopened)."""
    return "assigned" if status["assignee_id"] is not None else "open"


def apply(status: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The status after `event`; `status` itself is not changed."""
    kind = event["type"]
    if kind not in EVENT_TYPES:
        raise ValueError(f"unknown event type {kind!r}")
    s = dict(status)
    payload = event.get("payload") or {}
    at = _datetime(event["at"])
    state = s["state"]

    if kind == "received":
        s["state"] = "new"
        s["triage_pending"] = True
    elif kind == "edited":
        s["triage_pending"] = True
    elif kind == "triaged":
        decision = payload.get("decision") or {}
        s["action"] = decision.get("action", "none")
        s["also"] = list(decision.get("also", []))
        s["codes"] = sorted({f["code"] for f in decision.get("findings", [])})
        s["clauses"] = list(decision.get("clauses", []))
        s["due"] = _datetime(payload.get("due"))
        s["input_hash"] = decision.get("input_hash", "")
        s["policy_revision"] = decision.get("policy_revision", "")
        s["triaged_at"] = at
        s["triage_pending"] = False
        both = {s["action"], *s["also"]}
        s["case_processing"] = "refer_formal" in both
        s["crisis"] = "escalate_crisis" in both
        if state == "new":
            s["state"] = "open"
    elif kind == "assigned":
        s["assignee_id"] = payload.get("assignee_id")
        if state in {"new", "open", "assigned"}:
            s["state"] = "assigned" if s["assignee_id"] is not None else "open"
    elif kind == "replied":
        s["state"] = "answered"
        s["answered_at"] = s["answered_at"] or at
        s["escalated"] = False
        if s["case_processing"]:
            # Replies to inquiries that need case processing are archived with them.
            s["archive_pending"] = True
    elif kind in {"referred_formal", "referred_political"}:
        s["state"] = "referred"
        s["answered_at"] = s["answered_at"] or at
        s["escalated"] = False
        # Either referral answers an inquiry that the municipality forwards; both are archived
        # (archive.journal makes an entry for each).
        s["archive_pending"] = True
    elif kind == "escalated":
        s["state"] = "escalated"
        s["escalated"] = True
        s["escalated_to_id"] = payload.get("to_id")
        if payload.get("target") == "crisis":
            # Sent to the crisis team by a person, not only by the triage: the crisis tab shows it.
            s["crisis"] = True
    elif kind == "hidden":
        s["hidden"] = True
        s["archive_pending"] = True
        if state in {"new", "open", "assigned"}:
            s["state"] = "hidden"
    elif kind == "unhidden":
        s["hidden"] = False
        if state == "hidden":
            s["state"] = _back_to_work(s)
    elif kind == "deleted":
        s["deleted"] = True
        s["hidden"] = False
        s["escalated"] = False
        s["archive_pending"] = True
        s["state"] = "deleted"
    elif kind == "archived":
        s["archive_pending"] = False
    elif kind == "closed":
        s["state"] = "closed"
        s["escalated"] = False
    elif kind == "reopened":
        s["escalated"] = False
        if payload.get("crisis_undone"):
            s["crisis"] = "escalate_crisis" in {s["action"], *s["also"]}
        s["state"] = _back_to_work(s)
        s["reminded_before"] = False
        s["reminded_overdue"] = False
    elif kind == "reminded":
        stage = payload.get("stage")
        if stage == "before":
            s["reminded_before"] = True
        elif stage == "overdue":
            s["reminded_overdue"] = True
    elif kind == "due_changed":
        s["due"] = _datetime(payload.get("due"))
        # A new deadline gets its own reminders.
        s["reminded_before"] = False
        s["reminded_overdue"] = False
    # A `note` changes nothing but the counters.

    s["open_work"] = s["state"] in WORK_STATES or (
        s["state"] == "hidden" and s["answered_at"] is None and s["action"] not in {"hide", "none", ""}
    )
    s["needs_answer"] = s["open_work"] and s["answered_at"] is None and s["action"] in ANSWER_ACTIONS
    s["last_event_id"] = event.get("id")
    s["events"] = s["events"] + 1
    s["updated_at"] = at
    return s


def replay(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The status of an item with these events, in the order they were written."""
    status = initial_status()
    for event in events:
        status = apply(status, event)
    return status
