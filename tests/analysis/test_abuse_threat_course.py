"""A threat the comment classifier alone hears is dropped when what the writer announces is a lawful
course (a vote, a complaint, a lawyer, the press, a strike) or a hazard, unless the text also carries
a sign of harm. Most tests replace the classifier's verdict by one that hears a threat in everything,
so that they say what the rule does whatever model ships; the last ones run the shipped model."""

from __future__ import annotations

import pytest

from somevakt.analysis import abuse, classifier
from somevakt.analysis.abuse import AbuseAnalyser
from somevakt.analysis.base import Document
from tests.analysis.conftest import classifier_saying


def threat(text: str, kind: str = "comment") -> bool:
    return any(f.code == abuse.THREAT for f in AbuseAnalyser().analyse(Document(text, kind)))


LAWFUL = [
    # a vote
    "Husk at vi har stemmerett, kjære bystyre. Dette vil koste dere mange stemmer neste høst.",
    "Ordfører, dette får du merke på valgdagen, når jeg stemmer på et annet parti.",
    "Eg lovar deg: neste gong røystar heile familien vår på nokon andre.",
    # a complaint, an appeal, a lawyer, the ombudsman, the police
    "Dette er siste advarsel: vedtaket blir anket, og vi har allerede snakket med advokat.",
    "Regn med at saka går rett til Statsforvaltaren og deretter til Sivilombodet.",
    "Jeg kommer til å politianmelde hærverket på hytta, bare så dere vet det.",
    # the press, a strike, a protest, a speech
    "Svarer dere ikke innen fredag, går jeg til lokalavisa med hele saken.",
    "Vi streiker fra mandag om ikke lønnsoppgjøret blir fulgt opp. Dere er advart.",
    "Vi kjem til å stå med plakatar utanfor kommunehuset kvar dag. Heilt fredeleg, men vi gir oss ikkje.",
    # a hazard
    "Går du over myra i dag, ta det rolig: det er blankt is under snøen ved bekken.",
]

NOT_LAWFUL = [
    # the lawful course is over, refused or only a cover for something else
    "Jeg gidder ikke klage mer. Neste gang ordner jeg opp selv.",
    "Advokaten min har ingen ting med dette å gjøre. Jeg kommer med noe annet.",
    "Eg har prøvd med klage og avis. No blir det på ein annan måte.",
    # a sign of harm beside the lawful word
    "Klag du, men vi finner deg uansett, og da hjelper ingen advokat.",
    "Stemmer han for nedleggingen, får han passe seg når han kommer hjem.",
    "Den journalisten i avisa skal få kjenne hvordan det er å bli hengt ut, og mer enn det.",
    "Statsforvalteren kan si hva han vil. Jeg har et balltre i bilen.",
    # a fate promised, a car known, where someone parks
    "Han som snakka på folkemøtet ska få kjenn kor vondt det gjør å miste jobben.",
    "Vi kjem på folkemøtet. Og vi veit ka bil han kjører.",
    "Ta det opp i kommunestyret du, vi vet hvor han parkerer om kvelden.",
]


@pytest.mark.usefixtures("hears_a_threat_everywhere")
@pytest.mark.parametrize("text", LAWFUL)
def test_a_lawful_course_or_a_hazard_is_no_threat_by_the_classifier_alone(text: str) -> None:
    assert not threat(text)


@pytest.mark.usefixtures("hears_a_threat_everywhere")
@pytest.mark.parametrize("text", NOT_LAWFUL)
def test_a_sign_of_harm_keeps_the_classifiers_threat_beside_a_lawful_word(text: str) -> None:
    assert threat(text)


@pytest.mark.usefixtures("hears_a_threat_everywhere")
def test_a_lawful_word_does_not_drop_a_threat_the_rules_find() -> None:
    # the rules' own threat stands: the lawful course only answers the classifier's ear for form
    assert threat("Jeg skal drepe deg før valget, ordfører.")


@pytest.mark.usefixtures("hears_a_threat_everywhere")
def test_the_press_as_the_target_is_no_lawful_course() -> None:
    assert threat("Den journalisten skal få en smell han aldri glemmer.")
    assert threat("Han journalisten fra lokalavisa skal få det han fortjener.")


@pytest.mark.usefixtures("hears_a_threat_everywhere")
def test_a_private_post_announcing_a_lawful_course_is_no_threat_either() -> None:
    assert not threat(
        "Har sendt klage til tilsynet på han nye sjefen. Han skal få svare for seg der.", "private"
    )
    assert threat("Han som klaga meg inn skal få ein på tygga neste gang eg ser han.", "private")


# The same through the shipped comment classifier, no stand-in: it hears a threat in some of the lawful
# announcements (a vote promised "neste gong", a police report), and the rule must drop it; the
# announcements with a sign of harm that the model and rules find stay threats.
@pytest.mark.parametrize("text", LAWFUL)
def test_with_the_shipped_model_a_lawful_course_is_no_threat(text: str) -> None:
    assert not threat(text)


def test_with_the_shipped_model_the_rule_drops_a_threat_the_model_heard() -> None:
    heard = [t for t in LAWFUL if classifier.judgement(Document(t, "comment")).says("threat")]
    assert heard, "the shipped model hears no threat in any lawful announcement: choose new examples"
    assert not any(threat(t) for t in heard)


@pytest.mark.parametrize(
    "text",
    [
        "Jeg gidder ikke klage mer. Neste gang ordner jeg opp selv.",
        "Stemmer han for nedleggingen, får han passe seg når han kommer hjem.",
        "Statsforvalteren kan si hva han vil. Jeg har et balltre i bilen.",
    ],
)
def test_with_the_shipped_model_a_sign_of_harm_stays_a_threat(text: str) -> None:
    assert threat(text)


# An unsure threat with no sign of harm or promise (THREAT_UNSIGNED_FLOOR, session 20): a grant not yet
# paid, a late bus, a curse at the train are complaints; the same score with a sign stays a threat.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kontonummeret mitt for tilskuddet er 1234.56.78903. Jeg har fortsatt ikke fått pengene.", False),
        ("Jeg tar faen meg ikke bussen mer, sykler hele vinteren.", False),
        ("Tar dere ikke søpla mi på fredag, blir det blått øye på sjåføren.", True),
        ("Vi vet hvor han bor, saksbehandleren.", True),
    ],
)
def test_an_unsure_threat_needs_a_sign_of_harm(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: bool
) -> None:
    # a threat over its threshold (as 0.9.0's 0.16) and under the floor
    classifier_saying(monkeypatch, {"threat": 0.25}, thresholds={"threat": 0.16})
    assert threat(text) is expected
