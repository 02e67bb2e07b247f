"""Intent: question, case request, political matter, crisis now."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.intent import IntentAnalyser


def rules_only(text: str) -> Document:
    """A text the comment classifier does not judge (it judges only citizens' comments), so the
    analyser's own rules and models are what is tested here; `test_classifier.py` tests the two together."""
    return Document(text, "post")


def codes(text: str) -> set[str]:
    return {f.code.removeprefix("intent.") for f in IntentAnalyser().analyse(rules_only(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Når kommer brøytebilen?", {"question"}),
        ("Hvorfor er ikke vegen brøytet", {"question"}),
        ("Kva tid opnar symjehallen", {"question"}),
        ("Jeg lurer på om biblioteket er åpent i påsken.", {"question"}),
        ("Takk for fin konsert!", set()),
        ("Se https://example.no/side?id=3 for mer.", set()),
        ("Jeg vil klage på vedtaket om barnehageplass.", {"case_request"}),
        ("Jeg har søkt om dispensasjon og venter på svar.", {"case_request"}),
        ("Ber om innsyn i saken om den nye skolen.", {"case_request"}),
        ("Eg fekk avslag på byggjesøknaden min.", {"case_request"}),
        ("Hvor lang er saksbehandlingstiden for byggesøknader?", {"question", "case_request"}),
        ("Naboen driv og bygge anneks uten løyve, ka gjør æ for å melde det?", {"question", "case_request"}),
        (
            "Campingvogna står på kommunal vei hele vinteren. Kan dere håndheve dette?",
            {"question", "case_request"},
        ),
        ("Jeg bestrider parkeringsgebyret jeg fikk i sentrum.", {"case_request"}),
        ("Feil i renovasjonsgebyret, ber om korrigering og tilbakebetaling.", {"case_request"}),
        ("Gjelder båndtvangen hele året?", {"question"}),
        ("Kommunestyret må stemme nei til nedleggelse av skolen!", {"political"}),
        ("Eiendomsskatten er ran av innbyggerne.", {"political"}),
        ("Ordføreren burde svare for dette.", {"political"}),
        ("Ta til høyre etter brua.", set()),
        ("Valget av farge på benkene var fint.", set()),
        ("Det brenner i et hus ved skolen nå!", {"crisis"}),
        ("Sønnen min er savnet siden i går kveld, hjelp!", {"crisis"}),
        ("Steinras over fylkesvegen ved Follebu, vegen er stengt.", {"crisis"}),
        ("Strømbrudd i hele sentrum akkurat nå", {"crisis"}),
        ("Kokevarsel for Prestfoss vannverk?", {"crisis", "question"}),
        ("Brannøvelse på skolen i dag klokka 10.", set()),
        ("Kurs i førstehjelp på tirsdag.", set()),
        ("Flommen i 1995 var den verste.", set()),
        ("Det blir brannøvelse i dag, ikke bli redd for røyk fra skolen.", set()),
    ],
)
def test_it_recognises_what_the_writer_wants(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_it_spans_the_whole_text() -> None:
    text = "Når åpner badet? 😀"
    (finding,) = IntentAnalyser().analyse(rules_only(text))
    assert (finding.start, finding.end) == (0, len(text))


def test_it_marks_a_crisis_more_severe_than_a_question() -> None:
    found = {
        f.code: f.severity
        for f in IntentAnalyser().analyse(rules_only("Det brenner på skolen nå! Hva gjør vi?"))
    }
    assert found == {"intent.crisis": "warn", "intent.question": "info"}


def comment_codes(text: str) -> set[str]:
    """What a citizen's comment gets, the comment classifier included."""
    return {f.code.removeprefix("intent.") for f in IntentAnalyser().analyse(Document(text, "comment"))}


@pytest.mark.parametrize(
    "text",
    [
        # over: a question about what happened, or about compensation for it
        "Ka tid kjem dæm og rydde greinan etter stormen forrige helg?",
        "Får vi erstatning for maten som ble ødelagt under strømbruddet forrige uke?",
        "Kven betaler for skadene etter flaumen i førre veke?",
        "Når kommer rapporten etter brannen på skolen for to uker siden?",
        "Kor lang tid tok det før vatnet kom tilbake etter leidningsbrotet sist helg?",
        # planned: announced work, not an emergency
        "Det blir planlagt strømbrudd fra kl. 09 til 13 i morgen på grunn av linjearbeid. Gjelder det oss?",
        "Varsla straumbrot på torsdag grunna vedlikehald, kor lenge varer det?",
        "Vannet blir stengt i Storgata onsdag på grunn av graving. Hvor kan vi hente vann?",
    ],
)
def test_a_crisis_that_is_over_or_planned_is_not_a_crisis_now(text: str) -> None:
    assert "crisis" not in comment_codes(text)
    assert "crisis" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same words with the danger still going on
        "Strømbruddet fra forrige uke er fortsatt ikke fikset, og mor på 90 sitter uten strøm nå!",
        "Etter stormen i natt er vegen borte og vi er isolerte, hjelp!",
        "Planlagt strømbrudd sa de, men nå brenner det i trafoen!",
    ],
)
def test_a_crisis_going_on_now_is_still_one_with_a_past_or_planned_word_in_it(text: str) -> None:
    assert "crisis" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Det brant i garasjen til naboen i natt, nå er det slukket. Alle er ok.",
        "Strømmen er tilbake nå, takk for rask jobb!",
        "Kokevarselet ble opphevet i dag, kan vi drikke vannet nå?",
        "Den savnede turgåeren er funnet i god behold, takk til alle som leita!",
        "Brannen på Follebu er under kontroll og ingen ble skadet.",
    ],
)
def test_a_crisis_said_to_be_over_is_not_a_crisis_now(text: str) -> None:
    assert "crisis" not in comment_codes(text)
    assert "crisis" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Brannen er slukket, men det brenner fortsatt i uthuset, hjelp!",
        "Strømmen gikk for en time siden, og vi har ingen strøm nå. Mor har oksygenmaskin, hjelp!",
    ],
)
def test_a_crisis_still_urgent_stays_one(text: str) -> None:
    assert "crisis" in codes(text)
