"""Confidential matters in the municipality's replies and posts and in employees' private posts, in
the shapes session 13 added (issue 12: reply and private confidential 0.73-0.75 on held-out sets):
the reader's own matter by its possessive, a case said to be on someone, a person named by the
benefit they receive or one among those with a condition, a death as a noun and in a compound, a
doctor's statement and an injury by its body part, nynorsk benefit words, and "you know who". Our own
sentences, bokmål, nynorsk and dialect, none from the corpus or the challenge and dev sets."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser


def found(text: str, kind: str) -> bool:
    return any(f.code == CASE_DETAILS for f in ConfidentialAnalyser().analyse(Document(text, kind)))


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # the reader's own matter by its possessive, stated as a fact
        ("reply", "Bostøtta di er stoppet til vi har fått ny husleiekontrakt. Hilsen Randi"),
        ("reply", "Uføretrygda di vart rekna om i januar, difor er beløpet lågare. Helsing Gunnar"),
        ("reply", "Vi ser at din sosialstønad er redusert fra neste måned. Mvh Ole"),
        # a case said to be on someone
        ("reply", "Barnevernet har en undersøkelse på gutten, og vi kan derfor ikke svare her. Hilsen Eva"),
        ("reply", "Det er sendt bekymringsmelding om jenta til barnevernet. Hilsen Eva"),
        # a person by the benefit they receive, one among those with a condition
        ("private", "Sosialstønadsmottakaren i andre etasje har fått ny leilegheit. Endeleg."),
        ("private", "Den nye AAP-mottakeren på tiltaket møtte ikke i dag heller."),
        ("private", "Ein av dei rusavhengige vi følgjer, kom innom kontoret i natt."),
        ("private", "Æ hjalp en av dem demente på avdelinga te å finn rommet sitt igjen."),
        # a death as a noun, also in a compound, in a place of care
        ("private", "Dødsfallet på sjukeheimen i går har ramma heile avdelinga."),
        ("post", "Vi beklager dypt det tragiske fallulykkedødsfallet på omsorgssenteret i helgen."),
        ("private", "Et dødsfall i den kommunale boligen i natt, politiet var der til morgenen."),
        # a doctor's statement and an injury by the body part
        (
            "reply",
            "Søsteren din fikk innvilget plassen fordi hun leverte legeattest på hjerneskaden. Mvh Ole",
        ),
        ("reply", "Naboen din har nakkeskade etter ulykka, så han får hjelp med snømåkinga. Helsing Liv"),
        # nynorsk benefit words
        ("reply", "Du har fått dagpengar sidan august, så bustøtta er rekna ut på nytt. Helsing Liv"),
        # "you know who" in an employee's post about someone met at work
        ("private", "Same karen som i fjor ringde legevakta fire gonger i natt igjen, de veit kem."),
    ],
)
def test_a_confidential_matter_in_these_shapes_is_found(kind: str, text: str) -> None:
    assert found(text, kind)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # how a service works, a place of care, a condition: no one's matter
        ("reply", "Ta kontakt med fastlegen din, så får du en vurdering. Hilsen Randi"),
        ("reply", "Dersom bostøtten din blir stoppet, kan du klage til Husbanken. Hilsen Randi"),
        ("reply", "Hvis du mener sosialstønaden din er feil beregnet, kan du klage. Hilsen Randi"),
        ("reply", "Om bustøtta di blir redusert, får du brev i posten. Helsing Gunnar"),
        ("reply", "Du kan søke om sosialhjelp på nav.no. Hilsen Randi"),
        ("reply", "Barnevernet kan ikke uttale seg om enkeltsaker. Hilsen Randi"),
        ("reply", "Vi har opprettet en sak på henvendelsen din og svarer innen tre uker. Hilsen Randi"),
        ("reply", "Legeerklæring må legges ved søknaden om parkeringstillatelse. Hilsen Randi"),
        ("reply", "Du kan lese om arbeidsavklaringspengar på nettsidene til NAV. Helsing Gunnar"),
        ("reply", "Saken om den nye barnehagen er sendt til politisk behandling. Hilsen Randi"),
        # a count, and general talk
        ("post", "Antall dødsfall på sykehjem gikk ned i fjor, viser den nye rapporten."),
        ("post", "Ryggskade er en av de vanligste årsakene til sykefravær."),
        ("post", "Kommunen har kjøpt seks nye kommunale boliger på Vik. Søknadsfristen er 1. mars."),
        # "you know who" that points at no one
        ("private", "Takk til alle som stilte på dugnaden på sjukeheimen, de veit kven de er 😊"),
        ("private", "Ring legevakta om noe skjer, så vet dere hvem dere skal snakke med."),
    ],
)
def test_general_information_and_counts_are_not(kind: str, text: str) -> None:
    assert not found(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        # "en av de vanligste X" is one of the things, not one of the people
        "Diabetes er en av de vanligste sykdommene blant eldre.",
        "Depresjon er ein av dei vanlegaste årsakene til sjukefråvær.",
        "Demens er en av de største utfordringene for helsetjenesten framover.",
        "Angst er en av de mest undervurderte plagene blant unge.",
    ],
)
def test_one_of_the_things_with_a_matter_is_no_one(text: str) -> None:
    assert not found(text, "post")
    assert not found(text, "reply")


def test_one_of_the_people_with_a_matter_is_someone() -> None:
    assert found("En av de eldste beboerne våre har fått demens.", "post")
    assert found("Ein av deltakarane fekk diagnosen diabetes i haust.", "post")


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # the one who handles the case is named, not the one whose case it is
        ("comment", "Saksbehandler Lunde var veldig grei å ha med å gjøre i saken om bostøtte."),
        ("comment", "Takk til Hamid på flyktningkontoret som hjalp oss med søknaden om sosialhjelp!"),
        ("comment", "Har ikke hørt noe fra Tove Brenna i barnevernet på tre uker nå."),
        ("comment", "Rektor Ingvild Sæle tar ikke mobbingen på alvor i det hele tatt."),
    ],
)
def test_a_named_caseworker_is_not_the_subject_of_the_case(kind: str, text: str) -> None:
    assert not found(text, kind)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # a named person's own case stays theirs, and so does a named worker's own health
        ("reply", "Tove Brenna har fått sosialhjelp siden i fjor, så saken er kjent. Hilsen Randi"),
        ("private", "Rektor Ingvild Sæle er sykmeldt med utbrenthet igjen, sier de på jobb."),
    ],
)
def test_a_named_persons_own_case_is_still_found(kind: str, text: str) -> None:
    assert found(text, kind)
