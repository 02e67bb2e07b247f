"""Curses said to people are insults whatever the comment classifier says (it learnt that swearing is no
abuse, and scores "Faen ta dere!" 0.01 insult); swearing in praise, at things, or quoted is not."""

from __future__ import annotations

import pytest

from somevakt.analysis.abuse import AbuseAnalyser
from somevakt.analysis.base import Document


def insult(text: str) -> bool:
    return any(f.code == "abuse.insult" for f in AbuseAnalyser().analyse(Document(text, "comment")))


@pytest.mark.parametrize(
    "text",
    [
        "Faen ta dere!",
        "Dere kan dra til helvete, alle sammen.",
        "Gå til helvete alle sammen på teknisk.",
        "Hva driver dere med, de jævla tullingene i byggesaken?",
        "Parkeringsvaktene er noen jævla blodigler.",
        "Fuck you, kommune.",
    ],
)
def test_a_curse_said_to_people_is_an_insult(text: str) -> None:
    assert insult(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Hold kjeft, så bra konsert!",
        "Faen så bra det ble på torget!",
        "Noen jævla tyver stjal sykkelen min i natt.",
        "De jævla måkene er overalt på brygga.",
        "Dra til helvete med den regelen, sier jeg.",
        "Han ropte «faen ta dere» i møtet, helt uakseptabelt.",
    ],
)
def test_swearing_in_praise_at_things_or_quoted_is_no_insult(text: str) -> None:
    assert not insult(text), text
