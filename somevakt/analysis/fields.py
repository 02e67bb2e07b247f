"""Which of the municipality's fields of work a text is about (school, health, roads ...).

Gausdal's information responsibility lets every employee give facts about their own field; to
tell an employee that a private post speaks for the municipality outside it, the post's field
and the person's field (from their unit's name and their title) are read with the same small
lexicon. A text may touch several fields or none; none means "cannot tell", and nothing is
said then. Bokmål and nynorsk forms are both listed; words match at the start of a word, so
"skole" finds "skolen" and "skolestart", never "høyskole" in the middle of a word.
"""

from __future__ import annotations

import re

# Field id -> word starts. The ids are named for people in policy.labels.FIELD_LABELS.
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "education": (
        "skole",
        "skule",
        "barnehage",
        "oppvekst",
        "elev",
        "lærer",
        "sfo",
        "rektor",
        "undervisning",
        "pedagog",
        "barneskole",
        "ungdomsskole",
        "ungdomsskule",
        "barneskule",
    ),
    "health": (
        "helse",
        "omsorg",
        "sykehjem",
        "sjukeheim",
        "sykepleie",
        "sjukepleie",
        "hjemmetjeneste",
        "heimeteneste",
        "hjemmesykepleie",
        "heimesjukepleie",
        "legevakt",
        "fastlege",
        "legekontor",
        "vaksin",
        "pasient",
        "pleiehjem",
        "pleietrengande",
        "pleietrengende",
        "rehabilitering",
        "psykisk helse",
        "helsestasjon",
    ),
    "technical": (
        "brøyt",
        "strøing",
        "veg",
        "vei",
        "kommunalteknikk",
        "teknisk drift",
        "teknisk etat",
        "tekniske tjenester",
        "tekniske tenester",
        "vannverk",
        "drikkevann",
        "avløp",
        "kloakk",
        "renovasjon",
        "søppel",
        "avfall",
        "gatelys",
        "kokevarsel",
    ),
    "culture": (
        "kultur",
        "bibliotek",
        "kino",
        "idrett",
        "fritidsklubb",
        "fritidstilbud",
        "fritidstilbod",
        "ungdomsklubb",
        "museum",
        "svømmehall",
        "symjehall",
    ),
    "planning": (
        "byggesak",
        "byggesøknad",
        "reguleringsplan",
        "regulering",
        "arealplan",
        "eiendomsskatt",
        "oppmåling",
        "landbruk",
        "kommuneplan",
    ),
}
FIELDS: tuple[str, ...] = tuple(FIELD_WORDS)

_PATTERNS: dict[str, re.Pattern[str]] = {
    field: re.compile(
        r"(?<![a-zæøå])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")",
        re.IGNORECASE,
    )
    for field, words in FIELD_WORDS.items()
}
# Words that share a start with a field word but are about something else ("vei" in "veien
# videre", "veileder", "vegg", "på vegne av", "på vei hjem"); a match that continues into one of
# these does not count.
_NOT = re.compile(
    r"(?<![a-zæøå])(?:veiled|veileiar|veien videre|vegen vidare|vei ut|veg ut|veit|vegg|vegetar|vegan"
    r"|vegne|vegner|på vei\b|på veg\b|elevator)",
    re.IGNORECASE,
)


def fields_of(text: str) -> frozenset[str]:
    """The fields `text` is about (empty: none that the lexicon knows)."""
    cleaned = _NOT.sub(" ", text)
    return frozenset(field for field, pattern in _PATTERNS.items() if pattern.search(cleaned))


__all__ = ["FIELDS", "FIELD_WORDS", "fields_of"]
