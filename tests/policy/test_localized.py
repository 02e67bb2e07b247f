"""Every text a pack shows people is written in bokmål, nynorsk and English, and the engine's own
reasons come from the catalogue in each language: a nynorsk or English reader never reads bokmål."""

from __future__ import annotations

import re

import pytest

from somevakt.analysis.base import Finding
from somevakt.policy.engine import decide
from somevakt.policy.localized import Localized, stored_reasons
from somevakt.policy.packs import list_packs, load_pack
from somevakt.policy.schema import Pack

SLUGS = list_packs()
# Bokmål word forms that nynorsk writes otherwise: a nynorsk text that has one was copied, not written.
BOKMAAL_ONLY = re.compile(
    r"\b(ikke|hva|hvordan|hvorfor|hvis|hvem|hvor|noe|noen|bare|fra|også om|kommentarer|henvendelse"
    r"|henvendelser|ansatte|innbyggerne|leder|saksbehandling|taushetsplikt|mulig|skriftlig|tydelig"
    r"|offentlig|vanskelig|høflig|saklig|egen|eget|egne|skal besvares|besvares|bruker|brukes|svarer|gjelder"
    r"|kommer|ble|sendes|legges)\b",
    re.IGNORECASE,
)
# Words in the packs' English that would be Norwegian left untranslated.
NORWEGIAN_IN_ENGLISH = re.compile(r"\b(og|ikke|ikkje|kommunen|retningslinjen|skal|eller|til)\b")


def texts(pack: Pack) -> list[tuple[str, Localized]]:
    """(where, text) for every text of the pack that people read: rule reasons, clause summaries,
    deletion grounds, notes and the account plan's questions."""
    out: list[tuple[str, Localized]] = []
    for clause in pack.clauses:
        out.append((f"{clause.id} summary", clause.summary))
        out += [(f"{clause.id} rule {i}", rule.reason) for i, rule in enumerate(clause.honoured_by.rules)]
    out += [(f"deletion ground {g.clause}", g.summary) for g in pack.deletion_grounds]
    roles = pack.roles
    notes = {
        "municipality": pack.municipality.note,
        "response": pack.response.note,
        "account": roles.account.note,
        "difficult_cases": roles.difficult_cases.note,
        "reputation_critical": roles.reputation_critical.note,
        "crisis": roles.crisis.note,
        "political_referral": roles.political_referral.note if roles.political_referral else None,
        "reply": roles.reply.note if roles.reply else None,
        "overdue": roles.overdue.note if roles.overdue else None,
    }
    out += [(f"{where} note", note) for where, note in notes.items() if note is not None]
    for q in roles.account.plan:
        out.append((f"plan {q.id}", q.question))
        out += [(f"plan {q.id} help", q.help)] if q.help else []
    return out


@pytest.mark.parametrize("slug", SLUGS)
def test_it_has_every_text_in_bokmaal_nynorsk_and_english(slug):
    found = texts(load_pack(slug))
    assert len(found) > 50
    for where, text in found:
        assert isinstance(text, Localized), where
        assert all(getattr(text, code).strip() for code in ("nb", "nn", "en")), where


@pytest.mark.parametrize("slug", SLUGS)
def test_it_writes_nynorsk_rather_than_copying_bokmaal(slug):
    copied = [where for where, t in texts(load_pack(slug)) if BOKMAAL_ONLY.search(t.nb) and t.nn == t.nb]
    bokmaal_in_nynorsk = [(where, t.nn) for where, t in texts(load_pack(slug)) if BOKMAAL_ONLY.search(t.nn)]
    assert copied == []
    assert bokmaal_in_nynorsk == []


@pytest.mark.parametrize("slug", SLUGS)
def test_it_writes_english_rather_than_copying_norwegian(slug):
    found = texts(load_pack(slug))
    assert [where for where, t in found if t.en in (t.nb, t.nn)] == []
    assert [(where, t.en) for where, t in found if NORWEGIAN_IN_ENGLISH.search(t.en)] == []


def test_it_gives_the_engines_own_reasons_in_each_language():
    pack = load_pack("gausdal")
    findings = [Finding("intent.case_request", 0, 30, "info"), Finding("abuse.threat", 0, 10, "high")]
    d = decide(findings, "comment", pack, text_length=30)
    nb, nn, en = (d.reasons_in(code) for code in ("nb", "nn", "en"))
    assert "Saken tas opp med nærmeste leder." in nb
    assert "Saka blir teken opp med nærmaste leiar." in nn
    assert "The case is taken up with the nearest leader." in en
    assert any("postmottak@gausdal.kommune.no" in r and r.startswith("Formal inquiries go to") for r in en)
    assert pack.clause("gausdal:offisielle-kontoer-3").honoured_by.rules[0].reason.nn in nn
    quiet = decide([], "comment", pack, text_length=10)
    assert quiet.reasons_in("nn") == (
        "Ingen funn som krev handling etter retningslinja; kommentaren er lesen og vurdert.",
    )


def test_it_reads_stored_decisions_old_and_new():
    pack = load_pack("romskog")
    d = decide([Finding("tone.praise", 0, 10, "info")], "comment", pack, text_length=10)
    record = d.to_record()
    assert record["reasons"] == list(d.reasons_in("nb"))
    assert stored_reasons(record, "en") == list(d.reasons_in("en"))
    assert stored_reasons(record, "nn-no") == list(d.reasons_in("nn"))
    # A decision stored before reasons were localized has bokmål only, and shows it.
    old = {k: v for k, v in record.items() if k != "reason_texts"}
    assert stored_reasons(old, "en") == list(d.reasons_in("nb"))
    assert stored_reasons({}, "en") == []


def test_it_gives_json_reasons_in_the_language_asked_for_and_bokmaal_by_default():
    pack = load_pack("batsfjord")
    d = decide([Finding("intent.question", 0, 10, "info")], "comment", pack, text_length=10)
    assert d.to_dict()["reasons"] == list(d.reasons_in("nb"))
    assert d.to_dict("en")["reasons"] == ["The comment asks a question; answer factually and politely."]
    assert {k: v for k, v in d.to_dict("nn").items() if k != "reasons"} == {
        k: v for k, v in d.to_dict().items() if k != "reasons"
    }
