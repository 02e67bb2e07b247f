"""Crises told without a crisis noun, and dangers that are past or only foreseen. Examples written for
this test, none taken from a corpus or challenge set."""

from __future__ import annotations

import pytest

from somevakt.analysis import classifier
from somevakt.analysis.base import Document
from somevakt.analysis.intent import IntentAnalyser, _unsure_without_danger, acute_danger
from somevakt.analysis.models import cache_of


def comment_codes(text: str) -> set[str]:
    """What a citizen's comment gets, the comment classifier included."""
    return {f.code.removeprefix("intent.") for f in IntentAnalyser().analyse(Document(text, "comment"))}


@pytest.mark.parametrize(
    "text",
    [
        "Det ryk kraftig ut av kjellarvindauget på samfunnshuset, ingen har sett eigaren.",
        "Brua ved sagbruket gir etter, det er store sprekker og folk kjører fortsatt over.",
        "Vegen opp til Lia er sperra av steinar, og skulebussen står på andre sida.",
        "Springvannet lukter diesel i hele Nordbyen. Vi har en nyfødt, kan vi drikke det?",
        "Det kjem berre gult slam frå krana, og to av ungane har vorte sjuke.",
        "Ingen varme i omsorgsboligen siden i natt, og beboerne fryser.",
        "The water has been off since morning and we have a newborn. Is the water safe?",
        "Klarer ikke mer, jeg skal gjøre slutt på livet i kveld.",
    ],
)
def test_a_danger_now_without_a_crisis_noun_is_a_crisis(text: str) -> None:
    assert acute_danger(text.lower())
    assert "crisis" in comment_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # foul water with no one at risk named: a complaint, left to the classifier
        "Brunt vann fra springen igjen i dag, når skal ledningene byttes?",
        # a joke with the idiom
        "Denne sjokoladekaka tar livet av meg 😂",
        # no heat in a place where no one is at risk
        "Det er ingen varme i garderoben på idrettshallen.",
        # a bridge in a plan, not giving way
        "Når blir den nye brua over elva ferdig?",
    ],
)
def test_no_acute_danger_where_nothing_is_at_risk(text: str) -> None:
    assert not acute_danger(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        # a danger foreseen, not happening
        "Det kommer til å skje en ulykke i krysset ved skolen, alle kjører for fort.",
        "Bjørka ved Nygata kjem til å falle over linjene i neste storm.",
        # an outage told in the past
        "Vi hadde uten strøm i ni timer på lørdag, og ingen sa noe til oss.",
    ],
)
def test_a_danger_foreseen_or_past_is_no_crisis(text: str) -> None:
    assert "crisis" not in comment_codes(text)


def test_a_foreseen_danger_that_is_going_on_now_is_a_crisis() -> None:
    text = "Treet kommer til å falle over veien i neste storm, og det blåser opp nå! Hjelp, det knaker."
    assert "crisis" in comment_codes(text)


def _judged_as(text: str, **scores: float) -> set[str]:
    """The intent codes of a comment the classifier scored so (each label's threshold 0.5)."""
    doc = Document(text, "comment")
    labels = classifier.LABEL_CODES
    judgement = classifier.Judgement(
        {label: scores.get(label, 0.0) for label in labels},
        dict.fromkeys(labels, 0.5),
        dict.fromkeys(labels, 0.1),
    )
    cache_of(doc)[f"judgement:{classifier.MODEL}"] = judgement
    return {f.code.removeprefix("intent.") for f in IntentAnalyser().analyse(doc)}


def test_a_threat_the_classifier_also_takes_for_a_crisis_is_a_threat() -> None:
    text = "Ingen på teknisk gjør jobben sin. Jeg tar med meg noe tungt og kommer innom kontoret i morgen."
    assert "crisis" not in _judged_as(text, threat=0.9, crisis=0.8)


def test_a_threat_going_on_now_stays_a_crisis() -> None:
    text = "Han står utenfor servicetorget med noe tungt og truer de ansatte nå, ring 112!"
    assert "crisis" in _judged_as(text, threat=0.9, crisis=0.8)


def own_codes(text: str, kind: str = "post") -> set[str]:
    """What the municipality's own post or reply gets (the rules alone: the classifier judges comments)."""
    return {f.code.removeprefix("intent.") for f in IntentAnalyser().analyse(Document(text, kind))}


@pytest.mark.parametrize(
    "text",
    [
        # nynorsk accidents and water, and the municipality's own notice of an incident under way
        "Vegen ved Brattåsen er stengd etter ei trafikkulukke. Bruk omkøyring. Helsing Siri",
        "Heile Nesbygda er utan vatn no, vassverket leitar etter lekkasjen. Helsing Oddny",
        "Politiet er på stedet ved kaia. Hold dere unna området til vi melder nytt. Hilsen Kari",
        "Det brenn i eit lagerbygg på Moen. Lukk vindauga om du bur i nærleiken.",
    ],
)
def test_the_municipalitys_own_notice_of_an_incident_under_way_is_a_crisis(text: str) -> None:
    assert "crisis" in own_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vi blir uten vann i morgen mellom 09 og 12 på grunn av planlagt arbeid. Hilsen Kari",
        "Det var ei ulukke ved Brattåsen i går, men alle er ok no. Helsing Siri",
        "Husk å lukke vinduene før du reiser på ferie. Hilsen Ida",
        "Brannvesenet hadde øving på kaia i går, takk til alle som kom og så på.",
    ],
)
def test_a_planned_past_or_everyday_notice_is_no_crisis(text: str) -> None:
    assert "crisis" not in own_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # (session 20) complaints and worries the classifier alone half hears as crises: no crisis word,
        # no sign of danger, under CLASSIFIER_CRISIS_FLOOR
        "Renovasjonen har ikke vært her siden tirsdag. Bakkeveien 12.",
        "Det er ingen som har henta søpla i Lyngveien på ti dagar no, det luktar.",
        "Jeg har ringt byggesak i tre uker uten svar. Er det noen der?",
    ],
)
def test_a_complaint_the_classifier_is_unsure_of_is_no_crisis(text: str) -> None:
    assert "crisis" not in comment_codes(text)


def test_foul_tap_water_keeps_a_crisis_the_classifier_half_hears() -> None:
    assert intent_floor_kept("Vannet fra springen er helt brunt og lukter kloakk i hele Sørbygda nå.")


def intent_floor_kept(text: str) -> bool:
    judgement = classifier.judgement(Document(text, "comment"))
    assert judgement is not None
    return not _unsure_without_danger(text.lower(), [], judgement)
