"""Every triage action but `none` has the one event that records it done."""

from __future__ import annotations

from somevakt.inbox.projection import ACTION_EVENTS, ANSWER_ACTIONS, ANSWER_EVENTS, EVENT_TYPES
from somevakt.inbox.services import REPLY_PURPOSES
from somevakt.policy.decision import INBOUND_ACTIONS


def test_it_names_an_event_for_every_action_that_can_be_done() -> None:
    assert set(ACTION_EVENTS) == set(INBOUND_ACTIONS) - {"none"}
    assert set(ACTION_EVENTS.values()) <= set(EVENT_TYPES)
    assert set(ANSWER_EVENTS) <= set(ACTION_EVENTS.values())


def test_it_answers_with_a_text_for_replies_thanks_and_referrals() -> None:
    assert ANSWER_ACTIONS == {"reply", "thank", "refer_formal", "refer_political"}
    assert REPLY_PURPOSES == {
        "thank": "replied",
        "reply": "replied",
        "refer_formal": "referred_formal",
        "refer_political": "referred_political",
        # Correcting a factual error (Rømskog, Gausdal 6) is a reply of its own kind.
        "correction": "replied",
    }
