"""The writer's own bill, fee, decision or application taken up for processing is a case request;
the same words asked in general are a question. Examples written for this test, none taken from a
corpus or challenge set."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.intent import IntentAnalyser, own_case, status_question


def comment_codes(text: str) -> set[str]:
    """What a citizen's comment gets, the comment classifier included."""
    return {f.code.removeprefix("intent.") for f in IntentAnalyser().analyse(Document(text, "comment"))}


@pytest.mark.parametrize(
    "text",
    [
        "Dere har regnet feil på vannavgiften min, vi er bare to i huset og ikke fem.",
        "Skulen har fakturert oss dobbelt for leirskulen. Kontonummer 1234 56 78903.",
        "Kan dere betale tilbake det jeg betalte for mye i SFO i høst? Konto 9876 54 32109.",
        "Eg vil ha pengane mine tilbake for feiinga som aldri vart gjort.",
        "I would like to appeal the decision on my daughter's school transport.",
        "Vi trekker søknaden vår om dispensasjon, vi bygger ikke likevel.",
        "Ta meg av ventelista for båtplass, eg har kjøpt plass privat.",
    ],
)
def test_the_writers_own_matter_taken_up_is_a_case_request(text: str) -> None:
    assert own_case(text.lower())
    assert "case_request" in comment_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # asked in general, no one's own matter
        "Får man pengene tilbake hvis man har betalt for mye i avgift?",
        # a calculation error that is not a bill ("regnet feil" on a sign)
        "Skiltet ved badeplassen er feil, det står at det er åpent til ti.",
        # money given back, not asked for
        "Det er fint at de betaler tilbake til laget når turen blir avlyst.",
    ],
)
def test_the_same_words_asked_in_general_are_no_own_case(text: str) -> None:
    assert not own_case(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "Har dere noe nytt i sak 2024/5521? Det gjelder garasjen vår.",
        "Referanse 7731-22 står på brevet. Når kan jeg forvente svar?",
        "Kvar sjekkar eg om renovasjonsfakturaen er betalt? KID 123456789.",
        "Fikk parkeringsbot på Torget i går. Hvordan klager jeg?",
        "Mor treng heimehjelp, ka søke æ på?",
    ],
)
def test_a_question_how_ones_matter_stands_is_answered_not_referred(text: str) -> None:
    assert status_question(text.lower())
    found = comment_codes(text)
    assert "question" in found
    assert "case_request" not in found


@pytest.mark.parametrize(
    "text",
    [
        # a complaint filed in the same comment
        "Jeg har sendt inn klage på vedtaket om skoleskyss. Når kan jeg forvente svar?",
        # money asked back
        "Når kan jeg forvente å få betalt tilbake det doble gebyret?",
        # no question
        "Jeg klager på parkeringsboten fra i går.",
    ],
)
def test_a_matter_filed_in_the_question_is_no_mere_status_question(text: str) -> None:
    assert not status_question(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        # (session 20) a complaint called one, a case asked to be taken up again
        "Vi krever at kommunen stopper hogsten i lia til det er gjort en ny vurdering. Dette er en formell "
        "klage.",
        "Eg krev at kommunen tek opp att saka om feieavgifta, vi har ikkje pipe lenger.",
    ],
)
def test_a_complaint_called_one_is_a_case_request(text: str) -> None:
    assert "case_request" in comment_codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hvor lang tid tar det å få svar på søknad om bostøtte? Sendte den i september.",
        "kem e det vi ska ring te om vi vil søk om avlastning?",
        "Eg gløymde å sende søknaden om tilskot før fristen. Er det nokon sjanse å få den behandla likevel?",
    ],
)
def test_how_long_whom_to_call_and_a_late_application_are_questions(text: str) -> None:
    assert status_question(text.lower())
    assert "case_request" not in comment_codes(text)
