"""Every topic and every part of somevakt a pack can name has words for people."""

from __future__ import annotations

from somevakt.guidelines.labels import PART_LABELS, STATUS_LABELS, line_range, role_names
from somevakt.policy.codes import APP_PARTS, ENFORCED_BY, GUIDANCE_PLACES, TOPICS
from somevakt.policy.labels import TOPIC_LABELS


def test_it_names_every_topic_status_and_part() -> None:
    assert set(TOPIC_LABELS) == set(TOPICS)
    assert set(STATUS_LABELS) == {"enforced", "workflow", "guidance"}
    assert set(PART_LABELS) == set(APP_PARTS + ENFORCED_BY + GUIDANCE_PLACES)


def test_it_says_lines_and_roles_in_norwegian() -> None:
    assert line_range((7, 7)) == "linje 7"
    assert line_range((7, 9)) == "linje 7–9"
    assert role_names(["unit_leader", "crisis_team"]) == "Enhetsleder, Kriseledelse"
    assert role_names([]) == "ingen"
