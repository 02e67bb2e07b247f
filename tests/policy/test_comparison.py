"""The comparison of every pack, as the command line and the guidelines page both read it."""

from __future__ import annotations

from somevakt.policy.codes import COMPARE_TOPICS
from somevakt.policy.comparison import compare_data
from somevakt.policy.packs import list_packs, load_pack


def test_it_has_a_cell_for_every_topic_and_pack() -> None:
    data = compare_data()
    slugs = list(list_packs())
    assert list(data["policies"]) == slugs
    assert list(data["topics"]) == [topic for topic, _label in COMPARE_TOPICS]
    assert all(list(cells) == slugs for cells in data["topics"].values())


def test_it_lists_the_clauses_of_a_topic_by_id() -> None:
    data = compare_data()
    pack = load_pack("gausdal")
    assert data["topics"]["response_time"]["gausdal"] == [
        c.id for c in pack.clauses if c.topic == "response_time"
    ]
    assert data["settings"]["gausdal"]["deletion_grounds"] == []
