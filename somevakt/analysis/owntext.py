"""The own-text classifier: irony towards the citizen and the writer's own political opinion in
the municipality's replies and posts, from a small model trained on our own texts.

Two independent labels, `irony` and `opinion` (`somevakt train owntexts`, `models/owntexts/`).
Training records in the model's meta the thresholds that are best on the own-text corpus's dev share
(`THRESHOLDS_META_KEY`), but that share is too like its train share to trust them: `reply_stance`
asks the model where its exact rules find nothing, and applies its own, higher floors to the scores
(`OWN_IRONY_FLOOR`, `OWN_OPINION_FLOOR`), chosen on the own-text dev sets.
The comment classifier was taught `political` for citizens' topics and demands and hears sarcasm
in friendly replies; this model has read only the municipality's own texts, where `opinion` is a
view on a political matter and not its topic.

The model loads lazily, the first time a reply or post is judged: a process that sees only
citizens' comments never loads it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from somevakt.analysis.base import Document
from somevakt.analysis.models import (
    VERSIONS,
    annotate,
    cache_of,
    load,
    sentence_ranges,
    to_model_doc,
    words_of,
)

MODEL = "owntexts"
LABELS: tuple[str, ...] = ("irony", "opinion")
KINDS = frozenset({"reply", "post"})
THRESHOLDS_META_KEY = "somevakt_thresholds"
VERSION = VERSIONS[MODEL]
# Longer texts are read in windows of this many words, each label taking its highest score.
WINDOW_WORDS = 120
_KEY = "owntext:scores"


@dataclass(frozen=True)
class OwnJudgement:
    scores: dict[str, float]


def judged(doc: Document) -> bool:
    """A reply or post with at least one word in it."""
    return doc.kind in KINDS and any(c.isalpha() for c in doc.text)


def judgement(doc: Document, model: str = MODEL) -> OwnJudgement | None:
    """The model's judgement of a reply or post (computed once per Document), else None."""
    if not judged(doc):
        return None
    if _KEY not in cache_of(doc):
        judge_many([doc], model)
    found: OwnJudgement = cache_of(doc)[_KEY]
    return found


def judge_many(docs: Sequence[Document], model: str = MODEL) -> None:
    """Judge the replies and posts among `docs` in one batch (the worker's path)."""
    with _JUDGING:
        pending = [doc for doc in docs if judged(doc) and _KEY not in cache_of(doc)]
        if not pending:
            return
        nlp = load(model)
        owners: list[int] = []
        model_docs = []
        for index, doc in enumerate(pending):
            w = words_of(doc)
            n = len(w.words)
            for first in range(0, max(n, 1), WINDOW_WORDS):
                last = min(first + WINDOW_WORDS, n)
                owners.append(index)
                model_docs.append(to_model_doc(nlp, w.words[first:last], w.spaces[first:last]))
        best: list[dict[str, float]] = [{} for _ in pending]
        for index, scored in zip(owners, annotate(nlp, model_docs), strict=True):
            for label, score in scored.cats.items():
                best[index][label] = max(best[index].get(label, 0.0), float(score))
        for doc, scores in zip(pending, best, strict=True):
            cache_of(doc)[_KEY] = OwnJudgement(scores)


_JUDGING = threading.Lock()


def carrying_sentence(doc: Document, label: str, model: str = MODEL) -> tuple[int, int]:
    """The character span of the sentence that scores highest for `label` when read alone (the whole
    text when it has one sentence): what a finding the model alone made points at."""
    w = words_of(doc)
    ranges = [(a, b) for a, b in sentence_ranges(w) if any(ch.isalpha() for x in w.words[a:b] for ch in x)]
    if len(ranges) < 2:
        return (w.starts[0], w.ends[-1]) if w.words else (0, len(doc.text))
    nlp = load(model)
    docs = [to_model_doc(nlp, w.words[a:b], w.spaces[a:b]) for a, b in ranges]
    scores = [d.cats.get(label, 0.0) for d in annotate(nlp, docs)]
    first, last = ranges[max(range(len(ranges)), key=lambda i: (scores[i], -i))]
    return w.starts[first], w.ends[last - 1]
