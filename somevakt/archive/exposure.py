"""What an entry would make public: the personal data in its texts, for the un-screening
confirmation and the public journal.

Un-screening an entry makes its texts public (the public journal here, the archive's own public
journal, access requests); the records office confirms it having seen which kinds of personal
data are in them. National ids and account numbers are masked in the public journal whatever
the screening: they are never needed to understand an entry, and one published by mistake
cannot be taken back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from somevakt.analysis import personal_data as pd
from somevakt.archive.entry_record import snapshot_thread
from somevakt.archive.models import JournalEntry, Reason
from somevakt.policy.packs import PackError, load_pack

# The kinds, in the order they are named; personal data found in the texts, the others by triage.
KINDS: dict[str, Any] = {
    "national_id": _("national ID numbers (fødselsnummer, D-nummer)"),
    "bank_account": _("bank account numbers"),
    "phone": _("phone numbers"),
    "email": _("e-mail addresses"),
    "names": _("names of people"),
    "confidential": _("a matter under a duty of confidentiality"),
}
# The words the change log keeps, in the archive's one language (bokmål).
KIND_WORDS_NB = {
    "national_id": "fødselsnummer",
    "bank_account": "kontonummer",
    "phone": "telefonnummer",
    "email": "e-postadresse",
    "names": "navn",
    "confidential": "taushetsbelagte opplysninger",
}
_CODE_KIND = {
    pd.NATIONAL_ID: "national_id",
    pd.NATIONAL_ID_LIKE: "national_id",
    pd.BANK_ACCOUNT: "bank_account",
    pd.PHONE: "phone",
    pd.EMAIL: "email",
    "person.named": "names",
    "confidential.case_details": "confidential",
}
# Always masked in the public journal.
ALWAYS_MASKED = frozenset({pd.NATIONAL_ID, pd.NATIONAL_ID_LIKE, pd.BANK_ACCOUNT})
MAX_EXAMPLES = 3


@dataclass(frozen=True)
class Exposed:
    """One kind of personal data in an entry, with up to three masked examples."""

    kind: str
    examples: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])


def entry_texts(entry: JournalEntry) -> list[str]:
    """The texts the entry carries: a handed-in document's lines, else its thread as captured,
    else as it stands now."""
    if entry.is_document:
        sections = (entry.document or {}).get("sections") or []
        return [str(line) for section in sections for line in section.get("lines") or []]
    thread = (entry.snapshot or {}).get("thread") or snapshot_thread(entry)
    return [str(row.get("text") or "") for row in thread]


def _triage_codes(entry: JournalEntry) -> set[str]:
    codes = set(getattr(getattr(entry.item, "status", None), "codes", None) or [])
    if entry.reason == Reason.REPLY:
        check = (entry.source_event.payload or {}).get("check") or {}
        codes |= set(check.get("codes") or [])
    return codes


def _own_domains(entry: JournalEntry) -> tuple[str, ...]:
    try:
        return load_pack(entry.municipality.policy_pack).municipality.email_domains
    except PackError:
        return ()


def _own_address(raw: str, domains: tuple[str, ...]) -> bool:
    """The municipality's own address (post@gausdal.kommune.no) is not a person's data."""
    domain = raw.rpartition("@")[2].lower()
    return any(domain == d or domain.endswith("." + d) for d in domains)


def exposed(entry: JournalEntry) -> list[Exposed]:
    """The kinds of personal data in the entry, in the order of `KINDS`; empty when none."""
    examples: dict[str, list[str]] = {}
    domains = _own_domains(entry)
    for text in entry_texts(entry):
        for match in pd.find(text):
            if match.code == pd.EMAIL and _own_address(text[match.start : match.end], domains):
                continue
            kind = _CODE_KIND[match.code]
            found = examples.setdefault(kind, [])
            masked = pd.mask_match(match.code, text[match.start : match.end])
            if masked not in found:
                found.append(masked)
    for code in _triage_codes(entry):
        if code in _CODE_KIND:
            examples.setdefault(_CODE_KIND[code], [])
    return [Exposed(kind, tuple(examples[kind][:MAX_EXAMPLES])) for kind in KINDS if kind in examples]


NOTE_PREFIX = "Bekreftet at dette blir offentlig: "


def kinds_note(found: list[Exposed]) -> str:
    """The change log's note of what was confirmed to become public (bokmål, as the archive keeps it)."""
    return NOTE_PREFIX + ", ".join(KIND_WORDS_NB[e.kind] for e in found)


def note_kinds(note: str) -> list[str] | None:
    """The kinds a `kinds_note` names, to show them in the reader's language; None for another note."""
    if not note.startswith(NOTE_PREFIX):
        return None
    by_word = {word: kind for kind, word in KIND_WORDS_NB.items()}
    kinds = [by_word.get(word) for word in note[len(NOTE_PREFIX) :].split(", ")]
    return None if None in kinds else [k for k in kinds if k]


def mask_ids(text: str) -> str:
    """`text` with national ids and bank account numbers masked (same length), the rest as it is."""
    matches = [m for m in pd.find(text) if m.code in ALWAYS_MASKED]
    if not matches:
        return text
    parts, pos = [], 0
    for m in matches:
        parts.append(text[pos : m.start])
        parts.append(pd.mask_match(m.code, text[m.start : m.end]))
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)
