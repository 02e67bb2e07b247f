"""The protocol pieces on their own: the certificate, the Maskinporten grant and its cache, the
ASiC-E container and its digests, CMS encryption, and the sealing of the settings' secrets."""

from __future__ import annotations

import io
import zipfile

import jwt
import pytest

from somevakt import sealing
from somevakt.archive.transports.fiksio import asice, certificates, crypto
from somevakt.archive.transports.fiksio.maskinporten import Maskinporten, TokenError
from tests.archive.fiksio.conftest import CLIENT_ID
from tests.archive.fiksio.fakes import AUDIENCE, verify_signature


def test_it_loads_the_business_certificate_from_pkcs12_and_from_pem(pki):
    from_p12 = certificates.load(pki.municipality.pkcs12("hemmelig"), "hemmelig")
    from_pem = certificates.load(pki.municipality.pem())
    for identity in (from_p12, from_pem):
        assert identity.certificate == pki.municipality.certificate
        assert [c.subject for c in identity.chain] == [
            pki.intermediate.certificate.subject,
            pki.root.certificate.subject,
        ]
        assert identity.problem() == ""


@pytest.mark.parametrize(
    ("data", "password", "says"),
    [
        ("p12", "feil", "wrong password"),
        ("garbage", "", "cannot be opened"),
        ("other-key", "", "does not belong to the certificate"),
    ],
)
def test_it_refuses_a_certificate_it_cannot_use_with_one_line(pki, data, password, says):
    blobs = {
        "p12": pki.municipality.pkcs12("riktig"),
        "garbage": b"not a certificate",
        "other-key": pki.archive.pem().split(b"-----BEGIN CERTIFICATE-----")[0]
        + pki.municipality.certificate_pem().encode(),
    }
    with pytest.raises(certificates.CertificateError, match=says):
        certificates.load(blobs[data], password)


def test_the_grant_is_signed_rs256_with_the_chain_in_x5c_and_lives_two_minutes(pki):
    from somevakt.archive.transports.fiksio.maskinporten import grant

    token = grant(
        pki.municipality.identity, audience=AUDIENCE, client_id=CLIENT_ID, scope="ks:fiks", now=1_000
    )
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "RS256" and len(header["x5c"]) == 3
    claims = jwt.decode(
        token,
        pki.municipality.certificate.public_key(),
        algorithms=["RS256"],
        audience=AUDIENCE,
        options={"verify_exp": False, "verify_iat": False},
    )
    assert (claims["iss"], claims["scope"], claims["iat"], claims["exp"]) == (
        CLIENT_ID,
        "ks:fiks",
        1_000,
        1_120,
    )
    assert claims["jti"]


def test_the_token_is_kept_until_shortly_before_it_expires(world, pki):
    now = [1_000_000.0]
    client = Maskinporten(
        world.maskinporten.token_url, AUDIENCE, CLIENT_ID, pki.municipality.identity, clock=lambda: now[0]
    )
    before = len(world.maskinporten.grants)
    client.token()
    now[0] += 50  # the fake gives 120 s; renewed 60 s before the end
    client.token()
    assert len(world.maskinporten.grants) == before + 1
    now[0] += 20
    client.token()
    assert len(world.maskinporten.grants) == before + 2


def test_a_refused_grant_is_permanent_and_an_unreachable_maskinporten_is_not(world, pki):
    refused = Maskinporten(world.maskinporten.token_url, AUDIENCE, "someone-else", pki.municipality.identity)
    with pytest.raises(TokenError) as raised:
        refused.token()
    assert raised.value.permanent
    assert "Invalid assertion" in str(raised.value)
    away = Maskinporten("http://127.0.0.1:1/token", AUDIENCE, CLIENT_ID, pki.municipality.identity)
    with pytest.raises(TokenError) as raised:
        away.token()
    assert not raised.value.permanent


def test_the_container_holds_the_files_a_manifest_and_a_signature_that_verifies(pki):
    files = [("arkivmelding.xml", b"<arkivmelding/>"), ("somevakt-x-1.pdf", b"%PDF-1.7 ...")]
    data = asice.build(files, pki.municipality.identity)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/vnd.etsi.asic-e+zip"
    container = asice.open_container(data)
    assert container.files == dict(files)
    assert verify_signature(container, pki.root.certificate)
    assert not verify_signature(container, pki.archive.certificate)  # not a CA of the signer


def test_a_changed_file_or_an_unlisted_one_is_refused(pki):
    data = asice.build([("arkivmelding.xml", b"<a/>")], pki.municipality.identity)
    for name, content in (("arkivmelding.xml", b"<b/>"), ("extra.pdf", b"%PDF")):
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                body = content if info.filename == name else source.read(info)
                target.writestr(info, body)
            if name not in source.namelist():
                target.writestr(name, content)
        with pytest.raises(asice.ContainerError):
            asice.open_container(out.getvalue())


def test_only_the_recipients_key_decrypts_the_payload(pki):
    sealed = crypto.encrypt(b"container", pki.archive.certificate)
    assert b"container" not in sealed
    assert crypto.decrypt(sealed, pki.archive.certificate, pki.archive.key) == b"container"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(sealed, pki.municipality.certificate, pki.municipality.key)


def test_secrets_are_sealed_for_one_purpose_and_key():
    sealed = sealing.seal("nøkkel", b"somevakt.archive.fiksio", b"passord")
    assert b"passord" not in sealed.encode()
    assert sealing.unseal("nøkkel", b"somevakt.archive.fiksio", sealed) == b"passord"
    for material, purpose in (
        ("annen", b"somevakt.archive.fiksio"),
        ("nøkkel", b"somevakt.registry.credentials"),
    ):
        with pytest.raises(sealing.Unreadable):
            sealing.unseal(material, purpose, sealed)


def test_the_platform_credentials_are_sealed_by_the_same_mechanism_and_still_read(settings):
    """integrations.credentials seals with somevakt.sealing; tokens sealed before still open."""
    import base64
    import hashlib

    from cryptography.fernet import Fernet

    from somevakt.integrations.base import Credentials
    from somevakt.integrations.credentials import unseal

    settings.SOMEVAKT_CREDENTIALS_KEY = "en nøkkel"
    raw = hashlib.pbkdf2_hmac("sha256", "en nøkkel".encode(), b"somevakt.registry.credentials", 100_000)
    before = Fernet(base64.urlsafe_b64encode(raw)).encrypt(b'{"token": "EAAB", "base_url": ""}').decode()
    assert unseal(before) == Credentials(token="EAAB", base_url="")
