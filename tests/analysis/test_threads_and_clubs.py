"""Three everyday shapes (intent 15, personal data 20, tone 9; issue 12). A comment that opens by
tagging people asks them, not the municipality: no `intent.question`, unless a tag or the text names
the municipality. A club's or a firm's account, named as theirs ("Nordli IL sitt kontonummer",
"idrettslaget sin konto"), is published for members, not a citizen's. Praise beside a failure said
in new words is irony: gone or washed away, nobody asked for it, nothing to run it with, forty calls,
weeks too late. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


def action(text: str, slug: str = "romskog") -> str:
    return evaluate(text, "comment", load_pack(slug)).action


@pytest.mark.parametrize(
    "text",
    [
        "@Ingrid Dahl blir du med på skøytebanen i kveld? ⛸",
        "@Tor @Mari Solberg kjem de på julemarknaden?",
    ],
)
def test_a_question_to_the_tagged_is_no_question_to_us(text: str) -> None:
    assert "intent.question" not in codes(text), text
    assert action(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "@Nordli kommune når blir skøytebanen islagt?",
        "Når blir skøytebanen islagt?",
        # a tagged employee asked about a case or a service is asked as the municipality
        "@Kari Nordmann når får jeg svar på søknaden min om barnehageplass?",
        "@Ola Hansen kan du fikse veilyset i Storgata?",
    ],
)
def test_a_question_to_the_municipality_stays_one(text: str) -> None:
    assert "intent.question" in codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Nordli IL sitt kontonummer for loddsalget er 1503.40.12358, merk med namnet på laget!",
        "Skolekorpset sin konto er 1503.40.12358 for dere som vil støtte turen til Danmark 🎺",
    ],
)
def test_a_clubs_account_is_no_personal_data(text: str) -> None:
    assert "personal_data.bank_account" not in codes(text), text


def test_a_citizens_account_still_is() -> None:
    assert "personal_data.bank_account" in codes("Refunder til kontoen min 1503.40.12358, takk.")


@pytest.mark.parametrize(
    "text",
    [
        "Kjempebra at straumen forsvann midt i julebaksten igjen. Tusen takk, kommunen!",
        "Strålende med ny fontene som ingen har bedt om, mens skolen lekker 👏",
        "Flott med nye brøytebiler, synd det ikke finnes sjåfører til dem 😊",
        "Takk for rask saksbehandling! Jeg har ringt 30 ganger siden sommeren.",
    ],
)
def test_praise_of_a_failure_is_irony(text: str) -> None:
    assert {"tone.negative", "tone.sarcasm"} <= codes(text), text
    assert action(text) == "reply"
