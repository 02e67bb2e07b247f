"""Every analyser, listed once and imported lazily (a model loads only when first used)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from somevakt.analysis.base import Analyser, AnalysisContext, Document, Finding

# name -> "module:Class". Order is the order findings are reported in.
ANALYSERS: dict[str, str] = {
    "personal_data": "somevakt.analysis.personal_data:PersonalDataAnalyser",
    "names": "somevakt.analysis.names:NameAnalyser",
    "confidential": "somevakt.analysis.confidential:ConfidentialAnalyser",
    "abuse": "somevakt.analysis.abuse:AbuseAnalyser",
    "intent": "somevakt.analysis.intent:IntentAnalyser",
    "tone": "somevakt.analysis.tone:ToneAnalyser",
    "readability": "somevakt.analysis.readability:ReadabilityAnalyser",
    "signature": "somevakt.analysis.signature:SignatureAnalyser",
    "private_profile": "somevakt.analysis.private_profile:PrivateProfileAnalyser",
}


@dataclass(frozen=True)
class AnalysisResult:
    findings: tuple[Finding, ...]
    versions: dict[str, str]


@cache
def get(name: str) -> Analyser:
    module_name, _, class_name = ANALYSERS[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    analyser: Analyser = cls()
    return analyser


def analyse(
    text: str,
    kind: str = "comment",
    context: AnalysisContext | None = None,
    only: tuple[str, ...] | None = None,
) -> AnalysisResult:
    """Run the analysers over one shared Document; findings sorted by position, then code."""
    doc = Document(text, kind, context)
    findings: list[Finding] = []
    versions: dict[str, str] = {}
    for name in only or tuple(ANALYSERS):
        analyser = get(name)
        versions[name] = analyser.version
        findings.extend(analyser.analyse(doc))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return AnalysisResult(tuple(findings), versions)
