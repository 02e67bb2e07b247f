"""Praise of what the council or the municipality did, with no demand and no complaint, is thanked,
not referred to the elected (intent 18, issue 12). A demand on them or a complaint beside the praise
keeps the referral. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def action(text: str) -> str:
    return evaluate(text, "comment", load_pack("romskog")).action


@pytest.mark.parametrize(
    "text",
    [
        "Heia kommunen! Endelig et skikkelig kulturhus i bygda 🎉",
        "Så bra at kommunen henter sykepleiere fra utlandet, de nye på sykehjemmet er helt fantastiske!",
    ],
)
def test_praise_of_a_decision_is_thanked(text: str) -> None:
    assert action(text) == "thank", text


@pytest.mark.parametrize(
    "text",
    [
        "Bra med nytt kulturhus, men jeg ber kommunestyret stoppe nedleggelsen av skolen.",
        "Stem nei til bompengene på torsdag, kjære politikere!",
    ],
)
def test_a_demand_is_still_referred(text: str) -> None:
    assert action(text) == "refer_political", text
