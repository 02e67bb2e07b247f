"""English comments: the comment classifier learnt Norwegian, so an English question or small talk it
alone takes for a crisis is none unless it names a danger under way; English veiled threats (knowing
where someone parks, a shame if something happened) are threats, English harmless look-alikes not."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.english import looks_english
from somevakt.analysis.registry import analyse


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Is there a mosque or a prayer room in the municipality? We just moved here.", True),
        ("Where do I register my car for the commuter parking by the station?", True),
        ("Når kommer brøytebilen til Nordbygda? Vi har venta i to dagar.", False),
        ("Takk for en fin konsert i går, det var helt topp!", False),
        ("ok", False),
    ],
)
def test_it_tells_english_from_norwegian(text: str, english: bool) -> None:
    assert looks_english(Document(text).lower) is english


@pytest.mark.parametrize(
    "text",
    [
        "Is there a mosque or a prayer room in the municipality? We just moved here from Pakistan.",
        "My order number for the compost bin is 2026-114-887, when will it be delivered?",
        "Is 113 or 116 117 the right number if my kid gets sick on a weekend? New here.",
    ],
)
def test_english_questions_are_no_crisis(text: str) -> None:
    assert "intent.crisis" not in codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Water is coming through the ceiling at the youth centre right now and the kids are still inside, "
        "who do we call?",
        "The road up to the cabins is blocked by fallen trees and about 30 of us are stuck without power.",
    ],
)
def test_an_english_danger_under_way_is_a_crisis(text: str) -> None:
    assert "intent.crisis" in codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Tell the mayor I know where she parks her car every night. Would be a shame if something happened "
        "to it.",
        "Tell the guy at the building office that I know which car is his. He should check his brakes.",
        # the classifier, which learnt Norwegian, scores these 0.003-0.01: the pattern stands alone
        "The man from the council who fined my boat trailer should watch his back. Long dark roads out here.",
        "Whoever approved the quarry next to our farm should watch their back. We don't forget around here.",
    ],
)
def test_english_veiled_threats_are_threats(text: str) -> None:
    assert "abuse.threat" in codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I know where the library is, thanks!",
        "It would be a shame if something happened to the old church, please protect it.",
        "You should check your brakes before driving the mountain pass in winter.",
        # to the reader it is advice as often as a threat: the classifier decides
        "You should watch your back when cycling on the main road, the trucks are fast.",
    ],
)
def test_english_look_alikes_are_no_threats(text: str) -> None:
    assert "abuse.threat" not in codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "That councillor is a spineless rat. Someone should teach him a lesson in the parking lot.",
        "If that councillor shows his face at the harbour again, he'll go home with a broken nose.",
        "The guy on the council who voted against the bike path had better watch himself on his jog.",
    ],
)
def test_english_threats_in_a_private_post_are_threats(text: str) -> None:
    assert "abuse.threat" in {f.code for f in analyse(text, "private").findings}, text


def test_english_safety_advice_in_a_private_post_is_no_threat() -> None:
    text = "Remember you should check your brakes before winter, folks!"
    assert "abuse.threat" not in {f.code for f in analyse(text, "private").findings}


@pytest.mark.parametrize(
    ("text", "hate"),
    [
        ("Those Roma beggars outside the library should be chased out of town.", True),
        ("Polish workers in this town are all thieves and drunks.", True),
        ("Keep the Africans out of our town.", True),
        ("Immigrants should be welcomed with open arms.", False),
        ("The Polish workers at the fish plant are all so kind.", False),
    ],
)
def test_english_group_hate_is_hate(text: str, hate: bool) -> None:
    assert ("abuse.hate" in codes(text)) is hate, text
