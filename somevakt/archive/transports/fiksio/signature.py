"""The check of the sender's CAdES signature on a received ASiC-E container.

Fiks IO's documentation says a message's ASiC-E signature identifies its sender, and that KS's
clients sign with the certificate the sender authenticates to Maskinporten with: the sender's
business certificate. A reply from the archive system is therefore used only when

- its container's `META-INF/...p7s` is a CMS SignedData whose signature (over the signed
  attributes, whose message digest is the manifest's) verifies with the signer's certificate,
- that certificate is valid now and leads, through the certificates in the signature, to one of
  the trusted issuers of business certificates (`SOMEVAKT_FIKSIO_TRUSTED_CAS`, a PEM file;
  otherwise the system's CA bundle), and
- Fiks IO says it came from the archive system's account (`avsender-id`; checked by `receiving`).

Revocation (OCSP, CRL) is not checked. KS's own clients do not check a received signature at all
(their .NET ASiC-E reader only reads the signer's certificate), so this is stricter than theirs.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import warnings
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.utils import CryptographyDeprecationWarning

from somevakt.archive.transports.fiksio import der
from somevakt.archive.transports.fiksio.oids import DATA, DIGESTS, RSA_ENCRYPTION

SIGNED_DATA = "1.2.840.113549.1.7.2"
CONTENT_TYPE = "1.2.840.113549.1.9.3"
MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
RSASSA_PSS = "1.2.840.113549.1.1.10"
RSA_WITH: dict[str, type[hashes.HashAlgorithm]] = {
    "1.2.840.113549.1.1.5": hashes.SHA1,
    "1.2.840.113549.1.1.11": hashes.SHA256,
    "1.2.840.113549.1.1.12": hashes.SHA384,
    "1.2.840.113549.1.1.13": hashes.SHA512,
}
SYSTEM_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
MAX_CHAIN = 8

# Why a signature is not accepted: the code is stored with the reply and named on the entry in the
# reader's language (`templatetags/fiksio.py`); the detail after it is for the log and developers.
UNSIGNED = "unsigned"  # no signature, or not a CMS signature
INVALID = "invalid"  # the signature or the digest does not match
CERTIFICATE = "certificate"  # the signer's certificate is not valid now
UNTRUSTED = "untrusted"  # the certificate does not lead to a trusted issuer
SENDER = "sender"  # Fiks IO says it came from another account than the archive system's
CODES = (UNSIGNED, INVALID, CERTIFICATE, UNTRUSTED, SENDER)
PREFIX = "signature."


class SignatureError(ValueError):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{PREFIX}{code}: {detail}")
        self.code = code
        self.detail = detail


def code_of(problem: str) -> str | None:
    """The signature code a stored reply problem names, or None for another problem."""
    if not problem.startswith(PREFIX):
        return None
    code = problem[len(PREFIX) :].split(":", 1)[0]
    return code if code in CODES else None


@dataclass(frozen=True)
class Verified:
    signer: x509.Certificate

    @property
    def subject(self) -> str:
        return self.signer.subject.rfc4514_string()


@functools.lru_cache(maxsize=4)
def _anchors_from(path: str, modified: float) -> tuple[x509.Certificate, ...]:
    try:
        with warnings.catch_warnings():
            # The system bundle holds an old root with a non-positive serial; cryptography warns on
            # every load, which `archive ping` would print to the operator each time.
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            return tuple(x509.load_pem_x509_certificates(Path(path).read_bytes()))
    except (OSError, ValueError):
        return ()


def trusted_anchors(path: str | Path | None) -> tuple[x509.Certificate, ...]:
    """The trusted issuers in a PEM file (the setting, else the system's bundle); () if none."""
    chosen = Path(path) if path else SYSTEM_BUNDLE
    try:
        modified = chosen.stat().st_mtime
    except OSError:
        return ()
    return _anchors_from(str(chosen), modified)


def _signer_of(info: der.Node, certificates: list[tuple[der.Node, x509.Certificate]]) -> x509.Certificate:
    sid = info[1]
    for node, certificate in certificates:
        if sid.tag == der.SEQUENCE:
            tbs = node[0]
            issuer = tbs[3] if tbs[0].context else tbs[2]  # after the optional [0] version
            if sid[1].integer() == certificate.serial_number and sid[0].raw == issuer.raw:
                return certificate
        elif sid.context and sid.number == 0:
            try:
                ski = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
            except x509.ExtensionNotFound:
                continue
            if ski.value.digest == sid.content:
                return certificate
    raise SignatureError(UNTRUSTED, "the signature does not carry the signer's certificate")


def _check_signature(
    certificate: x509.Certificate,
    algorithm: der.Node,
    digest: type[hashes.HashAlgorithm],
    signature: bytes,
    signed: bytes,
) -> None:
    key = certificate.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureError(INVALID, "the signer's key is not an RSA key")
    name = algorithm[0].oid()
    chosen: padding.AsymmetricPadding
    if name == RSASSA_PSS:
        pss_hash: type[hashes.HashAlgorithm] | None = hashes.SHA1
        salt = 20
        if len(algorithm) > 1 and algorithm[1].tag == der.SEQUENCE:
            for field in algorithm[1].children:
                if field.number == 0:
                    pss_hash = DIGESTS.get(field[0][0].oid())
                elif field.number == 2:
                    salt = field[0].integer()
        if pss_hash is None:
            raise SignatureError(INVALID, "an unknown hash in the RSASSA-PSS signature")
        digest = pss_hash
        chosen = padding.PSS(mgf=padding.MGF1(digest()), salt_length=salt)
    elif name == RSA_ENCRYPTION or name in RSA_WITH:
        digest = RSA_WITH.get(name, digest)
        chosen = padding.PKCS1v15()
    else:
        raise SignatureError(INVALID, f"a signature algorithm somevakt does not check ({name})")
    try:
        key.verify(signature, signed, chosen, digest())
    except InvalidSignature:
        raise SignatureError(INVALID, "the signature does not match the manifest") from None


def _chain_ok(
    signer: x509.Certificate,
    extra: list[x509.Certificate],
    anchors: tuple[x509.Certificate, ...],
    now: dt.datetime,
) -> None:
    if not anchors:
        raise SignatureError(UNTRUSTED, "no trusted issuers are configured (SOMEVAKT_FIKSIO_TRUSTED_CAS)")
    anchor_prints = {a.fingerprint(hashes.SHA256()) for a in anchors}
    current = signer
    for _ in range(MAX_CHAIN):
        if current.fingerprint(hashes.SHA256()) in anchor_prints:
            return
        for anchor in anchors:
            if anchor.subject == current.issuer and _issued_by(current, anchor):
                return
        parent = next(
            (c for c in extra if c.subject == current.issuer and c != current and _issued_by(current, c)),
            None,
        )
        if parent is None:
            break
        if not _is_ca(parent) or not parent.not_valid_before_utc <= now <= parent.not_valid_after_utc:
            raise SignatureError(
                UNTRUSTED, f"{parent.subject.rfc4514_string()} may not issue certificates now"
            )
        current = parent
    raise SignatureError(
        UNTRUSTED,
        f"{signer.subject.rfc4514_string()} was not issued by a trusted issuer of business certificates",
    )


def untrusted(
    certificate: x509.Certificate,
    chain: tuple[x509.Certificate, ...] | list[x509.Certificate],
    anchors: tuple[x509.Certificate, ...],
    now: dt.datetime | None = None,
) -> str:
    """Why `certificate` does not lead through `chain` to one of `anchors` ("" when it does): the
    test the archive's reply signatures pass, applied to the municipality's own certificate."""
    try:
        _chain_ok(certificate, list(chain), anchors, now or dt.datetime.now(dt.UTC))
    except SignatureError as exc:
        return exc.detail
    return ""


def _issued_by(child: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _is_ca(certificate: x509.Certificate) -> bool:
    try:
        return bool(certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def verify(
    content: bytes,
    signature: bytes,
    anchors: tuple[x509.Certificate, ...],
    *,
    now: dt.datetime | None = None,
) -> Verified:
    """Check the detached CMS `signature` over `content` (the manifest); raises SignatureError."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        root = der.parse(signature)
        if root.tag != der.SEQUENCE or root[0].oid() != SIGNED_DATA:
            raise SignatureError(UNSIGNED, "the signature file is not CMS SignedData")
        signed_data = root[1][0]
        position = 3
        certificates: list[tuple[der.Node, x509.Certificate]] = []
        encapsulated = signed_data[2]
        if len(encapsulated) > 1:  # attached content: it must be the manifest itself
            if encapsulated[1][0].octets() != content:
                raise SignatureError(INVALID, "the signature holds another content than the manifest")
        while position < len(signed_data) and signed_data[position].context:
            holder = signed_data[position]
            if holder.number == 0:
                for node in holder.children:
                    if node.tag == der.SEQUENCE:
                        certificates.append((node, x509.load_der_x509_certificate(node.raw)))
            position += 1
        infos = signed_data[position].children
        if not infos:
            raise SignatureError(UNSIGNED, "the signature has no signer")
        info = infos[0]
        signer = _signer_of(info, certificates)
        digest = DIGESTS.get(info[2][0].oid())
        if digest is None:
            raise SignatureError(INVALID, f"an unknown digest {info[2][0].oid()}")
        field = 3
        signed = content
        if info[field].context and info[field].number == 0:  # signedAttrs
            attributes = info[field]
            found_digest = None
            for attribute in attributes.children:
                kind = attribute[0].oid()
                if kind == MESSAGE_DIGEST:
                    found_digest = attribute[1][0].octets()
                elif kind == CONTENT_TYPE and attribute[1][0].oid() != DATA:
                    raise SignatureError(INVALID, "the signed content is not data")
            if found_digest != hashlib.new(digest().name, content).digest():
                raise SignatureError(INVALID, "the manifest does not match the digest in the signature")
            # The signature covers the attributes as a SET, not as the [0] they are stored under.
            signed = bytes([der.SET]) + attributes.raw[1:]
            field += 1
        _check_signature(signer, info[field], digest, info[field + 1].octets(), signed)
    except SignatureError:
        raise
    except (der.DerError, ValueError, IndexError) as exc:
        raise SignatureError(UNSIGNED, f"the signature cannot be read: {exc}") from None
    if not signer.not_valid_before_utc <= now <= signer.not_valid_after_utc:
        raise SignatureError(
            CERTIFICATE,
            f"the signer's certificate is valid {signer.not_valid_before_utc:%Y-%m-%d} to "
            f"{signer.not_valid_after_utc:%Y-%m-%d}",
        )
    _chain_ok(signer, [c for _, c in certificates], anchors, now)
    return Verified(signer)
