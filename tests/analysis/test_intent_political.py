"""Demands on the elected bodies are political however politely put; factual questions about the
elected bodies stay questions. Examples written for this test, none taken from a corpus or challenge set."""

from __future__ import annotations

import pytest

from somevakt.analysis import classifier
from somevakt.analysis.base import Document
from somevakt.analysis.intent import IntentAnalyser, info_question, political_demand


def comment_codes(text: str) -> set[str]:
    """What a citizen's comment gets, the comment classifier included."""
    return {f.code.removeprefix("intent.") for f in IntentAnalyser().analyse(Document(text, "comment"))}


@pytest.mark.parametrize(
    "text",
    [
        "Eg vil gjerne be formannskapet om å sjå på busstilbodet til Nordsida ein gong til.",
        "Vi ber politikerne ta vare på biblioteket i Vestbygda.",
        "Kjære kommunestyre, lytt til foreldrene før dere bestemmer dere.",
        "Dear councillors, please keep the swimming pool open in the summer.",
        "Røyst nei til nedbygginga av strandsona på torsdag.",
        "Ver så snill og utsett vedtaket om skulebussen til etter sommaren.",
        "Jeg håper dere revurderer forslaget om å flytte legekontoret.",
    ],
)
def test_a_demand_on_the_elected_bodies_is_political(text: str) -> None:
    assert political_demand(text.lower())
    assert "political" in comment_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # the administration asked, no elected body, no decision
        "Kan dere be brøytemannskapet komme tidligere på lørdag?",
        # an elected body named in passing, nothing asked of it
        "Ordføreren var på besøk i barnehagen i dag, ungene syntes det var stas.",
        # stemme as a voice
        "Koret trenger flere som kan synge andre stemme.",
    ],
)
def test_no_demand_on_the_elected_bodies(text: str) -> None:
    assert not political_demand(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "Når møtes kommunestyret neste gang?",
        "Kor finn eg sakspapira til formannskapsmøtet på tysdag?",
        "Hvem skal jeg kontakte om jeg vil snakke med en politiker om skoleveien?",
        "Blir budsjettet behandlet i formannskapet før jul, eller først i januar?",
    ],
)
def test_a_factual_question_about_the_elected_bodies_stays_a_question(text: str) -> None:
    assert info_question(text.lower())
    found = comment_codes(text)
    assert "question" in found
    assert "political" not in found


@pytest.mark.parametrize(
    "text",
    [
        # a question that carries a view or a complaint is not a plain factual one
        "Hvorfor vil kommunestyret legge ned skolen vår?",
        "Når skal politikerne ta oss i utkantene på alvor?",
        "Hva mener ordføreren om forslaget om eiendomsskatt?",
    ],
)
def test_a_question_with_a_view_is_not_a_plain_factual_question(text: str) -> None:
    assert not info_question(text.lower())


def test_irony_about_spending_is_criticism_to_answer_not_a_political_referral() -> None:
    text = "Så flott at kommunen har råd til nytt kunstverk i rundkjøringa mens skolen mangler lærere 👏👏"
    judgement = classifier.judgement(Document(text, "comment"))
    assert judgement is not None and judgement.says("political") and judgement.says("sarcasm")
    assert "political" not in comment_codes(text)


def test_an_ironic_demand_on_the_elected_bodies_stays_political() -> None:
    text = "Stem nei til den nye fontena, den er jo så mye viktigere enn skolen 🙄"
    assert "political" in comment_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # (session 20) the council's room, a march against a decision, the next election
        "På tirsdag sitter jeg på galleriet i kommunestyresalen med plakat mot nedleggingen.",
        "Fakkeltog mot bompengene fredag kl. 18 fra torget, møt opp!",
        "Det får dere svar på ved neste valg.",
    ],
)
def test_protest_and_the_vote_are_political_words(text: str) -> None:
    assert "intent.political" in IntentAnalyser().rule_codes(Document(text, "comment"))
