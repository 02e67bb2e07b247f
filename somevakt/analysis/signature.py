"""Is a reply signed with a first name? ("Hilsen Kari", "– Ola", "mvh Per i Gausdal kommune")

Gausdal's guideline asks official replies to be signed with the writer's first name;
the engine decides whether the municipality's pack requires it. This only tells whether
the last line of a reply carries a name after a greeting, dash or slash, or stands as a
name alone. A greeting from a unit ("Hilsen Servicetorget") is not a signature, and neither
is a full name ("Hilsen Kari Nordmann") or a surname alone ("mvh Jensen"): the guideline asks for the
first name only. A smile after the name ("Hilsen Hilde 😊") and "Mvh." with its full stop are still
a signature.
"""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from somevakt.analysis.base import Document, Finding
from somevakt.analysis.names import given_names

SIGNATURE_MISSING = "style.signature_missing"

_NAME = r"[A-ZÆØÅ][a-zæøåéèüöä]+(?:-[A-ZÆØÅ][a-zæøåéèüöä]+)?"


# A double first name ("Ole Martin", "Anne Grete") is a first name; a surname after it is not: the
# second part must be one of the lexicon's given names, so "Kari Nordmann" stays a full name.
def _first_name() -> str:
    second = "|".join(sorted((n.capitalize() for n in given_names()), key=len, reverse=True))
    return rf"{_NAME}(?: (?:{second})(?![\wæøå]))?"


_GREETING = (
    r"(?i:(?:med\s+)?(?:vennlig|venleg|beste|varm|god|mange)?\s*(?:hilsen|hilsn|helsing|helsning|"
    r"hilsning|hilsener)"
    r"|mvh\.?|vh\.?|m\.v\.h\.?|hilsen\s+oss\s+i|fra|frå"
    r"|(?:kind|best|warm|many|warmest)\s+(?:regards|wishes)|regards|sincerely|yours\s+sincerely|best|cheers|"
    r"all\s+the\s+best|thanks|thank\s+you)"
)
# A smile after the name is still the signature ("Hilsen Hilde 😊", "– Per :)"): emoji, their
# variation selectors and joiners, and the common ASCII smileys.
_TRAILING_SMILE = r"(?:(?:[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f\u200d]|[:;]-?[)D(P])[\s.!]*)*"
_REST = (
    r"(?P<rest>(?:\s*[,(/]\s*[^\n]{0,60}|\s+(?:i|på|fra|frå|ved|hos)\s+[^\n]{0,60})?)"
    r"[\s.!)]*" + _TRAILING_SMILE + r"$"
)
# Greeting or dash, then a capitalised first name, maybe a role or "i X kommune".
# A role before the name is still a first-name signature: "Hilsen rektor Bente".
_ROLE = (
    r"(?:[a-zæøå]*(?:rektor|leder|leiar|styrer|styrar|rådgiver|rådgjevar|konsulent|sekretær|bibliotekar|"
    r"saksbehandler|saksbehandlar|sjef|koordinator|medarbeider|medarbeidar|ingeniør|sykepleier|"
    r"sjukepleiar) )?"
)


# Two people signing together with first names: "Hilsen Kari og Per" (not "Kari og Per Hansen").
# Built on first use: the double first names come from the names lexicon.
@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    first = _first_name()
    signed = re.compile(
        rf"(?:(?:^|[\s,.!]){_GREETING}[\s,:]*|(?:^|\s)[-–—/~]\s*){_ROLE}"
        rf"(?P<name>{first})(?: (?:og|&) {first})?{_REST}"
    )
    # A line that is only a name (and maybe a role): the signature of a multi-line reply.
    name_line = re.compile(rf"(?P<name>{first})(?:\s*[,(/]\s*[^\n]{{0,60}})?[\s.)]*{_TRAILING_SMILE}")
    return signed, name_line


# Capitalised words that are units, not people.
_NOT_A_NAME = re.compile(
    r"(?i)^(?:takk|hei|hallo|velkommen|hilsen|helsing|mvh|god|godt|ha|lykke|beklager|svar|ok|vennlig|"
    r"kommune|kommunen|oss|servicetorget|servicetorg|redaksjonen|administrasjonen|biblioteket|"
    r"teamet|rådhuset|ordføreren|rådmannen|informasjon|kommunikasjon|post|sentralbordet|legevakten|"
    r"helsestasjonen|kulturkontoret|teknisk|barnehagen|skolen|skulen|alle|dere|deg|alle oss|"
    r"[a-zæøå]*(?:kontor|kontoret|tjeneste|tjenesten|tenesta|senter|senteret|avdeling|avdelinga|avdelingen|"
    r"seksjon|seksjonen|stab|staben|team|teamet|gruppa|gruppen|etat|etaten|mottak|mottaket|"
    r"sektor|sektoren|enhet|enheten|eining|torg|torget|stasjon|stasjonen|bibliotek|kommune))$"
)

# A surname alone is not a first name ("mvh Jensen", "Hilsen Nordmann"): the patronymic and farm-name
# endings of Norwegian surnames, and common surnames that are no one's first name. ("Ali" and
# "Ahmed" are first names as well, so they are not here.)
_SURNAME = re.compile(
    r"(?i)^(?:[a-zæøåéü]+(?:sen|stad|heim|haugen|bakken|berg|dahl|gård|gaard|strand|vold|voll|"
    r"aune|rud|ruud)"
    r"|berg|dahl|dal|lund|lie|lien|moe|moen|holm|hagen|haug|hauge|haugen|eide|vik|aas|aasen|tveit|brekke|"
    r"lunde|bakke|bakken|strand|strøm|næss|myhre|sæther|tangen|nguyen|nordmann|haugland|solheim|"
    r"nygård|ødegård|rønning|sandvik|birkeland|myklebust|helland|bøe|hansen|olsen)$"
)
# First names with one of those endings.
_FIRST_NOT_SURNAME = re.compile(r"(?i)^(?:gertrud)$")

# Words of a municipality's official name that say what it is, not which one it is.
_GENERIC_NAME_WORDS = frozenset({"kommune", "kommunen", "herad", "heradet", "by", "bykommune", "og"})


def signed_name(text: str, municipality_name: str = "") -> str | None:
    """The first name the text is signed with, or None."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return None
    last = lines[-1][-160:]
    prev = lines[-2][-160:] if len(lines) > 1 else ""
    signed, name_line = _patterns()
    names = []
    for candidate in (last, f"{prev} {last}" if prev else "", prev):
        m = signed.search(candidate) if candidate else None
        if m:
            names.append(m.group("name"))
    if len(lines) > 1:
        for line in (last, prev):
            m = name_line.fullmatch(line)
            if m:
                names.append(m.group("name"))
    own = _own_name_words(municipality_name)
    for name in names:
        if _NOT_A_NAME.match(name) or name.lower() in own:
            continue
        if _SURNAME.match(name) and not _FIRST_NOT_SURNAME.match(name):
            continue
        return name
    return None


def _own_name_words(municipality_name: str) -> frozenset[str]:
    """The words of the municipality's name that are not "kommune": "Gausdal kommune" -> {"gausdal"}.

    A signature is one capitalised word, so it is compared word for word: "Hilsen Gausdal" and
    "Hilsen Gausdal Kommune" are the municipality, not a person.
    """
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", municipality_name.lower())
    return frozenset(w for w in words if w not in _GENERIC_NAME_WORDS)


class SignatureAnalyser:
    name: ClassVar[str] = "signature"
    version: ClassVar[str] = "8"
    codes: ClassVar[tuple[str, ...]] = (SIGNATURE_MISSING,)

    def analyse(self, doc: Document) -> list[Finding]:
        if doc.kind != "reply" or not doc.text.strip():
            return []
        if signed_name(doc.text, doc.context.municipality_name):
            return []
        return [Finding(SIGNATURE_MISSING, 0, len(doc.text), "info")]
