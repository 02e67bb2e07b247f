"""Texts for `somevakt bench`: real sentences when the dev splits are present, else generated ones,
and Norwegian personal-data cases (valid numbers made with python-stdnum/phonenumbers checks).

Every number is drawn at random and kept only if the library calls it valid, so no checksum
is written here.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data"

# Our own sentences for a machine without the data; the words vary so no cache flatters the figures.
_SUBJECTS = [
    "Biblioteket",
    "Svømmehallen",
    "Legevakta",
    "Kommunen",
    "Rådhuset",
    "Skolen",
    "Barnehagen",
    "Bussen",
]
_VERBS = ["åpner", "stenger", "flytter", "svarer", "informerer", "oppdaterer", "varsler", "endrer"]
_ENDS = [
    "klokka ti i morgen.",
    "etter sommerferien, står det på nettsida.",
    "før jul, men ingen har sagt noe om når.",
    "i neste uke, og det er fint.",
    "aldri til rett tid, og det er dårlig gjort!",
    "på lørdag, hvis været holder?",
    "tusen takk for god hjelp i dag",
    "det har Kari Nordmann sagt på møtet.",
]

_TEMPLATES: dict[str, list[str]] = {
    "national_id": [
        "Fødselsnummeret mitt er {v}, kan dere sjekke saken?",
        "Hei, sønnen min har personnummer {v} og har ikke fått svar.",
        "{v} er fnr til mora mi, hun venter på vedtak.",
        "Eg sende søknaden med fødselsnummer {v} for to veker sidan.",
        "Har dere registrert {v} riktig?",
    ],
    "bank_account": [
        "Pengene kan settes inn på kontonummer {v}.",
        "Refusjonen skal til konto {v}, takk.",
        "Kontonr: {v}",
        "Eg har betalt frå {v} men ingen kvittering.",
    ],
    "phone": [
        "Ring meg på {v} så forklarer jeg.",
        "Mobilen min er {v} hvis dere lurer på noe.",
        "Kan nokon ringje {v} i morgon?",
        "Tlf {v}",
    ],
    "email": [
        "Send svaret til {v}, er dere snille.",
        "Eg har sendt e-post frå {v} utan å få svar.",
        "Kontakt {v} for mer informasjon.",
    ],
}


@dataclass(frozen=True)
class Case:
    kind: str  # national_id, bank_account, phone, email
    text: str
    start: int
    end: int


def sentences(n: int, data_dir: Path = DATA_DIR) -> tuple[list[str], str]:
    """n sentences and where they came from: NoReC_sentence and NorNE dev if present, else generated."""
    texts: list[str] = []
    norec = data_dir / "norec_sentence" / "dev.json"
    norne = data_dir / "norne" / "nob" / "dev.tsv"
    if norec.is_file() and norne.is_file():
        texts += [item["text"] for item in json.loads(norec.read_text(encoding="utf-8"))]
        for block in norne.read_text(encoding="utf-8").split("\n\n"):
            words = [line.split("\t")[0] for line in block.splitlines() if "\t" in line]
            if words:
                texts.append(_detokenise(words))
        random.Random(7).shuffle(texts)  # noqa: S311 - a fixed mix, not security
        source = f"dev splits under {data_dir}"
    else:
        rng = random.Random(7)  # noqa: S311
        texts = [f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_ENDS)}" for _ in range(n)]
        source = "generated"
    while len(texts) < n:
        texts += texts
    return texts[:n], source


def review_sentences(data_dir: Path = DATA_DIR) -> list[str]:
    """NoReC_sentence dev (reviews full of strong words that attack no one), or none where absent."""
    path = data_dir / "norec_sentence" / "dev.json"
    if not path.is_file():
        return []
    return [item["text"] for item in json.loads(path.read_text(encoding="utf-8"))]


def _detokenise(words: list[str]) -> str:
    out = ""
    for word in words:
        if out and not (len(word) == 1 and word in ".,:;!?)»") and not out.endswith(("(", "«")):
            out += " "
        out += word
    return out


def personal_data_cases(n_per_kind: int, prefixes: list[str], seed: int = 11) -> list[Case]:
    """Valid numbers and addresses inside Norwegian sentences (a real sentence before each, if given)."""
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    makers = {"national_id": _national_id, "bank_account": _bank_account, "phone": _phone, "email": _email}
    cases: list[Case] = []
    for kind, make in makers.items():
        for i in range(n_per_kind):
            value = make(rng)
            template = _TEMPLATES[kind][i % len(_TEMPLATES[kind])]
            prefix = (prefixes[rng.randrange(len(prefixes))] + " ") if prefixes else ""
            before, _, after = template.partition("{v}")
            text = prefix + before + value + after
            start = len(prefix) + len(before)
            cases.append(Case(kind, text, start, start + len(value)))
    return cases


def _national_id(rng: random.Random) -> str:
    from stdnum.no import fodselsnummer

    while True:
        day = rng.randint(1, 28) + (40 if rng.random() < 0.2 else 0)  # a fifth are D-numbers
        base = f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}{rng.randint(0, 999):03d}"
        for check in range(100):
            number = f"{base}{check:02d}"
            if fodselsnummer.is_valid(number):
                return number if rng.random() < 0.7 else f"{number[:6]} {number[6:]}"


def _bank_account(rng: random.Random) -> str:
    from stdnum.no import kontonr

    while True:
        base = f"{rng.randint(1000, 9999)}{rng.randint(0, 999999):06d}"
        for check in range(10):
            number = f"{base}{check}"
            if kontonr.is_valid(number):
                if rng.random() < 0.5:
                    return f"{number[:4]}.{number[4:6]}.{number[6:]}"
                return number if rng.random() < 0.5 else f"{number[:4]} {number[4:6]} {number[6:]}"


def _phone(rng: random.Random) -> str:
    import phonenumbers

    while True:
        digits = f"{rng.choice('4923567')}{rng.randint(0, 9999999):07d}"
        parsed = phonenumbers.parse(digits, "NO")
        if phonenumbers.is_valid_number(parsed):
            style = rng.randrange(4)
            if style == 0:
                return digits
            if style == 1:
                return f"{digits[:3]} {digits[3:5]} {digits[5:]}"
            if style == 2:
                return f"+47 {digits[:3]} {digits[3:5]} {digits[5:]}"
            return f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"


def _email(rng: random.Random) -> str:
    first = rng.choice(["kari", "ola", "ingrid", "per", "sigrid", "jon", "aase", "tor"])
    last = rng.choice(["nordmann", "hansen", "olsen", "berg", "haugen", "bakken", "aasen"])
    domain = rng.choice(["gmail.com", "online.no", "hotmail.com", "hustadvika.kommune.no", "icloud.com"])
    sep = rng.choice([".", "_", ""])
    return f"{first}{sep}{last}{rng.randint(1, 99) if rng.random() < 0.4 else ''}@{domain}"
