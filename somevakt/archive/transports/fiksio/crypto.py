"""End-to-end encryption of a Fiks IO payload: CMS EnvelopedData for the recipient's certificate.

The recipient's certificate comes from the Fiks IO catalogue; the content key is AES-256-CBC,
wrapped with the recipient's RSA key (key transport), and the message is DER-encoded CMS.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7


class DecryptionError(ValueError):
    """The payload is not CMS EnvelopedData for this key."""


def encrypt(data: bytes, recipient: x509.Certificate) -> bytes:
    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(data)
        .set_content_encryption_algorithm(algorithms.AES256)
        .add_recipient(recipient)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def decrypt(data: bytes, certificate: x509.Certificate, key: rsa.RSAPrivateKey) -> bytes:
    try:
        return pkcs7.pkcs7_decrypt_der(data, certificate, key, [])
    except ValueError as exc:
        raise DecryptionError(f"the payload cannot be decrypted with this account's key: {exc}") from None
