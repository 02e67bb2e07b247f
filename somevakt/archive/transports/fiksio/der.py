"""Just enough ASN.1 for CMS: a BER reader and a DER writer.

KS's Fiks IO clients write their CMS with BouncyCastle's *stream* generators, which produce BER:
indefinite lengths, and octet strings cut into constructed chunks. A DER-only parser (which is
what `cryptography`'s PKCS#7 functions are) refuses such a message, so the transport reads CMS
with this module and writes it in DER, which every BER reader accepts.
"""

from __future__ import annotations

from dataclasses import dataclass

SEQUENCE = 0x30
SET = 0x31
INTEGER = 0x02
OCTET_STRING = 0x04
NULL = 0x05
OID = 0x06

MAX_DEPTH = 64


class DerError(ValueError):
    """Not ASN.1 this module can read."""


@dataclass(frozen=True)
class Node:
    tag: int  # the identifier octet (class, constructed bit and number; low tag numbers only)
    raw: bytes  # the whole encoding as it was read (identifier, length, contents)
    content: bytes  # the contents octets (for an indefinite length: without the end-of-contents)
    children: tuple[Node, ...] = ()

    @property
    def constructed(self) -> bool:
        return bool(self.tag & 0x20)

    @property
    def number(self) -> int:
        return self.tag & 0x1F

    @property
    def context(self) -> bool:
        return self.tag & 0xC0 == 0x80

    def octets(self) -> bytes:
        """The value of an OCTET STRING, joined from its chunks when it was cut (BER)."""
        if not self.constructed:
            return self.content
        return b"".join(child.octets() for child in self.children)

    def integer(self) -> int:
        return int.from_bytes(self.content, "big", signed=True)

    def oid(self) -> str:
        return decode_oid(self.content)

    def __getitem__(self, index: int) -> Node:
        return self.children[index]

    def __len__(self) -> int:
        return len(self.children)


def _length(data: bytes, at: int) -> tuple[int | None, int]:
    if at >= len(data):
        raise DerError("truncated length")
    first = data[at]
    at += 1
    if first < 0x80:
        return first, at
    if first == 0x80:
        return None, at  # indefinite
    count = first & 0x7F
    if count > 8 or at + count > len(data):
        raise DerError("bad length")
    return int.from_bytes(data[at : at + count], "big"), at + count


def _read(data: bytes, at: int, depth: int) -> tuple[Node, int]:
    if depth > MAX_DEPTH:
        raise DerError("nested too deeply")
    start = at
    if at >= len(data):
        raise DerError("truncated")
    tag = data[at]
    if tag & 0x1F == 0x1F:
        raise DerError("high tag numbers are not used in CMS")
    length, at = _length(data, at + 1)
    constructed = bool(tag & 0x20)
    children: list[Node] = []
    if length is None:
        if not constructed:
            raise DerError("an indefinite length on a primitive value")
        content_start = at
        while True:
            if at + 2 > len(data):
                raise DerError("no end-of-contents")
            if data[at] == 0 and data[at + 1] == 0:
                content_end = at
                at += 2
                break
            child, at = _read(data, at, depth + 1)
            children.append(child)
        return Node(tag, data[start:at], data[content_start:content_end], tuple(children)), at
    end = at + length
    if end > len(data):
        raise DerError("truncated value")
    if constructed:
        position = at
        while position < end:
            child, position = _read(data, position, depth + 1)
            children.append(child)
        if position != end:
            raise DerError("a value runs over its container")
    return Node(tag, data[start:end], data[at:end], tuple(children)), end


def parse(data: bytes) -> Node:
    node, end = _read(data, 0, 0)
    if data[end:].strip(b"\x00"):
        raise DerError("data after the value")
    return node


def decode_oid(content: bytes) -> str:
    if not content:
        raise DerError("an empty object identifier")
    parts: list[int] = []
    value = 0
    for byte in content:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    first = min(parts[0] // 40, 2)
    return ".".join(str(p) for p in (first, parts[0] - 40 * first, *parts[1:]))


# --- writing (DER) ---


def tlv(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        length = bytes([size])
    else:
        encoded = size.to_bytes((size.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(encoded)]) + encoded
    return bytes([tag]) + length + content


def sequence(*items: bytes) -> bytes:
    return tlv(SEQUENCE, b"".join(items))


def set_of(*items: bytes) -> bytes:
    return tlv(SET, b"".join(sorted(items)))


def integer(value: int) -> bytes:
    size = max(1, (value.bit_length() + 8) // 8)
    return tlv(INTEGER, value.to_bytes(size, "big", signed=True))


def octet_string(value: bytes) -> bytes:
    return tlv(OCTET_STRING, value)


def null() -> bytes:
    return tlv(NULL, b"")


def oid(dotted: str) -> bytes:
    numbers = [int(p) for p in dotted.split(".")]
    values = [40 * numbers[0] + numbers[1], *numbers[2:]]
    out = bytearray()
    for value in values:
        chunk = [value & 0x7F]
        value >>= 7
        while value:
            chunk.append(0x80 | (value & 0x7F))
            value >>= 7
        out.extend(reversed(chunk))
    return tlv(OID, bytes(out))


def explicit(number: int, content: bytes) -> bytes:
    return tlv(0xA0 | number, content)


def implicit_primitive(number: int, content: bytes) -> bytes:
    return tlv(0x80 | number, content)
