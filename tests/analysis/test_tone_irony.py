"""Praise of something the comment shows going badly is irony; praise clearly surer than a complaint is
thanked. Examples written for this test, none taken from a corpus or challenge set."""

from __future__ import annotations

import pytest

from somevakt.analysis import tone
from somevakt.analysis.base import Document
from somevakt.analysis.classifier import Judgement
from somevakt.analysis.tone import ToneAnalyser, ironic_praise


def comment_codes(text: str) -> set[str]:
    return {f.code for f in ToneAnalyser().analyse(Document(text, "comment"))}


@pytest.mark.parametrize(
    "text",
    [
        "Tusen takk for at dere aldri svarte på klagen min om gatelyset 👏",
        "Fantastisk service: meldinga mi har lege i skuffa til nokon på teknisk heile vinteren.",
        "Imponerande: eg søkte om kulturskuleplass i august og fekk svar i februar. Applaus!",
        "Herlig, svømmehallen har vært stengt i fem måneder nå 👍",
        "Takk for kjapt svar! (sendte spørsmålet i november)",
        "Topp vedlikehold, gata vår ser ut som et månelandskap.",
        "Gratulerer med ny barnehage, bare fire år forsinket 🎉",
        "Strålande vegvedlikehald, holene er så djupe at vi kan fiske i dei.",
    ],
)
def test_praise_of_a_failure_is_irony(text: str) -> None:
    assert ironic_praise(text.lower()) is not None
    found = comment_codes(text)
    assert {"tone.sarcasm", "tone.negative"} <= found
    assert "tone.praise" not in found


@pytest.mark.parametrize(
    "text",
    [
        # quick, and said to be quick
        "Imponerende rask behandling av søknaden vår, bare to uker! Takk til byggesak.",
        # a tip the writer had not thought of
        "Takk for tipset, det hadde jeg aldri kommet på selv 😊",
        # a month between asking and answer is no failure
        "Søkte om plass i mars, fikk svar i april. Takk for god hjelp!",
        # a long closure that is over now
        "Bassenget har vært stengt i fem måneder, tusen takk for at dere åpnet igjen!",
        # a failure without praise is plain criticism, not irony
        "Gatelyset har vært slukket i tre uker.",
    ],
)
def test_sincere_praise_and_plain_criticism_are_no_irony(text: str) -> None:
    assert ironic_praise(text.lower()) is None


@pytest.mark.parametrize(
    "text",
    [
        "Tusen takk til dere som fikset lekeplassen, den er supert fin nå 😊",
        "Helsestasjonen er flott, takk for at dere tok dere tid til oss i dag!",
    ],
)
def test_clear_praise_is_thanked(text: str) -> None:
    found = comment_codes(text)
    assert "tone.praise" in found
    assert "tone.sarcasm" not in found


def _judged(text: str, praise: float, complaint: float) -> set[str]:
    """The tone of a comment the classifier scored so, both labels over their thresholds."""
    thresholds = {"praise": 0.2, "complaint": 0.33, "sarcasm": 0.31}
    judgement = Judgement({"praise": praise, "complaint": complaint, "sarcasm": 0.05}, thresholds, {})
    return {f.code for f in tone._judged_tone(Document(text, "comment"), judgement)}


def test_praise_clearly_surer_than_a_complaint_is_thanked_alone() -> None:
    text = "Takk for at dere endelig fikset lyset i gata, det var mørkt lenge, men nå er det supert."
    assert _judged(text, praise=0.85, complaint=0.45) == {"tone.praise"}


def test_praise_and_a_complaint_near_each_other_are_both_kept() -> None:
    text = "Fint at dere informerer, men det burde kommet på engelsk også."
    assert _judged(text, praise=0.5, complaint=0.45) == {"tone.praise", "tone.negative"}


def test_a_rule_complaint_wins_over_praise_however_sure() -> None:
    text = "Takk til Per på teknisk, men han tar aldri telefonen."
    assert _judged(text, praise=0.95, complaint=0.4) == {"tone.negative"}


@pytest.mark.parametrize(
    "text",
    [
        "Gartnerne gjorde en flott jobb i parken, men søppelbøttene er ikke tømt på en måned. Skjerpings!",
        "Konserten var kjempefin, men informasjonen om parkering kunne vært mye bedre.",
        "Takk for svaret, men tre måneders ventetid på en enkel søknad er ikke godt nok.",
    ],
)
def test_criticism_said_outright_is_answered_though_someone_is_praised(text: str) -> None:
    assert tone.outright_criticism(text.lower()) is not None
    found = comment_codes(text)
    assert "tone.negative" in found
    assert "tone.praise" not in found


@pytest.mark.parametrize(
    "text",
    ["Det var mer enn godt nok for oss, takk!", "Bedre kunne det ikke blitt, tusen takk til alle."],
)
def test_praise_that_says_good_enough_is_no_criticism(text: str) -> None:
    assert tone.outright_criticism(text.lower()) is None
