"""The one cleaning of text bound for the archive (the arkivmelding, the Noark 5 extract, the PDF).

A commenter's name or text can hold anything a platform lets through: NUL, \\x01, U+FFFE, lone
surrogates, right-to-left overrides. XML 1.0 cannot carry some of these at all (the message would
fail for good), and the others would hide or reorder what an archivist reads. So each such
character is written as a visible escape, `[U+0001]`, `[U+202E RIGHT-TO-LEFT OVERRIDE]`, and the
rest is kept as it was. A permalink goes to the archive only as an http(s) address on its
platform's own host; anything else (`javascript:`, `data:`, another host) is left out.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

# Direction controls that change how text around them is shown without being visible themselves.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
KEPT_CONTROLS = frozenset("\t\n\r")

# The platforms' own hosts; a platform not listed (Mastodon: each instance its own host) takes
# any http(s) host.
PLATFORM_HOSTS: dict[str, tuple[str, ...]] = {
    "facebook": ("facebook.com", "fb.com", "fb.me"),
    "instagram": ("instagram.com",),
}


def visible(char: str) -> str:
    """A character spelled out: `[U+202E RIGHT-TO-LEFT OVERRIDE]`, `[U+0001]`."""
    name = unicodedata.name(char, "")
    return f"[U+{ord(char):04X}{' ' + name if name else ''}]"


def _allowed_in_xml(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def needs_escape(char: str) -> bool:
    if char in KEPT_CONTROLS:
        return False
    return not _allowed_in_xml(ord(char)) or char in BIDI or unicodedata.category(char) in ("Cc", "Cs")


def clean_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot carry, and every control or direction character,
    written as a visible escape; the same for the XML and the PDF."""
    if not any(needs_escape(char) for char in text):
        return text
    return "".join(visible(char) if needs_escape(char) else char for char in text)


def safe_permalink(url: str, platform: str = "") -> str:
    """`url` if it is an http(s) address on the platform's host, else ""."""
    url = (url or "").strip()
    if not url or any(needs_escape(char) or char.isspace() for char in url):
        return ""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not host or parts.username or parts.password:
        return ""
    allowed = PLATFORM_HOSTS.get(platform)
    if allowed and not any(host == name or host.endswith("." + name) for name in allowed):
        return ""
    return url
