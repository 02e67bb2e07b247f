"""`somevakt archive ping`: one line for each part of the Fiks IO path, exit 0 only when all work."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from tests.archive.fiksio.conftest import configure
from tests.archive.fiksio.pki import issue


def ping(capsys, slug="provekommune"):
    try:
        call_command("archive", "ping", "--municipality", slug)
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return code, capsys.readouterr().out.splitlines()


def test_it_checks_every_part_and_exits_0_when_all_work(fiksio, municipality, capsys):
    configure(municipality, fiksio)
    code, lines = ping(capsys)
    assert code == 0, lines
    assert [line.split(":")[0] for line in lines] == [
        "settings",
        "certificate",
        "token",
        "catalogue",
        "queue",
        "signatures",
    ]
    assert all(": ok" in line for line in lines)
    assert lines[5].startswith("signatures: ok – 1 trusted issuers")
    assert "GAUSDAL KOMMUNE" in lines[1] and "Gausdal kommune arkiv" in lines[3]
    assert f"fiksio.konto.{fiksio.ours.account_id}" in lines[4]
    header, claims = fiksio.maskinporten.grants[-1]
    assert header["alg"] == "RS256" and len(header["x5c"]) == 3  # the certificate, its CA and the root
    assert claims["scope"] == "ks:fiks" and claims["exp"] - claims["iat"] <= 120


def test_a_municipality_without_fiks_io_is_told_so(municipality, capsys):
    code, lines = ping(capsys)
    assert code == 1
    assert lines == [
        "settings: FAILED – the municipality has no Fiks IO settings; it delivers to the outbox folder"
    ]


def test_an_unknown_municipality_is_exit_2(db):
    with pytest.raises(CommandError) as raised:
        call_command("archive", "ping", "--municipality", "nowhere")
    assert raised.value.returncode == 2


def test_a_wrong_integration_password_fails_at_the_catalogue_and_the_queue(fiksio, municipality, capsys):
    configure(municipality, fiksio, integration_password="feil-passord")
    code, lines = ping(capsys)
    assert code == 1
    assert ": ok" in lines[2]  # Maskinporten does not know the integration's password
    assert "catalogue: FAILED" in lines[3] and "refused the integration" in lines[3]
    assert "queue: FAILED" in lines[4] and "refused the login" in lines[4]


def test_an_unknown_recipient_account_is_named(fiksio, municipality, capsys):
    configure(municipality, fiksio, recipient_account_id="11111111-2222-3333-4444-555555555555")
    code, lines = ping(capsys)
    assert code == 1
    assert "catalogue: FAILED" in lines[3] and "11111111-2222-3333-4444-555555555555" in lines[3]


def test_an_expired_certificate_stops_before_maskinporten(fiksio, municipality, capsys):
    expired = issue(
        "GAUSDAL KOMMUNE",
        issuer=fiksio.pki.intermediate,
        not_before=dt.datetime.now(dt.UTC) - dt.timedelta(days=400),
        days=30,
    )
    configure(municipality, fiksio, certificate=expired.pem(), certificate_password="")
    grants = len(fiksio.maskinporten.grants)
    code, lines = ping(capsys)
    assert code == 1
    assert lines[1].startswith("certificate: FAILED") and "expired" in lines[1]
    assert lines[-1].startswith("signatures: ok")
    assert len(fiksio.maskinporten.grants) == grants


def test_a_broker_that_is_down_is_named(fiksio, municipality, capsys, settings):
    configure(municipality, fiksio)
    settings.SOMEVAKT_FIKSIO_AMQP_URL = "amqp://127.0.0.1:1/"
    code, lines = ping(capsys)
    assert code == 1
    assert lines[4].startswith("queue: FAILED") and "cannot be reached" in lines[4]


def test_a_wrong_certificate_password_is_a_settings_problem(fiksio, municipality, capsys):
    configure(municipality, fiksio, certificate_password="feil")
    code, lines = ping(capsys)
    assert code == 1 and "wrong password" in lines[1]


def test_with_no_trusted_issuer_of_the_replies_signatures_it_fails(
    fiksio, municipality, capsys, settings, tmp_path
):
    configure(municipality, fiksio)
    empty = tmp_path / "ingen.pem"
    empty.write_text("")
    settings.SOMEVAKT_FIKSIO_TRUSTED_CAS = str(empty)
    code, lines = ping(capsys)
    assert code == 1
    # The same issuers vouch for the municipality's own business certificate, so it fails too.
    assert lines[1].startswith("certificate: FAILED") and "trusted issuer" in lines[1]
    assert lines[-1].startswith("signatures: FAILED") and "would not be used" in lines[-1]
