"""English case requests and political matters (intent 16, issue 12): the classifier, trained on
Norwegian, hears "I want to formally appeal the decision" but not a formal complaint asked for in
other words, a tax assessment disputed, access to documents requested or a neighbour reported for
building without a permit; nor a demand on the budget. Asking how to appeal files nothing: a
question to answer. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def codes(text: str) -> set[str]:
    return {f.code for f in analyse(text, "comment").findings}


def action(text: str) -> str:
    return evaluate(text, "comment", load_pack("gausdal")).action


@pytest.mark.parametrize(
    "text",
    [
        "My application for a home-care place was turned down in May. Please treat this message as an "
        "appeal.",
        "We would like to lodge a complaint about the property tax assessment of our cabin.",
        "I am requesting access to the documents in the zoning case for Haugsvea.",
        "The people next door put up a carport without a building permit, I want to report it.",
    ],
)
def test_an_english_case_request_is_referred(text: str) -> None:
    assert "intent.case_request" in codes(text), text
    assert action(text) == "refer_formal"


@pytest.mark.parametrize(
    "text",
    [
        "How can I appeal the decision on my son's kindergarten place?",
        "Where do I send an application for a parking permit?",
    ],
)
def test_asking_how_is_a_question(text: str) -> None:
    assert "intent.case_request" not in codes(text), text
    assert action(text) == "reply"


@pytest.mark.parametrize(
    "text",
    [
        "Please prioritise the swimming hall in the budget instead of a new roundabout.",
        "We strongly oppose the closure of the youth club, the councillors should listen to us.",
    ],
)
def test_an_english_political_demand_is_referred(text: str) -> None:
    assert "intent.political" in codes(text), text
    assert action(text) == "refer_political"
