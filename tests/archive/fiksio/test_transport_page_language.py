"""Arkiv › Innstillinger › Overføring as the records office reads it: "Test the connection" says
every line in the reader's language (the technical detail, such as an errno text, only appended),
a business certificate must come from a trusted issuer, the page explains itself instead of
pointing at a developer document, and a failed save says what must be entered again."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.archive.conftest import url
from tests.archive.fiksio.conftest import configure
from tests.archive.fiksio.pki import issue
from tests.archive.fiksio.test_transport_view import form

# English sentences ping used to put on every page, whatever its language.
ENGLISH = (
    "the municipality has no Fiks IO settings",
    "cannot be reached",
    "the business certificate cannot be used",
    "valid until",
    "gave an access token",
    "trusted issuers",
    "replies waiting",
)


def check_lines(client, language: str) -> list[str]:
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(url("transport"), {"action": "test"})
    assert response.status_code == 200
    section = re.search(r'aria-labelledby="fiksio-check">(.*?)</section>', response.content.decode(), re.S)
    assert section, "no result of the connection test on the page"
    return [
        re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", section.group(1), re.S)
    ]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            "Innstillinger: virker ikke – kommunen har ingen Fiks IO-innstillinger; "
            "den leverer til utboksmappen",
        ),
        (
            "nn",
            "Innstillingar: verkar ikkje – kommunen har ingen Fiks IO-innstillingar; "
            "han leverer til utboksmappa",
        ),
        (
            "en",
            "Settings: does not work – the municipality has no Fiks IO settings; "
            "it delivers to the outbox folder",
        ),
    ],
)
def test_a_municipality_without_fiks_io_is_told_so_in_its_language(records_client, language, expected):
    assert check_lines(records_client, language) == [expected]


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_line_of_a_working_path_is_in_the_readers_language(
    fiksio, records_client, municipality, language
):
    configure(municipality, fiksio)
    lines = check_lines(records_client, language)
    assert len(lines) == 6
    assert not [line for line in lines if any(english in line for english in ENGLISH)], lines
    # Dates as the reader writes them, and the certificate's issuer named.
    assert re.search(r"gyldig til \d{2}\.\d{2}\.\d{4}", lines[1]) and "Test Virksomhet CA" in lines[1]


def test_an_unreachable_maskinporten_is_said_in_norwegian_with_the_errno_appended(
    fiksio, records_client, municipality, settings
):
    configure(municipality, fiksio)
    settings.SOMEVAKT_MASKINPORTEN_TOKEN_URL = "http://127.0.0.1:1/token"
    lines = check_lines(records_client, "nb")
    token = lines[2]
    assert token.startswith("Maskinporten-token: virker ikke – Maskinporten kan ikke nås: "), token
    assert "Errno" in token or "refused" in token.lower()  # the technical detail, as it came
    assert lines[-1].startswith("Godkjente")


def test_a_self_signed_certificate_is_not_a_business_certificate(fiksio, records_client, municipality):
    own = issue("GAUSDAL KOMMUNE", org_number="961399254")  # signed by its own key
    configure(municipality, fiksio, certificate=own.pem(), certificate_password="")
    grants = len(fiksio.maskinporten.grants)
    for language, said in (
        ("nb", "er ikke et virksomhetssertifikat fra en godkjent utsteder (Buypass eller Commfides)"),
        ("nn", "er ikkje eit verksemdssertifikat frå ein godkjend utferdar (Buypass eller Commfides)"),
        ("en", "is not a business certificate from a trusted issuer (Buypass or Commfides)"),
    ):
        lines = check_lines(records_client, language)
        assert said in lines[1] and "GAUSDAL KOMMUNE" in lines[1], lines
        assert len(lines) == 3  # settings, certificate, and the trusted issuers; nothing asked
    assert len(fiksio.maskinporten.grants) == grants


def test_a_certificate_from_another_issuer_is_refused_too(fiksio, records_client, municipality):
    stranger_root = issue("Annen Rot CA", ca=True, days=3650)
    stranger = issue("GAUSDAL KOMMUNE", issuer=stranger_root, org_number="961399254")
    configure(municipality, fiksio, certificate=stranger.pem(), certificate_password="")
    lines = check_lines(records_client, "nb")
    assert "virker ikke" in lines[1] and "godkjent utsteder" in lines[1]


def test_an_expired_certificate_is_dated_in_the_readers_language(fiksio, records_client, municipality):
    expired = issue(
        "GAUSDAL KOMMUNE",
        issuer=fiksio.pki.intermediate,
        not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        days=30,
    )
    configure(municipality, fiksio, certificate=expired.pem(), certificate_password="")
    assert "sertifikatet gjekk ut 31.01.2020" in check_lines(records_client, "nn")[1]


def test_a_wrong_certificate_password_is_said_in_norwegian(fiksio, records_client, municipality):
    configure(municipality, fiksio, certificate_password="feil")
    lines = check_lines(records_client, "nb")
    assert lines[1] == (
        "Virksomhetssertifikat: virker ikke – virksomhetssertifikatet kan ikke brukes: PKCS#12-filen kan "
        "ikke åpnes (feil passord, eller ikke PKCS#12)"
    )


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_page_explains_what_fiks_io_needs_without_a_developer_document(records_client, language):
    records_client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    page = records_client.get(url("transport")).content.decode()
    assert "docs/" not in page and ".md" not in page
    assert "Buypass" in page and "ks:fiks" in page and "no.ks.fiks.arkiv.v1" in page


def test_a_failed_save_says_which_secrets_must_be_entered_again(fiksio, records_client, municipality):
    records_client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "nb"
    response = records_client.post(url("transport"), form(fiksio, integration_id="ikke-en-id"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Innstillingene er ikke lagret." in page
    assert "Passord og filer blir ikke tatt vare på" in page
    assert page.count("Det du skrev, er ikke tatt vare på: skriv det på nytt.") == 2  # both passwords
    assert page.count("Filen du valgte, er ikke tatt vare på: velg den på nytt.") == 1  # the certificate
    assert fiksio.ours.integration_password not in page and "p12-passord" not in page
    assert 'value="ikke-en-id"' in page  # what is not secret comes back as typed


def test_a_failed_save_without_secrets_asks_for_none_again(fiksio, records_client, municipality):
    records_client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    response = records_client.post(
        url("transport"),
        form(
            fiksio,
            integration_id="not-an-id",
            integration_password=None,
            certificate=None,
            certificate_password=None,
        ),
    )
    page = response.content.decode()
    assert response.status_code == 400 and "The settings are not saved." in page
    assert "is not kept" not in page and "are not kept" not in page


def test_the_business_certificate_file_is_read_from_pem_with_its_chain(fiksio, records_client, municipality):
    """The trusted path through the page: a PEM upload with the chain saves and tests as working."""
    pem = fiksio.pki.municipality.pem()
    response = records_client.post(
        url("transport"), form(fiksio, certificate=SimpleUploadedFile("v.pem", pem), certificate_password="")
    )
    assert response.status_code == 302
    lines = check_lines(records_client, "en")
    assert lines[1].startswith("Business certificate: works – ") and "Test Virksomhet CA" in lines[1]


def test_saving_a_self_signed_certificate_warns_that_fiks_io_will_not_take_it(
    fiksio, records_client, municipality
):
    own = issue("GAUSDAL KOMMUNE", org_number="961399254")
    records_client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "nn"
    response = records_client.post(
        url("transport"),
        form(fiksio, certificate=SimpleUploadedFile("v.pem", own.pem()), certificate_password=""),
        follow=True,
    )
    page = response.content.decode()
    assert (
        "Innstillingane for overføring er lagra, men verksemdssertifikatet GAUSDAL KOMMUNE "
        "(organisasjonsnummer 961399254) er ikkje frå ein godkjend utferdar"
    ) in page
    assert "Innstillingane for overføring er lagra." not in page
