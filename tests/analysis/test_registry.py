"""The registry: every analyser listed, loaded lazily, run over one shared document."""

from __future__ import annotations

from somevakt.analysis.base import AnalysisContext
from somevakt.analysis.registry import ANALYSERS, analyse, get

RULE_BASED = (
    "personal_data",
    "confidential",
    "abuse",
    "intent",
    "readability",
    "signature",
    "private_profile",
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
    result = analyse(text, "comment", AnalysisContext(), only=RULE_BASED)
    assert [f.code for f in result.findings] == ["intent.question", "personal_data.phone", "abuse.insult"]
    assert set(result.versions) == set(RULE_BASED)
    assert [f.start for f in result.findings] == sorted(f.start for f in result.findings)
