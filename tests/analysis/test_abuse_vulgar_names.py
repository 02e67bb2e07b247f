"""A vulgar name for a person, pointed at someone ("det pikkhuet som ...", "din drittsekk"), is a
personal attack whatever the comment classifier says (abuse 19): it scores such a question 0.004
insult, and the noun's definite form ("-et" after a stem in -e: "pikkhuet") was not in the lexicon's
endings. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


@pytest.mark.parametrize(
    "text",
    [
        "Kven er det kukhuet som sette containeren midt i gangvegen? Herregud.",
        "Hvem er det rasshølet som har parkert på handicapplassen igjen?",
        "For en drittsekk han er, den nye sjefen på teknisk.",
    ],
)
def test_a_vulgar_name_for_someone_is_an_insult(text: str) -> None:
    assert "abuse.insult" in codes(text), text


def test_swearing_at_a_thing_is_no_insult() -> None:
    assert "abuse.insult" not in codes("Faen, for et hull i veien ved kirka! Fiks det.")
