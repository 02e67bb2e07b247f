"""Group hate that names the group by a euphemism or not at all: "they are not people like us", "the
dark youths by the kiosk are vermin". Dark evenings, dark clouds and robots that are not people are
no one's group."""

from __future__ import annotations

import pytest

from somevakt.analysis.abuse import AbuseAnalyser
from somevakt.analysis.base import Document


def hate(text: str) -> bool:
    return any(f.code == "abuse.hate" for f in AbuseAnalyser().analyse(Document(text, "comment")))


@pytest.mark.parametrize(
    "text",
    [
        "De «nye naboene» i blokka er ikke mennesker som oss, og det kommer de aldri til å bli.",
        "Dei der frå mottaket e ikkje menneske som oss andre.",
        "De mørke guttene på torget er et skadedyr for hele byen.",
        "Dei mørke karane utanfor butikken e noko pakk.",
    ],
)
def test_dehumanising_an_unnamed_or_euphemised_group_is_hate(text: str) -> None:
    assert hate(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Robotene på sykehjemmet er ikke mennesker, men de hjelper de ansatte.",
        "De mørke skyene i dag lover ikke godt for festivalen.",
        "Vi er alle mennesker som gjør feil, også i kommunen.",
        "De mørke kveldene er her, husk lykt på sykkelen.",
    ],
)
def test_dark_days_and_robots_are_no_group(text: str) -> None:
    assert not hate(text), text
