"""Messages as other Fiks IO clients write them, made without somevakt's own code.

The CMS parts are written by OpenSSL (`openssl cms`), an implementation independent of ours:
signatures with signed attributes (or without), and envelopes streamed as BER with indefinite
lengths, as KS's clients' BouncyCastle stream generators write them, with RSAES-OAEP SHA-256 key
transport and AES-256-CBC. The ASiC-E container follows what KS's .NET ASiC-E library writes
(as read in ks-no/fiks-asice-dotnet): the manifest in `http://uri.etsi.org/2918/v1.2.1#` with the
prefixes `cades` and `sig`, the signature as `META-INF/signature-<uuid>.p7s` named by the
manifest's SigReference, `mimetype` compressed, and the digests as the caller chooses.
"""

from __future__ import annotations

import base64
import hashlib
import io
import subprocess
import tempfile
import uuid
import zipfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from lxml import etree

from tests.archive.fiksio.pki import Issued

KS_DOTNET_NS = "http://uri.etsi.org/2918/v1.2.1#"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
DIGEST_URIS = {
    "sha256": "http://www.w3.org/2001/04/xmlenc#sha256",
    "sha512": "http://www.w3.org/2001/04/xmlenc#sha512",
}


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60)


def cms_sign(content: bytes, signer: Issued, *, attributes: bool = True) -> bytes:
    """A detached CMS SignedData over `content` by `signer`, with its chain, written by OpenSSL."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        key = signer.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        (base / "key.pem").write_bytes(key)
        (base / "cert.pem").write_bytes(signer.certificate.public_bytes(serialization.Encoding.PEM))
        (base / "chain.pem").write_bytes(
            b"".join(c.public_bytes(serialization.Encoding.PEM) for c in signer.chain)
        )
        (base / "content").write_bytes(content)
        args = ["cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER", "-in", str(base / "content")]
        args += ["-signer", str(base / "cert.pem"), "-inkey", str(base / "key.pem")]
        if signer.chain:
            args += ["-certfile", str(base / "chain.pem")]
        if not attributes:
            args.append("-noattr")
        _openssl(*args, "-out", str(base / "signature.p7s"))
        return (base / "signature.p7s").read_bytes()


def cms_encrypt_streamed(content: bytes, recipient: x509.Certificate) -> bytes:
    """CMS EnvelopedData as BER with indefinite lengths (streamed), RSAES-OAEP SHA-256, AES-256-CBC."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "content").write_bytes(content)
        (base / "recipient.pem").write_bytes(recipient.public_bytes(serialization.Encoding.PEM))
        _openssl(
            "cms", "-encrypt", "-binary", "-stream", "-aes256", "-outform", "DER",
            "-in", str(base / "content"), "-out", str(base / "enveloped"),
            "-recip", str(base / "recipient.pem"),
            "-keyopt", "rsa_padding_mode:oaep",
            "-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256",
        )  # fmt: skip
        return (base / "enveloped").read_bytes()


def cms_describe(enveloped: bytes) -> str:
    """OpenSSL's description of a CMS structure (algorithm names and parameters)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cms"
        path.write_bytes(enveloped)
        result = subprocess.run(
            ["openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", str(path)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return result.stdout.decode()


def cms_decrypt(enveloped: bytes, recipient: Issued) -> bytes:
    """OpenSSL's decryption of an envelope with the recipient's key."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "in").write_bytes(enveloped)
        (base / "key.pem").write_bytes(
            recipient.key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        (base / "cert.pem").write_bytes(recipient.certificate.public_bytes(serialization.Encoding.PEM))
        _openssl(
            "cms", "-decrypt", "-binary", "-inform", "DER", "-in", str(base / "in"),
            "-inkey", str(base / "key.pem"), "-recip", str(base / "cert.pem"), "-out", str(base / "out"),
        )  # fmt: skip
        return (base / "out").read_bytes()


def dotnet_container(
    files: list[tuple[str, bytes]], signer: Issued, *, digest: str = "sha512", tamper: bool = False
) -> bytes:
    """An ASiC-E container laid out as KS's .NET library writes it, signed by `signer`."""
    signature_name = f"META-INF/signature-{uuid.uuid4()}.p7s"
    root = etree.Element(f"{{{KS_DOTNET_NS}}}ASiCManifest", nsmap={"cades": KS_DOTNET_NS, "sig": DS_NS})
    etree.SubElement(root, f"{{{KS_DOTNET_NS}}}SigReference", URI=signature_name, MimeType="text/xml")
    for name, content in files:
        reference = etree.SubElement(
            root, f"{{{KS_DOTNET_NS}}}DataObjectReference", URI=name, MimeType="text/xml"
        )
        etree.SubElement(reference, f"{{{DS_NS}}}DigestMethod", Algorithm=DIGEST_URIS[digest])
        etree.SubElement(reference, f"{{{DS_NS}}}DigestValue").text = base64.b64encode(
            hashlib.new(digest, content).digest()
        ).decode()
    manifest = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + etree.tostring(root)
    signed = manifest + b" " if tamper else manifest
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"application/vnd.etsi.asic-e+zip")
        for name, content in files:
            archive.writestr(name, content)
        archive.writestr(signature_name, cms_sign(signed, signer))
        archive.writestr("META-INF/asicmanifest.xml", manifest)
    return buffer.getvalue()
