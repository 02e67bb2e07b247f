"""Matters for the administration that the comment classifier alone took for the elected bodies'
or for case processing (`intent._for_the_administration`), through the intent analyser and the
policy engine; upkeep undone as criticism (`tone.neglect_complaint`); and praise beside a question
or criticism, which is answered, never thanked. Our own examples; the first of each group is one the
shipped classifier says is political (or a case request) with no rule behind it."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.intent import IntentAnalyser
from somevakt.analysis.registry import analyse
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack


def intents(text: str) -> set[str]:
    return {f.code for f in IntentAnalyser().analyse(Document(text, "comment"))}


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen må få fart på brøytinga i Solbergvegen, vi kjem oss ikkje ut!",
        "Nordli skule treng nye toalett, dei gamle luktar vondt.",
        "Jeg er uenig i rektors beslutning om å avlyse skoleturen.",
        "Eg er usamd i at rektoren stengde skulegarden for syklar. Kvifor vart ikkje elevrådet spurt?",
    ],
)
def test_upkeep_and_a_head_teachers_decision_are_not_for_the_elected_bodies(text: str) -> None:
    assert "intent.political" not in intents(text)


@pytest.mark.parametrize(
    "text",
    [
        # money and priorities make upkeep political
        "Kommunen må bruke mer penger på brøyting i boligfeltene og mindre på konsulenter.",
        "Bruk pengane på vedlikehald av skulane i staden for nytt rådhus.",
        # an elected body named: the rule's match stands
        "Kommunestyret må få fart på brøytingen av Solbergveien!",
    ],
)
def test_upkeep_with_money_or_an_elected_body_stays_political(text: str) -> None:
    assert "intent.political" in intents(text)


def test_a_head_teachers_decision_is_answered_not_referred_to_the_politicians() -> None:
    text = "Eg er usamd i at rektoren stengde skulegarden for syklar. Kvifor vart ikkje elevrådet spurt?"
    for slug in ("gausdal", "romskog", "batsfjord"):
        assert evaluate(text, "comment", load_pack(slug)).action == "reply"


# Classifier 0.5.0 gave it political 0.33 under its threshold 0.59 and case_request 0.54 (0.4.0:
# political 0.70, case_request 0.41), 0.6.0 political 0.34 under 0.47 (a strict xfail until 0.9.0).
def test_a_sites_placement_is_the_elected_bodies_not_a_case_of_ones_own() -> None:
    text = "Vi vil ikkje ha nytt asylmottak på Haugen, det er feil plassering med tanke på skulevegen."
    assert intents(text) == {"intent.political"}
    for slug in ("gausdal", "romskog", "batsfjord"):
        assert evaluate(text, "comment", load_pack(slug)).action == "refer_political"


def test_a_case_request_the_rules_found_stays_beside_a_political_matter() -> None:
    text = "Eg har klaga på vedtaket om asylmottak på Haugen, det er feil plassering med tanke på skulevegen."
    assert "intent.case_request" in intents(text)
    assert evaluate(text, "comment", load_pack("gausdal")).action == "refer_formal"


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen må få fart på brøytinga i Solbergvegen, vi kjem oss ikkje ut!",
        # classifier 0.6.0 hears group hate in "dei gamle luktar vondt" (0.671); no protected group is
        # named, so abuse 10 does not report it (tests/analysis/test_hate_target.py)
        "Nordli skule treng nye toalett, dei gamle luktar vondt.",
        "Det var ikkje strødd på fortauet ved skulen i dag, ungane datt.",
    ],
)
def test_upkeep_undone_or_too_slow_is_criticism_to_answer(text: str) -> None:
    found = {f.code for f in analyse(text, "comment").findings}
    assert "tone.negative" in found and "tone.praise" not in found
    for slug in ("hustadvika", "gausdal", "romskog", "batsfjord"):
        assert evaluate(text, "comment", load_pack(slug)).action == "reply"


@pytest.mark.parametrize(
    "text",
    [
        "Vegen har aldri blitt brøytet så raskt som i år, takk!",
        "Takk til brøytemannskapet, vegen vår var brøyta før klokka seks!",
    ],
)
def test_upkeep_praised_is_still_thanked(text: str) -> None:
    assert evaluate(text, "comment", load_pack("gausdal")).action == "thank"


@pytest.mark.parametrize(
    "text",
    [
        "Takk for ein flott konsert i går! Når kjem neste?",
        "Tusen takk for svaret, men hvorfor er ikke fortauet strødd ennå?",
        "Så fint med nytt bibliotek. Synd at det stenger klokka tre, da er jo alle på jobb.",
    ],
)
def test_praise_beside_a_question_or_criticism_is_answered_not_thanked(text: str) -> None:
    found = {f.code for f in analyse(text, "comment").findings}
    assert found & {"intent.question", "tone.negative"}
    for slug in ("hustadvika", "gausdal", "romskog", "batsfjord"):
        assert evaluate(text, "comment", load_pack(slug)).action != "thank"
