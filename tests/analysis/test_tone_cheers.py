"""A cheer, a bravo or congratulations is praise to thank for, though the comment classifier hears
nothing in it (tone 10, issue 12); a wink, a guess or a grumble beside it makes it irony or a
complaint instead. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


@pytest.mark.parametrize(
    "text",
    [
        "Heia Fjellvik IL! For ein kamp i går 💚",
        "Bravo til speidarane som rydda heile fjøra på laurdag 🏆",
        "Herleg å sjå så mange på skøyteisen i helga ☀️",
    ],
)
def test_a_cheer_is_thanked(text: str) -> None:
    assert "tone.praise" in codes(text), text
    assert evaluate(text, "comment", load_pack("gausdal")).action == "thank"


@pytest.mark.parametrize(
    "text",
    [
        "Gratulerer med ny rådmann. Tipper han holder løftene like lenge som den forrige 😉",
        "Gratulerer med ny hall, men garderobene er ikke ferdige.",
    ],
)
def test_a_cheer_with_a_wink_or_a_grumble_is_not_thanked(text: str) -> None:
    assert evaluate(text, "comment", load_pack("gausdal")).action != "thank", text
