"""What KS's reference clients write and read (docs/archive.md, "Verified against KS's clients"):
envelopes as their CMS libraries make them, containers as their ASiC-E libraries make them, the
Fiks IO message types they know, and payloads Fiks IO keeps in Fiks Dokumentlager. The foreign
side is made by OpenSSL and by hand (tests/archive/fiksio/foreign.py), never by our own code."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import pytest
from lxml import etree

from somevakt.archive.formats.outbox import MessageFile, OutgoingMessage
from somevakt.archive.transports.fiksio import asice, crypto, signature
from somevakt.archive.transports.fiksio.api import INLINE_LIMIT
from somevakt.archive.transports.fiksio.messages import FIKS_IO_SERVERFEIL, receipt_of
from somevakt.archive.transports.fiksio.models import FiksIOMessage
from somevakt.archive.transports.fiksio.transport import FiksIOTransport
from tests.archive.fiksio.conftest import configure
from tests.archive.fiksio.fakes import kvittering
from tests.archive.fiksio.foreign import (
    cms_decrypt,
    cms_describe,
    cms_encrypt_streamed,
    cms_sign,
    dotnet_container,
)
from tests.archive.fiksio.pki import issue


def test_the_envelope_wraps_the_key_with_rsaes_oaep_sha256_and_encrypts_with_aes256_cbc(pki):
    content = b"<arkivmelding/>" * 1000
    enveloped = crypto.encrypt(content, pki.archive.certificate)
    described = cms_describe(enveloped)
    assert "rsaesOaep" in described and "rsaEncryption" not in described
    assert described.count("sha256") >= 2  # the OAEP hash and MGF1's hash
    assert "aes-256-cbc" in described
    assert cms_decrypt(enveloped, pki.archive) == content


def test_a_streamed_ber_envelope_as_ks_clients_write_it_is_decrypted(pki):
    content = os.urandom(70_000)
    enveloped = cms_encrypt_streamed(content, pki.municipality.certificate)
    assert enveloped[1] == 0x80, "OpenSSL should have streamed it with an indefinite length"
    identity = pki.municipality
    assert crypto.decrypt(enveloped, identity.certificate, identity.key) == content
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(enveloped, pki.archive.certificate, pki.archive.key)


def test_a_container_as_ks_dotnet_library_writes_it_opens_and_its_signature_verifies(pki):
    receipt = kvittering(31)
    data = dotnet_container([("arkivmelding-kvittering.xml", receipt)], pki.archive, digest="sha512")
    container = asice.open_container(data)
    assert container.files == {"arkivmelding-kvittering.xml": receipt}
    verified = signature.verify(container.manifest, container.signature, (pki.root.certificate,))
    assert verified.signer == pki.archive.certificate


def test_our_manifest_marks_the_main_document_as_the_root_file(pki):
    data = asice.build(
        [("arkivmelding.xml", b"<a/>"), ("somevakt-1.pdf", b"%PDF")], pki.municipality.identity
    )
    manifest = etree.fromstring(asice.open_container(data).manifest)
    references = manifest.findall(f"{{{asice.ASIC_NS}}}DataObjectReference")
    assert [(r.get("URI"), r.get("Rootfile")) for r in references] == [
        ("arkivmelding.xml", "true"),
        ("somevakt-1.pdf", None),
    ]


def test_a_signature_without_signed_attributes_verifies_too(pki):
    manifest = b"<ASiCManifest/>"
    signed = cms_sign(manifest, pki.archive, attributes=False)
    assert signature.verify(manifest, signed, (pki.root.certificate,)).signer == pki.archive.certificate


def _code(manifest: bytes, signed: bytes, anchors, **kwargs) -> str:
    with pytest.raises(signature.SignatureError) as raised:
        signature.verify(manifest, signed, anchors, **kwargs)
    return raised.value.code


def test_a_signature_that_does_not_hold_is_refused_with_its_reason(pki):
    manifest = b"<ASiCManifest/>"
    good = cms_sign(manifest, pki.archive)
    anchors = (pki.root.certificate,)
    assert _code(manifest + b" ", good, anchors) == signature.INVALID  # changed after signing
    assert _code(manifest, b"not cms", anchors) == signature.UNSIGNED
    stranger = issue("Noen andre", ca=False)  # self-issued, from no trusted issuer
    assert _code(manifest, cms_sign(manifest, stranger), anchors) == signature.UNTRUSTED
    assert _code(manifest, good, ()) == signature.UNTRUSTED  # nothing configured as trusted
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=400)  # the test certificates last 365 days
    assert _code(manifest, good, anchors, now=later) == signature.CERTIFICATE
    tampered = dotnet_container([("arkivmelding-kvittering.xml", kvittering(1))], pki.archive, tamper=True)
    container = asice.open_container(tampered)
    assert _code(container.manifest, container.signature, anchors) == signature.INVALID


def test_fiks_ios_server_error_under_either_name_is_tried_again():
    receipt = receipt_of("m-1", FIKS_IO_SERVERFEIL, b"")
    assert receipt.outcome == "failed" and receipt.permanent is False
    assert "sendes på nytt" in receipt.error


def test_a_message_above_the_inline_limit_is_sent_and_the_archive_reads_it_from_dokumentlager(
    fiksio, municipality
):
    configure(municipality, fiksio)
    big = os.urandom(INLINE_LIMIT + 1024 * 1024)
    message = OutgoingMessage(
        f"stor-{uuid.uuid4().hex[:8]}", b"<arkivmelding/>", (MessageFile("vedlegg.pdf", big),)
    )
    FiksIOTransport(municipality).send(message)
    [received] = fiksio.archive.take()
    assert received.headers["dokumentlager-id"] in fiksio.fiks.documents
    assert received.container.files["vedlegg.pdf"] == big
    assert received.signature_verified


def test_the_client_message_id_goes_where_ks_clients_read_it(fiksio, municipality):
    """KS's .NET and Java clients read KlientMeldingId from the custom header "klientMeldingId"."""
    configure(municipality, fiksio)
    message = OutgoingMessage(f"liten-{uuid.uuid4().hex[:8]}", b"<arkivmelding/>")
    FiksIOTransport(municipality).send(message)
    [received] = fiksio.archive.take()
    record = FiksIOMessage.objects.get(message_id=message.message_id)
    assert received.headers["egendefinert-header.klientMeldingId"] == str(record.client_message_id)
    assert received.headers["klientmelding-id"] == str(record.client_message_id)
