"""Personal data in running text: national ids, bank accounts, phone numbers, e-mail addresses.

Checksums come from python-stdnum and phone rules from phonenumbers, never our own code.
Every valid fødselsnummer also passes the kontonummer checksum (the second check digit
of a fødselsnummer is computed exactly like a kontonummer's), so an 11-digit number is
resolved by DESIGN.md §4: a valid fødselsnummer/D-nummer is a national id, unless it is
written in the account form `1503.13.94411` or next to a word like "kontonummer".

`find(text)` needs no Document: `masking.mask` uses it for logs and list views.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import ClassVar

import phonenumbers
from stdnum import iban
from stdnum.no import fodselsnummer, kontonr

from somevakt.analysis.base import Document, Finding, Severity

NATIONAL_ID = "personal_data.national_id"
BANK_ACCOUNT = "personal_data.bank_account"
PHONE = "personal_data.phone"
EMAIL = "personal_data.email"

SEVERITY: dict[str, Severity] = {NATIONAL_ID: "high", BANK_ACCOUNT: "high", PHONE: "warn", EMAIL: "warn"}

_SP = " \u00a0\u202f"  # space, no-break space, narrow no-break space
# Every pattern starts where a digit run starts (no digit, and no "digit + separator",
# just before), which keeps the scan linear and keeps us out of longer numbers.
_START = r"(?<![0-9])(?<![0-9][.,/])"
_END = r"(?![0-9])(?![.,/][0-9])"
_IBAN = re.compile(rf"(?<![A-Za-z0-9])NO[0-9]{{2}}(?:[{_SP}]?[0-9]){{11}}{_END}")
_ACCOUNT_GROUPED = re.compile(rf"{_START}(?<![0-9][{_SP}])[0-9]{{4}}([.{_SP}])[0-9]{{2}}\1[0-9]{{5}}{_END}")
# A birth number bare, as `DDMMYY NNNNN`, or with its date dotted (`DD.MM.YY NNNNN`).
_ELEVEN = re.compile(
    rf"{_START}(?:[0-9]{{6}}|[0-9]{{2}}\.[0-9]{{2}}\.[0-9]{{2}}(?=[{_SP}-]))(?:[{_SP}-]?)[0-9]{{5}}{_END}"
)
_PHONE = re.compile(
    rf"(?:(?P<prefix>(?<![\w+])(?:\+|00)[{_SP}]?47[{_SP}.-]?)|{_START}(?<![0-9][{_SP}-])(?<!\+))"
    rf"(?P<number>[0-9](?:[{_SP}.-]?[0-9]){{7}}){_END}(?![{_SP}-][0-9])"
)
EMAIL_ADDRESS = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})*\.[a-zA-Z]{2,24}(?![\w-])"
)
_GROUPS = re.compile(r"[0-9]+")

# Words that say an 11-digit number is an account, or a national id.
_ID_WORDS = re.compile(
    r"(?<![a-zæøå])(?:(?:bank)?konto(?:nummer|nummeret|nr|en)?|kto|"
    r"fødselsnummer(?:et)?|fødselsnr|personnummer(?:et)?|personnr|fnr|d-nummer(?:et)?|d-nr|"
    r"personalia|id-nummer)(?![a-zæøå])"
)
_ACCOUNT_WORD = re.compile(r"konto|kto")
# What comes right before a number that is an amount or a reference, not a phone number.
_NOT_PHONE_BEFORE = re.compile(
    r"(?<![a-zæøå])(?:kr|nok|kroner|sak|saken|saksnr|saksnummer|arkivsak|journalpost|journalnr|"
    r"org|orgnr|org\.nr|org\. ?nr|organisasjonsnummer|orgnummer|kid|kid-nummer|kid-nr|faktura|"
    r"fakturanr|fakturanummer|ordre|ordrenr|ordrenummer|ref|referanse|referansenr|referansenummer|"
    r"kundenr|kundenummer|avtalenr|avtalenummer|postboks|gnr|bnr|konto|kontonr|kontonummer|"
    r"fnr|fødselsnummer|personnummer|vedtak|dokument|dok)\.?(?: ?nr\.?)?:?(?: er| på)?[\s]*$"
)
_NOT_PHONE_AFTER = re.compile(r"^\s*(?:kr\b|kroner|nok\b|,-|%|prosent|mill|,[0-9]|\.[0-9])")
# Ways Norwegians write a domestic number; "45 000 000" (2-3-3) is an amount, "12 03 2024" a date.
_PHONE_GROUPINGS = {(8,), (3, 2, 3), (2, 2, 2, 2), (3, 5), (4, 4)}


@dataclass(frozen=True)
class Match:
    code: str
    start: int
    end: int


def _account_context(lower: str, start: int, end: int) -> bool:
    """The nearest id word before the number (or right after it) is an account word."""
    before = list(_ID_WORDS.finditer(lower, max(0, start - 40), start))
    if before:
        return bool(_ACCOUNT_WORD.search(before[-1].group()))
    after = _ID_WORDS.search(lower, end, min(len(lower), end + 25))
    return bool(after and _ACCOUNT_WORD.search(after.group()))


def _eleven(text: str, lower: str, m: re.Match[str]) -> str | None:
    raw = m.group()
    digits = "".join(_GROUPS.findall(raw))
    bare = raw.isdigit()
    if fodselsnummer.is_valid(digits):
        if bare and _account_context(lower, m.start(), m.end()):
            return BANK_ACCOUNT
        return NATIONAL_ID
    # A near-miss written like a birth number (6 + 5) is not an account; a bare one may be.
    if bare and kontonr.is_valid(digits):
        return BANK_ACCOUNT
    return None


def _phone(lower: str, m: re.Match[str]) -> bool:
    number = m.group("number")
    groups = tuple(len(g) for g in _GROUPS.findall(number))
    if not m.group("prefix"):
        separators = set(re.sub(r"[0-9]", "", number))
        if len(separators) > 1 or "." in separators or groups not in _PHONE_GROUPINGS:
            return False
        if groups == (4, 4) and number[0] not in "49":
            return False  # "2024 1234" is a year and a serial number, not a landline
        if _NOT_PHONE_BEFORE.search(lower, max(0, m.start() - 30), m.start()):
            return False
        if _NOT_PHONE_AFTER.match(lower[m.end() : m.end() + 12]):
            return False
    try:
        parsed = phonenumbers.parse("".join(_GROUPS.findall(number)), "NO")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))


def find(text: str, lower: str | None = None) -> list[Match]:
    """All personal data in `text`, non-overlapping, in order of position."""
    if lower is None or len(lower) != len(text):
        lower = text.lower()
    candidates: list[Match] = []  # in priority order: earlier wins an overlap
    if not any(c.isdigit() for c in text) and "@" not in text:
        return []
    if "NO" in text:
        for m in _IBAN.finditer(text):
            if iban.is_valid(m.group()):
                candidates.append(Match(BANK_ACCOUNT, m.start(), m.end()))
    if "@" in text:
        candidates.extend(Match(EMAIL, m.start(), m.end()) for m in EMAIL_ADDRESS.finditer(text))
    for m in _ACCOUNT_GROUPED.finditer(text):
        if kontonr.is_valid(m.group()):
            candidates.append(Match(BANK_ACCOUNT, m.start(), m.end()))
    for m in _ELEVEN.finditer(text):
        code = _eleven(text, lower, m)
        if code:
            candidates.append(Match(code, m.start(), m.end()))
    for m in _PHONE.finditer(text):
        if _phone(lower, m):
            candidates.append(Match(PHONE, m.start(), m.end()))

    # Earlier candidates win overlaps; the accepted spans are kept sorted (disjoint) for bisect.
    starts: list[int] = []
    taken: list[Match] = []
    for cand in candidates:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and taken[i - 1].end > cand.start:
            continue
        if i < len(taken) and taken[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        taken.insert(i, cand)
    return taken


class PersonalDataAnalyser:
    name: ClassVar[str] = "personal_data"
    version: ClassVar[str] = "2"
    codes: ClassVar[tuple[str, ...]] = (NATIONAL_ID, BANK_ACCOUNT, PHONE, EMAIL)

    def analyse(self, doc: Document) -> list[Finding]:
        from somevakt.analysis.masking import mask_match

        return [
            Finding(
                code=m.code,
                start=m.start,
                end=m.end,
                severity=SEVERITY[m.code],
                text=mask_match(m.code, doc.text[m.start : m.end]),
            )
            for m in find(doc.text, doc.lower)
        ]
