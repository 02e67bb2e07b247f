"""The registry: every analyser listed, loaded lazily, run over one shared document."""

from __future__ import annotations

from somevakt.analysis.base import AnalysisContext
from somevakt.analysis.registry import ANALYSERS, analyse, analyse_many, get

RULE_BASED = (
    "personal_data",
    "confidential",
    "abuse",
    "intent",
    "readability",
    "signature",
    "reply_stance",
    "private_profile",
    "bidi",
)


def test_it_lists_analysers_with_name_version_and_codes() -> None:
    for name in RULE_BASED:
        analyser = get(name)
        assert analyser.name == name
        assert analyser.version
        assert analyser.codes and all("." in c for c in analyser.codes)
    assert set(RULE_BASED) <= set(ANALYSERS)


def test_it_runs_the_rule_based_analysers_and_sorts_findings() -> None:
    text = "Hvorfor svarer ingen? Ring meg på 912 34 567, din idiot. Hilsen Kari"
    # A post: the rules alone (for a comment the classifier has a say, test_classifier.py).
    result = analyse(text, "post", AnalysisContext(), only=RULE_BASED)
    assert [f.code for f in result.findings] == ["intent.question", "personal_data.phone", "abuse.insult"]
    assert set(result.versions) == set(RULE_BASED)
    assert [f.start for f in result.findings] == sorted(f.start for f in result.findings)


BATCH_TEXTS = (
    "Tusen takk til Kari Nordmann på sykehjemmet, dere er fantastiske!",
    "Hvorfor er ikke veien brøytet? Dette er helt uforsvarlig. Ring meg på 912 34 567.",
    "Saksbehandleren Ola Hansen er en idiot.",
    "Når åpner biblioteket?",
    "ok",
    "Jeg vil klage på vedtaket om barnehageplass. Hilsen Per",
    # the classifier alone hears these: their carrying words are placed in one batch for all texts
    "Hils kona di fra meg. Det hadde vært synd om noe skjedde med huset. Ha en fin dag.",
    "Takk for svar. Bra jobba. Men en dag står du alene i mørket, da skal vi snakkes.",
)


def test_it_gives_in_a_batch_exactly_what_it_gives_one_by_one() -> None:
    context = AnalysisContext(municipality_name="Gausdal", email_domains=("gausdal.kommune.no",))
    batch = analyse_many(BATCH_TEXTS, "comment", context)
    single = [analyse(text, "comment", context) for text in BATCH_TEXTS]
    assert batch == single
    assert [[f.detail for f in r.findings] for r in batch] == [[f.detail for f in r.findings] for r in single]
    assert any(f.code == "person.named" for f in batch[0].findings)
    placed = [f for r in batch for f in r.findings if f.detail.get("by") == "classifier"]
    assert len(placed) >= 2 and all(f.text and f.start > 0 for f in placed)


def test_it_analyses_an_empty_batch_to_nothing() -> None:
    assert analyse_many([], "comment") == []


def test_it_gives_the_same_with_the_models_in_parallel_threads() -> None:
    # `somevakt check --jsonl` runs the name model and the comment classifier side by side.
    from somevakt.analysis import registry

    texts = [f"{text} ({i})" for i in range(6) for text in BATCH_TEXTS]
    assert len(texts) >= registry._MIN_PARALLEL_BATCH
    context = AnalysisContext(municipality_name="Gausdal")
    for kind in ("comment", "reply"):
        batch = analyse_many(texts, kind, context, threads=2)
        single = [analyse(text, kind, context) for text in texts]
        assert batch == single
        assert [[f.detail for f in r.findings] for r in batch] == [
            [f.detail for f in r.findings] for r in single
        ]
    assert any(f.code == "person.named" for f in batch[0].findings)
