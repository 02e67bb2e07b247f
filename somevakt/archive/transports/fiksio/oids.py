"""The object identifiers the CMS envelope (`crypto`) and the CMS signature (`signature`) share."""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes

DATA = "1.2.840.113549.1.7.1"
RSA_ENCRYPTION = "1.2.840.113549.1.1.1"
SHA256 = "2.16.840.1.101.3.4.2.1"
# The digest algorithms either reads, by their identifier.
DIGESTS: dict[str, type[hashes.HashAlgorithm]] = {
    "1.3.14.3.2.26": hashes.SHA1,
    SHA256: hashes.SHA256,
    "2.16.840.1.101.3.4.2.2": hashes.SHA384,
    "2.16.840.1.101.3.4.2.3": hashes.SHA512,
}
