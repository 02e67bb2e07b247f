"""Arkiv › Innstillinger › Overføring: the records office chooses the outbox or Fiks IO, enters the
Fiks IO settings with the certificate (sealed, never shown again), and tests the connection."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from somevakt.archive.models import SettingsChange
from somevakt.archive.services import transport_for
from somevakt.archive.transports.fiksio.account import account_of
from somevakt.archive.transports.fiksio.models import FiksIOSettings
from somevakt.archive.transports.fiksio.transport import FiksIOTransport
from tests.archive.conftest import url
from tests.archive.fiksio.pki import issue


def form(world, **overrides):
    values = {
        "action": "save",
        "transport": "fiksio",
        "integration_id": world.ours.integration_id,
        "integration_password": world.ours.integration_password,
        "account_id": world.ours.account_id,
        "recipient_account_id": world.archive.account.account_id,
        "maskinporten_client_id": "9f6bd4e2-maskinporten-klient",
        "certificate": SimpleUploadedFile("virksomhet.p12", world.pki.municipality.pkcs12("p12-passord")),
        "certificate_password": "p12-passord",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def test_the_records_office_chooses_fiks_io_and_its_secrets_are_sealed(
    fiksio, records_client, records_officer, municipality
):
    response = records_client.post(url("transport"), form(fiksio))
    assert response.status_code == 302
    stored = FiksIOSettings.objects.get(municipality=municipality)
    assert fiksio.ours.integration_password not in stored.sealed and "p12-passord" not in stored.sealed
    assert (
        stored.certificate_subject.startswith("2.5.4.5=961399254,CN=GAUSDAL KOMMUNE")
        or "GAUSDAL" in stored.certificate_subject
    )
    assert account_of(municipality).secrets.integration_password == fiksio.ours.integration_password
    assert isinstance(transport_for(municipality=municipality), FiksIOTransport)
    page = records_client.get(url("transport")).content.decode()
    assert fiksio.ours.integration_password not in page and "GAUSDAL KOMMUNE" in page
    logged = {c.field: c for c in SettingsChange.objects.filter(municipality=municipality)}
    assert logged["transport"].new == "fiksio" and logged["transport"].by == records_officer
    assert fiksio.ours.integration_password not in logged["fiksio_integration_password"].new


def test_empty_secret_fields_keep_what_is_stored(fiksio, records_client, municipality):
    records_client.post(url("transport"), form(fiksio))
    response = records_client.post(
        url("transport"),
        form(
            fiksio,
            integration_password="",
            certificate=None,
            certificate_password="",
            account_id=fiksio.ours.account_id,
        ),
    )
    assert response.status_code == 302
    secrets = account_of(municipality).secrets
    assert secrets.integration_password == fiksio.ours.integration_password
    assert secrets.certificate_password == "p12-passord"


def test_the_connection_test_shows_each_part_in_the_users_language(fiksio, records_client, municipality):
    records_client.post(url("transport"), form(fiksio))
    response = records_client.post(url("transport"), {"action": "test"}, HTTP_ACCEPT_LANGUAGE="nb")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Forbindelsen til Fiks IO virker." in page
    assert "Maskinporten-token" in page and page.count(">virker<") + page.count(" virker –") >= 5


def test_bad_input_gets_a_clear_message_not_an_error_page(fiksio, records_client, municipality):
    with translation.override("nb"):
        response = records_client.post(
            url("transport"),
            form(fiksio, integration_id="ikke-en-id", certificate_password="feil"),
            HTTP_ACCEPT_LANGUAGE="nb",
        )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dette er ikke en id" in page
    assert "Sertifikatet kan ikke åpnes" in page
    assert not FiksIOSettings.objects.filter(municipality=municipality).exists()


def test_an_expired_certificate_is_refused(fiksio, records_client, municipality):
    expired = issue(
        "GAUSDAL KOMMUNE",
        issuer=fiksio.pki.intermediate,
        not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        days=30,
    )
    response = records_client.post(
        url("transport"),
        form(fiksio, certificate=SimpleUploadedFile("v.pem", expired.pem()), certificate_password=""),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "Sertifikatet er ikke gyldig nå" in response.content.decode()


def test_the_outbox_needs_no_fiks_io_settings(records_client, municipality):
    response = records_client.post(url("transport"), {"action": "save", "transport": "outbox"})
    assert response.status_code == 302
    assert not isinstance(transport_for(municipality=municipality), FiksIOTransport)


def test_it_requires_the_records_role(owner_client, member_client):
    assert owner_client.get(url("transport")).status_code == 403
    assert member_client.post(url("transport"), {"action": "test"}).status_code == 403


def test_it_hides_the_municipality_from_an_outsider(outsider_client):
    assert outsider_client.get(url("transport")).status_code == 404


def test_the_settings_page_logs_the_change_of_transport_by_name(fiksio, records_client, municipality):
    records_client.post(url("transport"), form(fiksio))
    page = records_client.get(url("settings"), HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Overføring til arkivsystemet" in page and "KS Fiks IO (Fiks Arkiv)" in page
    assert fiksio.ours.integration_password not in page
    assert "Fiks IO-integrasjonspassord: «–» → «satt»" in page
