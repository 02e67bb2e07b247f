"""Tone (`tone.praise`, `tone.negative`): three-class sentence sentiment, combined over a comment.

A spaCy text classifier trained on NoReC_sentence gives each sentence probabilities for
Positive, Negative and Neutral. A comment of several sentences is judged as a whole:

- `tone.negative` when at least one sentence is confidently negative and the negative
  probability summed over all sentences is at least the positive sum. A municipality must
  always answer criticism, so a tie goes to negative.
- `tone.praise` when at least one sentence is confidently positive, the positive sum is
  greater than the negative sum, and the comment is not negative.
- Neither when every sentence is neutral or no sentence is confident.

Both findings span the whole text. `detail` carries the sums and the sentence count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from somevakt.analysis.base import Document, Finding
from somevakt.analysis.models import VERSIONS, Words, annotate, cache_of, load, to_model_doc, words_of

# A sentence counts as confidently positive/negative from this probability on (tuned on the dev split).
CONFIDENT_POSITIVE = 0.4
CONFIDENT_NEGATIVE = 0.4
_SENTENCE_END = frozenset(".!?…")
# Longer sentences are cut; sentiment is carried by the words near each other anyway.
_MAX_SENTENCE_TOKENS = 200


@dataclass(frozen=True)
class SentenceTone:
    start: int
    end: int
    positive: float
    negative: float
    neutral: float


def sentence_tones(doc: Document) -> list[SentenceTone]:
    """Each sentence's character span and class probabilities; the model runs once per Document."""
    cache = cache_of(doc)
    if "tones" not in cache:
        classify_many([doc])
    tones: list[SentenceTone] = cache["tones"]
    return tones


def classify_many(docs: Sequence[Document]) -> None:
    """Classify the sentences of several Documents in one batch and cache the result."""
    pending = [doc for doc in docs if "tones" not in cache_of(doc)]
    if not pending:
        return
    nlp = load("sentiment")
    owners: list[int] = []
    spans: list[tuple[int, int]] = []
    model_docs = []
    for index, doc in enumerate(pending):
        cache_of(doc)["tones"] = []
        w = words_of(doc)
        for first, last in _sentences(w):
            owners.append(index)
            spans.append((w.starts[first], w.ends[last - 1]))
            model_docs.append(to_model_doc(nlp, w.words[first:last], w.spaces[first:last]))
    for index, (start, end), scored in zip(owners, spans, annotate(nlp, model_docs), strict=True):
        cats = scored.cats
        tone = SentenceTone(
            start, end, cats.get("Positive", 0.0), cats.get("Negative", 0.0), cats.get("Neutral", 0.0)
        )
        cache_of(pending[index])["tones"].append(tone)


class ToneAnalyser:
    name: ClassVar[str] = "tone"
    version: ClassVar[str] = VERSIONS["sentiment"]
    codes: ClassVar[tuple[str, ...]] = ("tone.praise", "tone.negative")

    def prefetch(self, docs: Sequence[Document]) -> None:
        """Optional batch step: run the model over many Documents at once before `analyse` each."""
        classify_many(docs)

    def analyse(self, doc: Document) -> list[Finding]:
        tones = sentence_tones(doc)
        code = combine(tones)
        if code is None:
            return []
        detail = {
            "sentences": len(tones),
            "positive": round(sum(t.positive for t in tones), 3),
            "negative": round(sum(t.negative for t in tones), 3),
        }
        return [Finding(code, 0, len(doc.text), "info", detail=detail)]


def combine(tones: list[SentenceTone]) -> str | None:
    """The comment's tone from its sentences' (the rule in the module docstring)."""
    positive = sum(t.positive for t in tones)
    negative = sum(t.negative for t in tones)
    if any(t.negative >= CONFIDENT_NEGATIVE for t in tones) and negative >= positive:
        return "tone.negative"
    if any(t.positive >= CONFIDENT_POSITIVE for t in tones) and positive > negative:
        return "tone.praise"
    return None


def sentence_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each sentence as the tone model sees them."""
    w = words_of(doc)
    return [(w.starts[first], w.ends[last - 1]) for first, last in _sentences(w)]


def _sentences(w: Words) -> list[tuple[int, int]]:
    """Word ranges [first, last) of the sentences: split after . ! ? … and at line breaks."""
    bounds: list[tuple[int, int]] = []
    first = 0
    for i, word in enumerate(w.words):
        if i in w.line_starts and i > first:
            bounds.append((first, i))
            first = i
        is_end = set(word) <= _SENTENCE_END
        if is_end and i == first and bounds and i not in w.line_starts:
            # "Flott!!!" ends one sentence, not three.
            bounds[-1] = (bounds[-1][0], i + 1)
            first = i + 1
        elif is_end or i + 1 - first >= _MAX_SENTENCE_TOKENS:
            bounds.append((first, i + 1))
            first = i + 1
    if first < len(w.words):
        bounds.append((first, len(w.words)))
    return bounds
