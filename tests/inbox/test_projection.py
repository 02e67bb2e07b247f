"""The projection: one pure function from (status, event) to status."""

from __future__ import annotations

import datetime as dt

import pytest

from somevakt.inbox.projection import apply, initial_status, replay

T0 = dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.UTC)


def event(type: str, minutes: int = 0, **payload) -> dict:
    return {
        "id": minutes + 1,
        "type": type,
        "at": T0 + dt.timedelta(minutes=minutes),
        "actor_id": None,
        "reason": "",
        "clauses": [],
        "payload": payload,
    }


def triaged(action: str, also=(), codes=(), due="2026-03-05T10:00:00+01:00") -> dict:
    decision = {
        "action": action,
        "also": list(also),
        "clauses": ["gausdal:offisielle-kontoer-1"],
        "findings": [{"code": c, "start": 0, "end": 1, "severity": "info", "clauses": []} for c in codes],
        "input_hash": "abc",
        "policy_revision": "r1",
    }
    return event("triaged", 1, decision=decision, due=due)


def test_it_opens_a_triaged_item_with_the_decision_and_its_deadline():
    status = replay([event("received"), triaged("reply", codes=["intent.question"])])
    assert status["state"] == "open"
    assert status["action"] == "reply"
    assert status["codes"] == ["intent.question"]
    assert status["due"] == dt.datetime.fromisoformat("2026-03-05T10:00:00+01:00")
    assert status["needs_answer"] and status["open_work"]
    assert not status["triage_pending"]
    assert status["events"] == 2


def test_it_does_not_change_the_status_it_is_given():
    before = initial_status()
    after = apply(before, event("received"))
    assert before == initial_status()
    assert after is not before


def test_it_closes_the_work_when_the_item_is_answered():
    status = replay(
        [
            event("received"),
            triaged("reply"),
            event("assigned", 2, assignee_id=7),
            event("replied", 3, text="Hei"),
        ]
    )
    assert status["state"] == "answered"
    assert status["assignee_id"] == 7
    assert status["answered_at"] == T0 + dt.timedelta(minutes=3)
    assert not status["open_work"] and not status["needs_answer"]


def test_it_keeps_the_first_answer_time():
    status = replay([event("received"), triaged("reply"), event("replied", 3), event("replied", 9)])
    assert status["answered_at"] == T0 + dt.timedelta(minutes=3)


def test_it_marks_formal_referrals_hidden_and_deleted_content_for_the_archive():
    assert replay([event("received"), triaged("refer_formal"), event("referred_formal", 2)])[
        "archive_pending"
    ]
    assert replay([event("received"), event("hidden", 2)])["archive_pending"]
    assert replay([event("received"), event("deleted", 2)])["archive_pending"]
    assert not replay([event("received"), event("hidden", 2), event("archived", 3)])["archive_pending"]
    assert not replay([event("received"), triaged("reply"), event("replied", 2)])["archive_pending"]


def test_it_marks_a_referral_to_the_political_level_for_the_archive_as_a_formal_one():
    # The referral answers an inquiry the municipality forwards; the archive journals it.
    status = replay([event("received"), triaged("refer_political"), event("referred_political", 2)])
    assert status["state"] == "referred" and status["archive_pending"]


def test_it_archives_the_answer_to_an_inquiry_that_needs_case_processing():
    status = replay([event("received"), triaged("refer_formal"), event("replied", 2)])
    assert status["case_processing"] and status["archive_pending"]


def test_it_returns_a_hidden_item_to_work_when_it_is_shown_again():
    status = replay(
        [event("received"), triaged("reply"), event("assigned", 2, assignee_id=3), event("hidden", 3)]
    )
    assert status["state"] == "hidden" and status["hidden"]
    assert status["open_work"]  # hiding does not answer the question
    status = apply(status, event("unhidden", 4))
    assert status["state"] == "assigned" and not status["hidden"]


def test_it_finishes_the_work_when_hiding_was_all_the_guideline_asked():
    status = replay([event("received"), triaged("hide", codes=["personal_data.phone"]), event("hidden", 2)])
    assert not status["open_work"]


def test_it_tracks_an_escalation_until_it_is_answered():
    status = replay([event("received"), triaged("escalate_manager"), event("escalated", 2, to_id=5)])
    assert status["state"] == "escalated" and status["escalated"] and status["escalated_to_id"] == 5
    assert status["open_work"]
    status = apply(status, event("replied", 3))
    assert not status["escalated"] and status["state"] == "answered"


def test_it_flags_crisis_and_case_processing_from_the_action_and_also():
    crisis = replay([event("received"), triaged("escalate_crisis")])
    assert crisis["crisis"] and not crisis["case_processing"]
    formal = replay([event("received"), triaged("escalate_manager", also=["refer_formal", "hide"])])
    assert formal["case_processing"] and not formal["needs_answer"]


def test_it_reopens_a_closed_item_and_forgets_its_reminders():
    status = replay(
        [
            event("received"),
            triaged("reply"),
            event("reminded", 2, stage="before"),
            event("reminded", 3, stage="overdue"),
            event("closed", 4),
        ]
    )
    assert status["state"] == "closed" and not status["open_work"]
    assert status["reminded_before"] and status["reminded_overdue"]
    status = apply(status, event("reopened", 5))
    assert status["state"] == "open" and status["open_work"]
    assert not status["reminded_before"] and not status["reminded_overdue"]


def test_it_keeps_a_deleted_item_deleted_and_out_of_the_work():
    status = replay([event("received"), triaged("delete"), event("hidden", 2), event("deleted", 3)])
    assert status["state"] == "deleted" and status["deleted"] and not status["hidden"]
    assert not status["open_work"]


def test_it_asks_for_triage_again_after_an_edit():
    status = replay([event("received"), triaged("reply"), event("edited", 2, previous_text="x")])
    assert status["triage_pending"]
    assert status["state"] == "open"


def test_it_refuses_an_unknown_event_type():
    with pytest.raises(ValueError, match="unknown event type"):
        apply(initial_status(), event("liked"))


def test_it_counts_events_and_remembers_the_last_one():
    status = replay([event("received"), event("note", 5)])
    assert status["events"] == 2
    assert status["last_event_id"] == 6
    assert status["updated_at"] == T0 + dt.timedelta(minutes=5)


def test_it_moves_the_deadline_and_rearms_the_reminders_when_the_deadline_changes():
    status = replay(
        [
            event("received"),
            triaged("reply", codes=["intent.question"]),
            event("reminded", 2, stage="before"),
            event("reminded", 3, stage="overdue"),
            event("due_changed", 4, due="2026-03-06T10:00:00+01:00"),
        ]
    )
    assert status["due"] == dt.datetime(2026, 3, 6, 9, 0, tzinfo=dt.UTC)
    assert not status["reminded_before"] and not status["reminded_overdue"]
    assert status["state"] == "open" and status["needs_answer"]
