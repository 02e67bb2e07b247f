"""A threat the comment classifier alone hears is dropped when the text is a complaint or report about the
writer's own (or family's) case or service with a public body -- child welfare, NAV, the school, home
care, a caseworker who has not followed up, a decision, a wait -- and it promises nothing and signs no
harm. Such a comment must be referred, never deleted. Most tests replace the classifier's verdict by one
that hears a threat in everything, so that they hold whatever model ships; the last ones run the shipped
model (0.7.x hears a threat in plain child-welfare complaints)."""

from __future__ import annotations

import pytest

from somevakt.analysis import abuse, classifier
from somevakt.analysis.abuse import AbuseAnalyser
from somevakt.analysis.base import Document


def threat(text: str, kind: str = "comment") -> bool:
    return any(f.code == abuse.THREAT for f in AbuseAnalyser().analyse(Document(text, kind)))


OWN_CASE = [
    # child welfare, the caseworker not following up
    "Dattera mi har hatt sak hos barnevernet i et år, og vi har ikke hørt noe siden august.",
    "Vi har en sak hos barnevernet og har ventet på et møte i seks uker.",
    "Sonen min har sak i barnevernet. Sakshandsamaren har ikkje svart på e-post sidan mars.",
    "Jeg har en sak hos barnevernet og saksbehandleren byttes hele tiden. Ingen vet noe.",
    # NAV, a decision, a delay
    "Saksbehandleren min på NAV har ikke fulgt opp det hun lovet i møtet i mai.",
    "Eg har venta i ti veker på vedtak frå NAV, og pengane mine er brukt opp.",
    "Jeg fikk avslag på søknaden om BPA uten noen begrunnelse fra kommunen.",
    # home care, a nursing home, health
    "Mor mi har fått avslag på sjukeheimsplass for tredje gong. Ho er 91 år.",
    "Far min får ikke hjemmesykepleie i helgene lenger, og ingen har gitt oss beskjed.",
    "Heimetenesta kom ikkje til far min i går kveld. Ingen ringde.",
    "Sønnen min har ventet på time hos BUP i over et år.",
    # the school
    "Kontaktlæreren til sønnen min har ikke svart på meldingene mine på tre uker.",
    "Skolen har ikke fulgt opp mobbingen av dattera mi, selv om rektor lovet det i oktober.",
]

STILL_A_THREAT = [
    # a condition or ultimatum, a promise, a fate for the worker
    "Hvis sønnen min ikke får plass på skolen, kommer jeg på kontoret til rektor.",
    "Sønnen min har sak hos barnevernet. Saksbehandleren skal få svi for det hun har gjort.",
    "Om heimetenesta ikkje kjem til mor mi i kveld, får dei merke det. Berre vent.",
    "Barnevernet tok ungene mine. Dei som gjorde det fortjener å oppleve det same.",
    "Saksbehandleren min på NAV har ikke fulgt opp. Neste gang jeg ser henne, smeller det.",
    # where the worker lives, a weapon, fire, a sign of harm beside the complaint
    "Mor mi ligg åleine utan hjelp frå heimetenesta. Eg veit kvar sjefen deira bur.",
    "Jeg har en sak hos NAV som ikke går framover. Jeg har et balltre i bilen.",
    "Dattera mi har ikke fått skyss. Rektor har en fin bil. Synd om den tok fyr.",
    "Sønnen min har sak hos barnevernet. Saksbehandleren bør passe seg.",
]


@pytest.mark.usefixtures("hears_a_threat_everywhere")
@pytest.mark.parametrize("text", OWN_CASE)
def test_a_complaint_about_ones_own_case_is_no_threat_by_the_classifier_alone(text: str) -> None:
    assert not threat(text)


@pytest.mark.usefixtures("hears_a_threat_everywhere")
@pytest.mark.parametrize("text", STILL_A_THREAT)
def test_a_promise_or_a_sign_of_harm_keeps_the_threat_beside_a_case_complaint(text: str) -> None:
    assert threat(text)


@pytest.mark.usefixtures("hears_a_threat_everywhere")
@pytest.mark.parametrize(
    "text",
    [
        # someone else's case: not the writer's own complaint
        "Naboen har sak hos barnevernet, og saksbehandleren har ikke fulgt opp.",
        # one's own family, but no public body
        "Sønnen min har ikke fått svar fra fotballtreneren på tre uker.",
    ],
)
def test_without_ones_own_case_with_a_public_body_the_threat_stays(text: str) -> None:
    assert threat(text)


@pytest.mark.usefixtures("hears_a_threat_everywhere")
def test_the_guard_does_not_drop_a_threat_the_rules_find(monkeypatch: pytest.MonkeyPatch) -> None:
    # even where the guard holds, the rules' own threat stands: it answers only the classifier's ear
    monkeypatch.setattr(abuse, "_own_case", lambda lower: True)
    assert threat("Sønnen min har sak hos barnevernet. Jeg skal drepe saksbehandleren.")


@pytest.mark.usefixtures("hears_a_threat_everywhere")
def test_a_private_post_about_ones_own_case_is_no_threat_either() -> None:
    assert not threat(
        "Sønnen min har sak hos barnevernet, og saksbehandleren har ikke fulgt opp. Slitsomt.", "private"
    )


# The same through the shipped comment classifier, no stand-in: 0.7.x hears a threat in some plain
# child-welfare and NAV complaints, and the comment would be deleted; the guard must drop it. The
# complaints with a promise or a sign of harm stay threats.
PACK_CASE = "Sønnen min har sak hos barnevernet, og saksbehandleren har ikke fulgt opp det hun lovet."


@pytest.mark.parametrize("text", [PACK_CASE, *OWN_CASE])
def test_with_the_shipped_model_a_case_complaint_is_no_threat(text: str) -> None:
    assert not threat(text)


def test_with_the_shipped_model_the_guard_drops_a_threat_the_model_heard() -> None:
    texts = [PACK_CASE, *OWN_CASE]
    heard = [t for t in texts if classifier.judgement(Document(t, "comment")).says("threat")]
    assert heard, "the shipped model hears no threat in any case complaint: choose new examples"
    assert not any(threat(t) for t in heard)


@pytest.mark.parametrize("text", STILL_A_THREAT)
def test_with_the_shipped_model_a_promise_or_harm_stays_a_threat(text: str) -> None:
    assert threat(text)
