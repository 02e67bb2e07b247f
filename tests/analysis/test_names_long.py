"""The names analyser on long texts: each name's checks search what follows it in place, and given
names the model missed are looked for only where the model reads, so a text of many names costs
time in proportion to its length ("fra Ola til " repeated over 80,000 characters took 11.7 s of
CPU before, in the square of the length; a text at the engine's limit of 100,000, minutes)."""

from __future__ import annotations

import time

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.names import NameAnalyser, _is_writer


@pytest.mark.parametrize("kind", ["comment", "reply", "private"])
@pytest.mark.parametrize("unit", ["fra Ola til ", "Kari og Per og Ola. ", "Hilsen Kari Nordmann\n"])
def test_a_long_text_of_names_is_read_in_time_in_proportion_to_its_length(kind: str, unit: str) -> None:
    def seconds(n: int) -> float:
        doc = Document((unit * (n // len(unit) + 1))[:n], kind)
        began = time.process_time()
        NameAnalyser().analyse(doc)
        return time.process_time() - began

    seconds(2_000)  # warm: the models load
    small, large = seconds(10_000), seconds(80_000)
    # in the square of the length, eight times the text took 64 times as long
    assert large < 20 * max(small, 0.05)


@pytest.mark.parametrize(
    ("text", "name", "writer"),
    [
        ("Takk for hjelpa. Hilsen en sint innbygger, Kari Nordmann", "Kari Nordmann", True),
        ("Hilsen til Kari Nordmann fra oss alle", "Kari Nordmann", False),
        ("Ha ein fin dag. Kari Nordmann", "Kari Nordmann", True),
        ("Ha ein fin dag. Kari Nordmann!!", "Kari Nordmann", True),
        ("Ha ein fin dag.\n— Kari Nordmann .", "Kari Nordmann", True),
        ("Kari Nordmann svarer aldri på telefonen.", "Kari Nordmann", False),
        ("Takk til Kari Nordmann for hjelpa 2", "Kari Nordmann", False),
    ],
)
def test_the_writer_is_still_told_from_a_person_named(text: str, name: str, writer: bool) -> None:
    start = text.index(name)
    end = start + len(name)
    assert _is_writer(text, start, end, name.split()[0].lower()) is writer
