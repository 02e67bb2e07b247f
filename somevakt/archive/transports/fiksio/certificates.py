"""The municipality's business certificate (virksomhetssertifikat): its key and chain.

It signs the Maskinporten grant and the ASiC-E container, and (unless the account has a key of
its own) decrypts the replies. It comes as a PKCS#12 file with its password, or as PEM (the
private key and the certificate chain, in one file or two).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from somevakt.archive.transports.fiksio.errors import FiksIOError

_PRIVATE_KEY = re.compile(rb"-----BEGIN ([A-Z ]*)PRIVATE KEY-----.+?-----END \1PRIVATE KEY-----", re.S)


class CertificateError(FiksIOError, ValueError):
    """A certificate or key that cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class Identity:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()  # intermediates, the signer's issuer first

    @property
    def all_certificates(self) -> tuple[x509.Certificate, ...]:
        return (self.certificate, *self.chain)

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()

    @property
    def not_after(self) -> dt.datetime:
        return self.certificate.not_valid_after_utc

    def validity(self, now: dt.datetime | None = None) -> tuple[str, dt.datetime] | None:
        """Why the certificate cannot be used now, as ("expired" or "not_yet", the date it
        concerns), or None when it can."""
        now = now or dt.datetime.now(dt.UTC)
        if now > self.certificate.not_valid_after_utc:
            return "expired", self.certificate.not_valid_after_utc
        if now < self.certificate.not_valid_before_utc:
            return "not_yet", self.certificate.not_valid_before_utc
        return None

    def problem(self, now: dt.datetime | None = None) -> str:
        """Why the certificate cannot be used now ("" when it can)."""
        found = self.validity(now)
        if found is None:
            return ""
        kind, when = found
        if kind == "expired":
            return f"the certificate expired on {when:%Y-%m-%d}"
        return f"the certificate is not valid before {when:%Y-%m-%d}"


def _checked(key: object, certificate: x509.Certificate | None, chain: list[x509.Certificate]) -> Identity:
    if certificate is None:
        raise CertificateError("the file has no certificate", "no_certificate")
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CertificateError("the private key is missing or is not an RSA key", "no_rsa_key")
    if key.public_key().public_numbers() != certificate.public_key().public_numbers():  # type: ignore[union-attr]
        raise CertificateError("the private key does not belong to the certificate", "key_mismatch")
    return Identity(key, certificate, tuple(chain))


def load_pkcs12(data: bytes, password: str) -> Identity:
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, password.encode() or None)
    except ValueError:
        raise CertificateError(
            "the PKCS#12 file cannot be opened (wrong password, or not PKCS#12)", "pkcs12"
        ) from None
    return _checked(key, certificate, list(extra))


def load_pem(data: bytes, password: str = "") -> Identity:
    """A PEM private key and its certificate chain (the signer's certificate first)."""
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise CertificateError("no PEM certificate found", "no_pem") from None
    found = _PRIVATE_KEY.search(data)
    key = None
    if found:
        try:
            key = serialization.load_pem_private_key(found.group(0), password.encode() or None)
        except (ValueError, TypeError):
            raise CertificateError(
                "the PEM private key cannot be read (wrong password?)", "pem_key"
            ) from None
    return _checked(key, certificates[0] if certificates else None, certificates[1:])


def load(data: bytes, password: str = "") -> Identity:
    """PEM when it looks like PEM, otherwise PKCS#12."""
    if b"-----BEGIN" in data:
        return load_pem(data, password)
    return load_pkcs12(data, password)


def load_certificate(pem: str | bytes) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(pem.encode() if isinstance(pem, str) else pem)
    except ValueError:
        raise CertificateError("not a PEM certificate", "not_pem") from None
