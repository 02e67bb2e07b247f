"""The confidential analyser on long texts: its lookups are bounded, so a long reply or private
post costs time in proportion to its length (a 40,000-character reply repeating "du er syk og"
took 3 s, and twice as long a text four times that, before they were)."""

from __future__ import annotations

import random
import time

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import (
    _CONDITION,
    ConfidentialAnalyser,
    _condition_before,
    _overlap_test,
    _overlaps,
)


def test_condition_before_is_the_search_from_the_start() -> None:
    text = (
        "når eleven kom. hvis en pasient får demens, dersom beboeren flytter. møte om jenta. "
        "kvar gong eit barn er sjukt, etter at den nye eleven begynte, så snart bebuaren. om det"
    )
    for at in range(len(text) + 1):
        assert _condition_before(text, at) == (_CONDITION.search(text, 0, at) is not None), at


def test_overlap_test_is_overlaps() -> None:
    rng = random.Random(7)
    for _ in range(200):
        firsts = [rng.randrange(0, 60) for _ in range(rng.randrange(0, 8))]
        spans = [(a, a + rng.randrange(0, 6)) for a in firsts]
        test = _overlap_test(spans)
        for start in range(0, 62, 3):
            for end in (start, start + 1, start + 4, start + 9):
                assert test(start, end) == _overlaps(start, end, spans), (spans, start, end)


@pytest.mark.parametrize("kind", ["reply", "post", "private"])
@pytest.mark.parametrize(
    "unit",
    [
        "du er syk og ",  # a matter and the reader said of it, thousands of times in one sentence
        "Eleven i 3B har kreft. Hun på rom 12 er dement. ",  # thousands of sentences the rules judge
    ],
)
def test_a_long_text_is_read_in_time_in_proportion_to_its_length(kind: str, unit: str) -> None:
    def seconds(n: int) -> float:
        doc = Document((unit * (n // len(unit) + 1))[:n], kind)
        began = time.process_time()
        ConfidentialAnalyser().analyse(doc)
        return time.process_time() - began

    seconds(2_000)  # warm
    small, large = seconds(20_000), seconds(160_000)
    # in the square of the length, eight times the text took 64 times as long (15 s and more)
    assert large < 20 * max(small, 0.01)
