"""Neutral comments addressed to the municipality are answered too (issue 15; Gausdal 5, Rømskog):
a comment with nothing else to say gets a reply and its deadline when it is written to us, not
when it answers another commenter; other guidelines leave it as read."""

from __future__ import annotations

import pytest

from somevakt.inbox.triage import triage
from somevakt.policy.engine import PolicyContext, evaluate
from somevakt.policy.packs import load_pack

NEUTRAL = "Veiarbeidet i Follebu er ferdig nå."


@pytest.mark.parametrize(
    ("slug", "action"), [("gausdal", "reply"), ("romskog", "reply"), ("hustadvika", "none")]
)
def test_the_engine_answers_a_neutral_comment_addressed_to_us_where_the_guideline_asks(slug, action):
    decision = evaluate(NEUTRAL, "comment", load_pack(slug), PolicyContext(addressed_to_us=True))
    assert decision.action == action
    assert evaluate(NEUTRAL, "comment", load_pack(slug)).action == "none"
    if action == "reply":
        assert "intent.addressed" in decision.codes


def test_it_leaves_a_comment_that_says_something_to_its_own_rule():
    pack = load_pack("gausdal")
    praise = evaluate("Tusen takk for flott innsats!", "comment", pack, PolicyContext(addressed_to_us=True))
    assert praise.action == "thank" and "intent.addressed" not in praise.codes


def test_triage_gives_a_top_level_comment_a_deadline_and_a_reply_to_another_commenter_none(make_item):
    top = make_item("111222333_1_1", NEUTRAL)
    triage(top)
    top.refresh_from_db()
    assert top.status.action == "reply" and top.status.due is not None
    answer = make_item("111222333_1_2", "Det stemmer, jeg kjørte der i går.", parent_id="111222333_1_1")
    answer.refresh_from_db()
    assert answer.parent_id == top.pk
    triage(answer)
    answer.refresh_from_db()
    assert answer.status.action == "none" and answer.status.due is None
