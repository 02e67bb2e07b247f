"""Signatures, private-profile reminders and put-downs of the reader in the municipality's own texts,
session 9 (issue 12). Our own sentences, bokmål, nynorsk and dialect, none from the corpus or the
challenge and dev sets."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import AnalysisContext
from somevakt.analysis.registry import analyse

CTX = AnalysisContext(municipality_name="Gausdal kommune", email_domains=("gausdal.kommune.no",))


def codes(text: str, kind: str, *only: str) -> set[str]:
    return {f.code for f in analyse(text, kind, CTX, only=only).findings}


@pytest.mark.parametrize(
    "text",
    [
        "Takk for at du sa ifra, vi ser på det i morra. Hilsn Bente",
        "Hei! Det ordner seg. Hilsn Arve",
    ],
)
def test_a_dialect_greeting_with_a_first_name_is_a_signature(text: str) -> None:
    assert "style.signature_missing" not in codes(text, "reply", "signature")


def test_a_mail_room_is_a_unit_not_a_first_name() -> None:
    assert "style.signature_missing" in codes(
        "Møtet strømmes fra kl. 18. Hilsen Dokumentmottaket", "reply", "signature"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Selger barnevogn, lite brukt. Send en e-post til lise.berg@nabodal.kommune.no",
        "Sel ved, 50 kr sekken. Ta kontakt på jon@fjordheim.herad.no",
    ],
)
def test_any_municipalitys_address_on_a_private_profile_is_a_work_address(text: str) -> None:
    assert "private.work_email" in codes(text, "private", "private_profile")


def test_a_private_address_is_not_a_work_address() -> None:
    assert "private.work_email" not in codes(
        "Selger sykkel, send e-post til lise.berg@gmail.com", "private", "private_profile"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen har no landa på at badet held ope heile sommaren!",
        "Kommunen sitt offisielle svar er at vi ikkje dekkjer skadane.",
        "Æ jobbe på kommunen og kan love at vegen blir brøyta i morra.",
        "Som sakshandsamar ska eg seie at alle får svar før jul.",
    ],
)
def test_speaking_for_the_employer_in_dialect_and_nynorsk_is_found(text: str) -> None:
    assert "private.speaks_for_employer" in codes(text, "private", "private_profile")


@pytest.mark.parametrize(
    "text",
    [
        # an elected member's own politics
        "Jeg kommer til å stemme for ny flerbrukshall i kommunestyret på torsdag. Endelig!",
        "Vi i Senterpartiet vil ha nye gang- og sykkelveier, og det skal jeg kjempe for i formannskapet.",
        # a job advertisement shared
        "Vi søker ny helsesykepleier! Se annonsen på kommunens nettside.",
    ],
)
def test_a_politicians_politics_and_a_job_ad_need_no_disclaimer(text: str) -> None:
    assert "private.disclaimer_missing" not in codes(text, "private", "private_profile")


def test_an_employee_on_the_municipalitys_affairs_still_needs_one() -> None:
    text = "Kommunestyret har kuttet i helse igjen, og vi på sykehjemmet merker det hver dag."
    assert "private.disclaimer_missing" in codes(text, "private", "private_profile")


@pytest.mark.parametrize(
    "text",
    [
        "Du er rett og slett uærlig, og det vet du godt. Hilsen Kari",
        "Slutt å lyve om hva saksbehandleren sa. Hilsen Per",
        "Du er tydeligvis for dum til å lese et vedtak. Hilsen Kari",
        "Har du i det hele tatt fullført grunnskolen? Hilsen Per",
        "Vi gidder ikke svare sånne tullinger som deg. Hilsen Kari",
        "Du er den mest sytete innbyggeren vi har. Hilsen Per",
    ],
)
def test_calling_the_reader_dishonest_or_stupid_in_a_reply_is_an_insult(text: str) -> None:
    assert "abuse.insult" in codes(text, "reply", "abuse")


@pytest.mark.parametrize(
    "text",
    [
        "Du er ikke dum som spør, det er mange som lurer på det samme. Hilsen Kari",
        "Du har helt rett, vi var for sene. Hilsen Per",
        "Vi svarer gjerne på spørsmål, ring oss. Hilsen Kari",
    ],
)
def test_a_kind_reply_is_no_insult(text: str) -> None:
    assert "abuse.insult" not in codes(text, "reply", "abuse")
