"""The inbox names actions with the core's words (as `somevakt check` does), and names every verdict
on a draft reply."""

from __future__ import annotations

from django.utils import translation

from somevakt.inbox.labels import CHECK_LABELS, action_label
from somevakt.policy.decision import OUTGOING_ACTIONS
from somevakt.policy.labels import action_labels


def test_it_names_an_action_as_the_command_line_does_in_the_request_language() -> None:
    with translation.override("nn"):
        assert action_label("escalate_manager") == "Ta opp med leiar"
    with translation.override("en"):
        assert action_label("reply") == "Answer"
    with translation.override("nb"):
        assert action_label("refer_formal").lower() == action_labels("nb")["refer_formal"]


def test_it_says_when_triage_has_not_run() -> None:
    with translation.override("nb"):
        assert action_label("") == "Ikke vurdert ennå"


def test_it_names_every_verdict_on_a_draft() -> None:
    assert set(CHECK_LABELS) == set(OUTGOING_ACTIONS)
