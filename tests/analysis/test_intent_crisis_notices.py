"""The municipality's own crisis notices in other words, and replies that say it is over (intent 17,
issue 12). Hustadvika 1f blocks a crisis message the crisis management did not instruct, so a post
opening a warming shelter, telling people to leave or stay indoors, or saying a search goes on is a
crisis; a reply saying the slide is secured, the road open since Saturday, the fire out with nobody
hurt, or how to claim compensation is not. A lost dog is no missing person. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def crisis(text: str, kind: str) -> bool:
    return "intent.crisis" in {f.code for f in analyse(text, kind).findings}


@pytest.mark.parametrize(
    "text",
    [
        "Straumen er framleis borte i Nordbygda. Samfunnshuset er opna som varmestue frå klokka 15.",
        "Det brenn i lyngen ved Kvitfjell. Hytteeigarar i lia må forlate området no.",
        "Vi leiter fortsatt etter en kvinne i 70-årene som gikk fra sykehjemmet i morges.",
        "Elva har gått over sine bredder ved Moen. Beboere bes holde seg innendørs.",
    ],
)
def test_an_emergency_notice_is_a_crisis(text: str) -> None:
    assert crisis(text, "post"), text
    assert evaluate(text, "post", load_pack("hustadvika")).action == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Hei! Raset ved Bakken er no sikra, og alle kan flytte heim att frå i morgon. Helsing Åse",
        "Hei! Veien har vært åpen siden lørdag, og raset er ryddet. Hilsen Tor",
        "Hei! Brannen i naustet i går var liten, og ingen vart skadde. Brannvesenet har avslutta arbeidet. "
        "Helsing Endre",
        "Hei! Erstatning for skader etter flommen søker du om hos forsikringsselskapet ditt, og kommunen kan "
        "hjelpe med dokumentasjon. Hilsen Kari",
    ],
)
def test_a_reply_saying_it_is_over_is_no_crisis(text: str) -> None:
    assert not crisis(text, "reply"), text


def test_a_lost_dog_is_no_missing_person() -> None:
    assert not crisis("Vi leiter etter en hund som har stukket av, svart labrador.", "comment")
