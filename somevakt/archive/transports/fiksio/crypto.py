"""End-to-end encryption of a Fiks IO payload: CMS EnvelopedData for the recipient's certificate.

As KS's clients do (their CMS libraries for Java and .NET): the content is encrypted with
AES-256-CBC, and the content key is wrapped for the recipient's certificate with RSAES-OAEP,
SHA-256 and MGF1 with SHA-256 (key transport, the recipient named by issuer and serial number).
`cryptography`'s PKCS#7 envelope writes only PKCS#1 v1.5 key transport and reads only DER, and
KS's clients write BER (stream generators), so the envelope is written and read here with `der`.
Reading also takes PKCS#1 v1.5 and AES-128/192, which older senders use.
"""

from __future__ import annotations

import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.asymmetric import padding as asymmetric
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from somevakt.archive.transports.fiksio import der
from somevakt.archive.transports.fiksio.oids import DATA, DIGESTS, RSA_ENCRYPTION, SHA256

ENVELOPED_DATA = "1.2.840.113549.1.7.3"
RSAES_OAEP = "1.2.840.113549.1.1.7"
MGF1 = "1.2.840.113549.1.1.8"
P_SPECIFIED = "1.2.840.113549.1.1.9"
AES_CBC = {
    "2.16.840.1.101.3.4.1.2": 16,  # aes128-CBC
    "2.16.840.1.101.3.4.1.22": 24,  # aes192-CBC
    "2.16.840.1.101.3.4.1.42": 32,  # aes256-CBC
}
AES256_CBC = "2.16.840.1.101.3.4.1.42"


class DecryptionError(ValueError):
    """The payload is not CMS EnvelopedData for this key."""


def _oaep_identifier() -> bytes:
    sha256 = der.sequence(der.oid(SHA256), der.null())
    parameters = der.sequence(
        der.explicit(0, sha256),
        der.explicit(1, der.sequence(der.oid(MGF1), sha256)),
        der.explicit(2, der.sequence(der.oid(P_SPECIFIED), der.octet_string(b""))),
    )
    return der.sequence(der.oid(RSAES_OAEP), parameters)


def _oaep() -> asymmetric.OAEP:
    return asymmetric.OAEP(mgf=asymmetric.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def encrypt(data: bytes, recipient: x509.Certificate) -> bytes:
    public_key = recipient.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise ValueError("the recipient's certificate does not hold an RSA key")
    key, iv = os.urandom(32), os.urandom(16)
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    sealed = encryptor.update(padder.update(data) + padder.finalize()) + encryptor.finalize()
    recipient_info = der.sequence(
        der.integer(0),
        der.sequence(recipient.issuer.public_bytes(), der.integer(recipient.serial_number)),
        _oaep_identifier(),
        der.octet_string(public_key.encrypt(key, _oaep())),
    )
    content_info = der.sequence(
        der.oid(DATA),
        der.sequence(der.oid(AES256_CBC), der.octet_string(iv)),
        der.implicit_primitive(0, sealed),
    )
    enveloped = der.sequence(der.integer(0), der.set_of(recipient_info), content_info)
    return der.sequence(der.oid(ENVELOPED_DATA), der.explicit(0, enveloped))


def _hash_of(identifier: der.Node | None, default: type[hashes.HashAlgorithm]) -> hashes.HashAlgorithm:
    if identifier is None:
        return default()
    found = DIGESTS.get(identifier[0].oid())
    if found is None:
        raise DecryptionError(f"an unknown hash {identifier[0].oid()} in the key transport")
    return found()


def _unwrap(algorithm: der.Node, encrypted_key: bytes, key: rsa.RSAPrivateKey) -> bytes:
    name = algorithm[0].oid()
    if name == RSA_ENCRYPTION:
        return key.decrypt(encrypted_key, asymmetric.PKCS1v15())
    if name != RSAES_OAEP:
        raise DecryptionError(f"the content key is wrapped with {name}, which somevakt does not read")
    # RFC 8017's defaults for what the parameters leave out; only ever read, never written.
    digest: hashes.HashAlgorithm = hashes.SHA1()  # noqa: S303
    mask: hashes.HashAlgorithm = hashes.SHA1()  # noqa: S303
    if len(algorithm) > 1 and algorithm[1].tag == der.SEQUENCE:
        for field in algorithm[1].children:  # defaults (SHA-1) apply to what is left out
            if field.number == 0:
                digest = _hash_of(field[0], hashes.SHA1)
            elif field.number == 1:
                mask = _hash_of(field[0][1] if len(field[0]) > 1 else None, hashes.SHA1)
    return key.decrypt(
        encrypted_key, asymmetric.OAEP(mgf=asymmetric.MGF1(mask), algorithm=digest, label=None)
    )


def _ours(recipient_info: der.Node, certificate: x509.Certificate) -> bool:
    rid = recipient_info[1]
    if rid.tag == der.SEQUENCE:  # issuerAndSerialNumber
        return (
            rid[0].raw == certificate.issuer.public_bytes() and rid[1].integer() == certificate.serial_number
        )
    return True  # a subject key identifier: try the key


def decrypt(data: bytes, certificate: x509.Certificate, key: rsa.RSAPrivateKey) -> bytes:
    try:
        return _decrypt(data, certificate, key)
    except DecryptionError:
        raise
    except (der.DerError, ValueError, IndexError) as exc:
        raise DecryptionError(f"the payload cannot be decrypted with this account's key: {exc}") from None


def _decrypt(data: bytes, certificate: x509.Certificate, key: rsa.RSAPrivateKey) -> bytes:
    root = der.parse(data)
    if root.tag != der.SEQUENCE or root[0].oid() != ENVELOPED_DATA:
        raise DecryptionError("the payload is not CMS EnvelopedData")
    enveloped = root[1][0]
    position = 1
    if enveloped[position].context:  # originatorInfo [0]
        position += 1
    recipients = [r for r in enveloped[position].children if r.tag == der.SEQUENCE]
    content = enveloped[position + 1]
    if not recipients:
        raise DecryptionError("the payload names no recipient it is encrypted for")
    mine = [r for r in recipients if _ours(r, certificate)] or recipients[:1]
    content_key = b""
    for recipient_info in mine:
        try:
            content_key = _unwrap(recipient_info[2], recipient_info[3].octets(), key)
            break
        except ValueError:
            continue
    if not content_key:
        raise DecryptionError("the payload is not encrypted for this account's key")
    algorithm = content[1]
    size = AES_CBC.get(algorithm[0].oid())
    if size is None:
        raise DecryptionError(f"the content is encrypted with {algorithm[0].oid()}, not AES-CBC")
    if len(content_key) != size:
        raise DecryptionError("the content key has the wrong length")
    iv = algorithm[1].octets()
    sealed = content[2].octets() if len(content) > 2 else b""
    decryptor = Cipher(algorithms.AES(content_key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(sealed) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise DecryptionError("the payload is not encrypted for this account's key") from None
