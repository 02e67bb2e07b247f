"""Real X.509 certificates and RSA keys made by the tests: a CA, an intermediate, and the leaf
certificates of the municipality (business certificate), its Fiks IO account and the archive system."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from somevakt.archive.transports.fiksio.certificates import Identity


@dataclass(frozen=True)
class Issued:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def identity(self) -> Identity:
        return Identity(self.key, self.certificate, self.chain)

    def pem(self) -> bytes:
        key = self.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        certificates = [self.certificate, *self.chain]
        return key + b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)

    def certificate_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")

    def pkcs12(self, password: str) -> bytes:
        return pkcs12.serialize_key_and_certificates(
            b"virksomhetssertifikat",
            self.key,
            self.certificate,
            list(self.chain) or None,
            serialization.BestAvailableEncryption(password.encode()),
        )


def _name(common: str, org_number: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "NO"), x509.NameAttribute(NameOID.COMMON_NAME, common)]
    if org_number:
        parts.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, org_number))
    return x509.Name(parts)


def issue(
    common: str,
    *,
    issuer: Issued | None = None,
    ca: bool = False,
    org_number: str = "",
    not_before: dt.datetime | None = None,
    days: int = 365,
) -> Issued:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    start = not_before or dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    subject = _name(common, org_number)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.certificate.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=False,
        )
    signer = issuer.key if issuer else key
    certificate = builder.sign(signer, hashes.SHA256())
    chain = (issuer.certificate, *issuer.chain) if issuer and not ca else ()
    return Issued(key, certificate, chain)


@dataclass(frozen=True)
class Pki:
    root: Issued
    intermediate: Issued
    municipality: Issued  # the business certificate (virksomhetssertifikat), with its chain
    archive: Issued  # the archive system's Fiks IO account


def make_pki() -> Pki:
    root = issue("Test Root CA", ca=True, days=3650)
    intermediate = issue("Test Virksomhet CA", issuer=root, ca=True, days=1825)
    intermediate = Issued(intermediate.key, intermediate.certificate, (root.certificate,))
    municipality = issue("GAUSDAL KOMMUNE", issuer=intermediate, org_number="961399254")
    archive = issue("Arkivsystem Fiks Arkiv", issuer=intermediate, org_number="961399254")
    return Pki(root, intermediate, municipality, archive)
