"""The small classifiers of texts written at work, trained on our own texts.

- `owntexts` (`somevakt train owntexts`): irony towards the citizen and the writer's own political
  opinion in the municipality's replies and posts. Training records in the model's meta the
  thresholds that are best on the own-text corpus's dev share (`THRESHOLDS_META_KEY`), but that
  share is too like its train share to trust them: `reply_stance` asks the model where its exact
  rules find nothing, and applies its own, higher floors to the scores (`OWN_IRONY_FLOOR`,
  `OWN_OPINION_FLOOR`), chosen on the own-text dev sets. The comment classifier was taught
  `political` for citizens' topics and demands and hears sarcasm in friendly replies; this model
  has read only the municipality's own texts, where `opinion` is a view on a political matter and
  not its topic.
- `confidential` (`somevakt train confidential`): a confidential matter of a person the writer
  knows from work, in replies, posts and employees' private posts; the confidential analyser asks it
  where its rules find nothing (`CONFIDENTIAL_FLOOR` there).

Each model loads lazily, the first time a text of a kind it reads is judged: a process that sees
only citizens' comments never loads either.
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


@dataclass(frozen=True)
class OwnModel:
    """A small classifier of texts written at work: the shipped folder, its labels and the kinds
    of text it reads (others are never judged and never load it)."""

    name: str
    labels: tuple[str, ...]
    kinds: frozenset[str]

    @property
    def key(self) -> str:
        return f"{self.name}:scores"


# Irony towards the citizen and the writer's own political opinion in replies and posts.
OWNTEXTS = OwnModel("owntexts", ("irony", "opinion"), frozenset({"reply", "post"}))
# A confidential matter of a person the writer knows from work (`somevakt train confidential`),
# in replies, posts and employees' private posts: read by analysis/confidential.py.
CONFIDENTIAL = OwnModel("confidential", ("confidential",), frozenset({"reply", "post", "private"}))

MODEL = OWNTEXTS.name
LABELS: tuple[str, ...] = OWNTEXTS.labels
KINDS = OWNTEXTS.kinds
THRESHOLDS_META_KEY = "somevakt_thresholds"
VERSION = VERSIONS[MODEL]
CONFIDENTIAL_VERSION = VERSIONS[CONFIDENTIAL.name]
# Longer texts are read in windows of this many words, each label taking its highest score.
WINDOW_WORDS = 120


@dataclass(frozen=True)
class OwnJudgement:
    scores: dict[str, float]


def judged(doc: Document, spec: OwnModel = OWNTEXTS) -> bool:
    """A text of a kind the model reads, with at least one word in it."""
    return doc.kind in spec.kinds and any(c.isalpha() for c in doc.text)


def judgement(doc: Document, model: str | None = None, spec: OwnModel = OWNTEXTS) -> OwnJudgement | None:
    """The model's judgement of a text it reads (computed once per Document), else None. `model`
    is the shipped folder's name by default, or a trained folder's path."""
    if not judged(doc, spec):
        return None
    if spec.key not in cache_of(doc):
        judge_many([doc], model, spec)
    found: OwnJudgement = cache_of(doc)[spec.key]
    return found


def judge_many(docs: Sequence[Document], model: str | None = None, spec: OwnModel = OWNTEXTS) -> None:
    """Judge the texts among `docs` that the model reads, in one batch (the worker's path)."""
    with _JUDGING:
        pending = [doc for doc in docs if judged(doc, spec) and spec.key not in cache_of(doc)]
        if not pending:
            return
        nlp = load(model or spec.name)
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
            cache_of(doc)[spec.key] = OwnJudgement(scores)


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
