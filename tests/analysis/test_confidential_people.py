"""Someone met at work by the form of the words that point at them, in an employee's private post or
the municipality's reply: a possessive before a role ("min flinkeste elev"), the clipped style of a
note ("Ung gutt innlagt etter ..."), "hun nye i 3B", a plural in -rne ("en av brukerne mine"), the
reader's family and children ("familien din", "borna dine"), the one a case is about
("undersøkingssak på familien"), and in a post about work the one named a sentence back when the
matter is someone's (definite: "kreften"). The kind in general, a colleague's job, and the writer
themselves stay clean."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser


def found(text: str, kind: str) -> bool:
    return any(f.code == CASE_DETAILS for f in ConfidentialAnalyser().analyse(Document(text, kind)))


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("private", "Min beste elev har flyttet i fosterhjem, og jeg fikk ikke sagt ha det."),
        (
            "private",
            "Så stolt av eleven min i 5C som har Tourette og likevel holdt foredrag for hele skolen!",
        ),
        ("private", "Vår eldste bebuar har fått demens no, og kjenner ikkje igjen nokon."),
        ("private", "Nattevakt. Eldre dame innlagt etter hjerneslag, ingen pårørende kom."),
        ("private", "Vakt på akutten. Ung mann lagt inn med overdose for tredje gang."),
        ("private", "Hun nye i 4B har vært utredet for autisme hele høsten, sier mora."),
        ("private", "En av deltakerne mine på kurset har fått avslag på sosialhjelp igjen."),
        ("private", "Pleide å stelle gamle Johan i hjemmetjenesten. Nå er demensen langt fremskreden."),
        ("reply", "Barnevernets undersøkelse av familien din blir avsluttet i mars. Hilsen Eva"),
        ("reply", "Skolen har sendt bekymringsmelding om ungane dine til barnevernet. Helsing Eva"),
        ("reply", "Vi har opprettet barnevernssak på familien og tar kontakt. Hilsen Eva"),
    ],
)
def test_someone_pointed_at_by_form_with_a_matter_is_found(kind: str, text: str) -> None:
    assert found(text, kind), text


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("private", "Takk til Kari på jobb for kaffen i dag. Demens er en sykdom vi alle bør lære mer om."),
        ("private", "Gratulerer til Per på avdelingen med fagbrevet! Neste uke starter kurset om diabetes."),
        ("private", "Min kollega er verdens beste sykepleier. Hun har jobbet på kreftavdelingen i 30 år."),
        ("private", "Ny på jobb i dag. Ung og fersk sykepleier, men gleder meg!"),
        ("post", "Ung mann søkes til sommerjobb i hjemmetjenesten!"),
        ("reply", "Saken om barnet er ikke noe vi kan kommentere. Hilsen Eva"),
        ("reply", "Tiltak for familien din kan bare drøftes med barnevernet direkte. Hilsen Eva"),
        ("reply", "Dersom familien din trenger hjelp fra barnevernet, ring oss. Hilsen Eva"),
    ],
)
def test_the_kind_a_job_and_advice_are_no_case(kind: str, text: str) -> None:
    assert not found(text, kind), text


# A given name the name model passes over: after the verb in a sentence that starts with a time ("I dag
# fikk Per ..."), or first in the sentence before a verb ("Gudrun har fått demens"); a word that is also
# a given name ("Dag var lang") is no one.
@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("private", "I dag fikk Per diagnosen ADHD."),
        ("reply", "I går fikk Jorunn beskjed om at hun har kreft."),
        ("private", "Lang vakt i dag. Gudrun har fått demens."),
    ],
)
def test_a_given_name_the_model_missed_is_a_person_with_a_matter(kind: str, text: str) -> None:
    assert found(text, kind), text


def test_a_word_that_is_also_a_given_name_is_no_person_first_in_a_sentence() -> None:
    from somevakt.analysis.names import missed_given_names

    assert missed_given_names(Document("Dag var lang. Liv er viktig for oss.", "private")) == []
    assert missed_given_names(Document("Lang vakt. Gudrun har fått demens.", "private")) == [(11, 17)]


# A child-welfare case an employee tells of, with the family or children pointed at in the same or the
# next sentence; the service in general is no one's case.
@pytest.mark.parametrize(
    "text",
    [
        "Stakkars familien på Haugen. Tredje gang denne våren, og nå har barnevernet overtatt omsorgen.",
        "To nye bekymringsmeldinger på samme familie i dag. Orker ikke mer.",
        "Satt i barnevernsmøte om ei jente i 6. klasse i dag. Tungt.",
        "Vi henta dei tre små ungane frå Berg-familien i natt. Barnevernsarbeid er hardt.",
    ],
)
def test_a_child_welfare_case_with_the_family_pointed_at_is_confidential(text: str) -> None:
    assert found(text, "private"), text


@pytest.mark.parametrize(
    "text",
    [
        "Barnevernet gjør en viktig jobb, heia alle som jobber der!",
        "Stolt av å jobbe i barnevernet. Vi hjelper familier hver dag.",
        "Kurs om bekymringsmeldinger for alle lærere i dag, nyttig!",
    ],
)
def test_the_child_welfare_service_in_general_is_no_case(text: str) -> None:
    assert not found(text, "private"), text


# The applicants for a post, told of by one who hires, are a personnel matter; a job advert is not.
@pytest.mark.parametrize(
    ("text", "confidential"),
    [
        ("Søkerne til lærerstillingen var svake i år, men vi tilsetter nok hun fra Ålesund.", True),
        ("hadde intervju med fire søkera te helsesykepleierstillinga i dag, ein va heilt håpløs", True),
        ("Vi søker ny rektor! Søkerne til stillingen må ha lærerutdanning. Søknadsfrist 1. mars.", False),
        ("Lang dag med søknader i dag, spennende tider på jobb!", False),
    ],
)
def test_applicants_for_a_post_are_a_personnel_matter(text: str, confidential: bool) -> None:
    assert found(text, "private") is confidential, text
