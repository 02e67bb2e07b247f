"""Every analyser, listed once and imported lazily (a model loads only when first used)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
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
    "reply_stance": "somevakt.analysis.reply_stance:ReplyStanceAnalyser",
    "private_profile": "somevakt.analysis.private_profile:PrivateProfileAnalyser",
    "bidi": "somevakt.analysis.bidi:BidiAnalyser",
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
    return _run(Document(text, kind, context), only or tuple(ANALYSERS))


def analyse_many(
    texts: Sequence[str],
    kind: str = "comment",
    context: AnalysisContext | None = None,
    only: tuple[str, ...] | None = None,
    threads: int = 1,
) -> list[AnalysisResult]:
    """`analyse` for each text, with the model analysers run over all texts in one batch first.

    The results are those of `analyse(text, kind, context, only)` one by one; only the
    language models' work is shared (a batch costs far less per text than single texts).
    """
    names = only or tuple(ANALYSERS)
    docs = [Document(text, kind, context) for text in texts]
    prefetches = [p for name in names if (p := getattr(get(name), "prefetch", None)) is not None]
    if docs and prefetches:
        _prefetch(prefetches, docs, threads)
    return [_run(doc, names) for doc in docs]


# `threads`: how many threads the model analysers' batch steps may run in (`somevakt check --jsonl`
# asks for 2). The models spend most of their time where Python lets go of the interpreter lock
# (numpy's matrix products, spaCy's entity parser), so the name model and the comment classifier
# overlap on a second core. One by default: the worker and `somevakt bench` keep one core per process.
# A smaller batch is not worth a thread.
_MIN_PARALLEL_BATCH = 32


def _prefetch(
    prefetches: Sequence[Callable[[Sequence[Document]], None]], docs: list[Document], threads: int
) -> None:
    if threads < 2 or len(prefetches) < 2 or len(docs) < _MIN_PARALLEL_BATCH:
        for prefetch in prefetches:
            prefetch(docs)
        return
    from concurrent.futures import ThreadPoolExecutor

    from somevakt.analysis.models import words_of

    for doc in docs:  # every model reads these; made once, before the threads share them
        words_of(doc)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for done in [pool.submit(prefetch, docs) for prefetch in prefetches]:
            done.result()  # an analyser's error is raised here, as without threads


def _run(doc: Document, names: tuple[str, ...]) -> AnalysisResult:
    findings: list[Finding] = []
    versions: dict[str, str] = {}
    for name in names:
        analyser = get(name)
        versions[name] = analyser.version
        findings.extend(analyser.analyse(doc))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return AnalysisResult(tuple(findings), versions)
