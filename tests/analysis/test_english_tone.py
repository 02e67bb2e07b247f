"""The tone of English comments (tone 8, issue 12): the comment classifier learnt Norwegian and hears
little in English praise ("Lovely little island, we'll definitely be back") or criticism ("Thanks for
nothing"), so an English comment that says its tone in so many words is read by those words; praise
beside a failure is irony, and irony the classifier hears wins. English personal attacks ("is a
clueless clown") and veiled threats ("don't be surprised if someone takes matters into their own
hands") are found as in Norwegian, and their look-alikes are not. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.english import mostly_english
from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


def action(text: str) -> str:
    return evaluate(text, "comment", load_pack("romskog")).action


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Lovely old church. We'll definitely come back in spring", True),
        ("Thanks for nothing. Still waiting for my kid's place.", True),
        ("Takk for en kjempefin kveld på biblioteket, alle sammen!", False),
        ("Når er det åpent på jula?", False),
    ],
)
def test_short_english_is_told_from_norwegian(text: str, english: bool) -> None:
    assert mostly_english(text.lower()) is english


@pytest.mark.parametrize(
    "text",
    [
        "Bloody marvellous work on the ski tracks, kudos to the crew 🙌",
        "Lovely old church. We'll definitely come back in spring",
        "Heck, the new playground is gorgeous! Cheers to whoever planned it",
        "We want to thank everyone at the health station, the nurses were so kind to our baby.",
    ],
)
def test_english_praise_is_thanked(text: str) -> None:
    assert "tone.praise" in codes(text), text
    assert action(text) == "thank"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for nothing. Still waiting for my kid's place at the kindergarten.",
        "The state of the pavement by the station is a disgrace, someone will break a leg.",
        "Thank you for the reply, but the road is still closed and nobody has come.",
    ],
)
def test_english_criticism_is_answered(text: str) -> None:
    assert "tone.negative" in codes(text), text
    assert "tone.praise" not in codes(text), text
    assert action(text) == "reply"


@pytest.mark.parametrize(
    "text",
    [
        "Brilliant planning, really. The new cycle path ends in a locked gate 👏",
        "Amazing service as always: the library was closed on the one rainy day of the holiday.",
    ],
)
def test_english_praise_of_a_failure_is_irony(text: str) -> None:
    assert {"tone.negative", "tone.sarcasm"} <= codes(text), text
    assert action(text) == "reply"


def test_thanks_for_help_in_trouble_is_no_irony() -> None:
    text = "Huge thanks to Siri at the harbour office who found us beds when the last bus was cancelled!"
    assert "tone.praise" in codes(text) and "tone.sarcasm" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Frode Lien is a spineless coward. How he ever became head of planning I'll never know.",
        "The councillor for roads is an utter muppet.",
    ],
)
def test_english_personal_attacks_are_insults(text: str) -> None:
    assert "abuse.insult" in codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The clown at the Christmas party was fantastic, thank you!",
        "I'm not calling anyone names, but the answer I got was wrong.",
    ],
)
def test_english_look_alikes_are_no_insult(text: str) -> None:
    assert "abuse.insult" not in codes(text), text


def test_someone_else_taking_matters_into_their_hands_is_a_threat() -> None:
    text = (
        "Close the youth club and don't be surprised if somebody takes the law into their own hands. "
        "Friendly warning to the planning chief."
    )
    assert "abuse.threat" in codes(text)


def test_the_writer_fixing_it_himself_is_no_threat() -> None:
    assert "abuse.threat" not in codes(
        "Nobody came, so I took matters into my own hands and cleared the path."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (session 20) praise said as "is great", "a lifesaver", "thanks <place>!"
        ("The new swimming hall hours are great. Sunday mornings are a lifesaver for us.", "thank"),
        ("Wow, the fireworks over the harbour were unreal tonight. Thanks Nordvik!", "thank"),
        # criticism said as "not okay", "without any explanation"
        ("The dentist cancelled our appointment again without any explanation. Not okay.", "reply"),
        # praise no one ever said
        ("The bus is always on time, said nobody ever. Still waiting at the stop.", "reply"),
    ],
)
def test_english_praise_and_criticism_in_more_words(text: str, expected: str) -> None:
    assert action(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Tell your mayor she'd better watch her back at the ferry quay. Plenty of people would love to give "
        "her a little push.",
        "She should watch her back.",
    ],
)
def test_an_english_veiled_threat_is_found_in_a_longer_text(text: str) -> None:
    assert "abuse.threat" in codes(text)
    assert action(text) == "delete"
