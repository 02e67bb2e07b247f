"""The comment classifier: whole-text judgements of a citizen's comment, from a trained model.

Eleven independent labels (threat, hate, insult, obscene, case_request, political, crisis,
question, praise, complaint, sarcasm), trained on the project's own corpus of comments to a
municipality (`corpus/comments`, `somevakt train comments`). Each label has a threshold chosen
on the corpus's dev split and shipped in the model's meta.

The classifier judges; the lexicons point. The abuse, intent and tone analysers ask it about a
comment and combine its answer with their exact rules (DESIGN.md §4):

- a label the classifier is sure of is a finding even when no lexicon entry matched
  (a polite threat, group hate without a slur);
- a lexicon match stands only while the classifier gives its label at least a lower threshold
  (chosen with the first on dev, shipped beside it): swearing in praise of a concert is not
  obscenity, a question about last week's outage is not a crisis;
- exact rules that no model should overrule (a slur) are the analysers' own business.

Only comments from the public (kind `comment`) are judged: the model never saw the
municipality's own replies and posts, which keep the rules alone.
"""

from __future__ import annotations

import itertools
import re
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

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

MODEL = "comments"
THRESHOLDS_META_KEY = "somevakt_thresholds"
RULE_THRESHOLDS_META_KEY = "somevakt_rule_thresholds"
# A long text is judged in windows of this many words (the model was trained on comments,
# nearly all shorter), and a label's score is its highest in any window.
WINDOW_WORDS = 120
# Where a model ships no rule thresholds, a rule's match needs this share of its label's threshold.
FLOOR_SHARE = 1 / 3
VERSION = VERSIONS[MODEL]

LABEL_CODES: dict[str, str] = {
    "threat": "abuse.threat",
    "hate": "abuse.hate",
    "insult": "abuse.insult",
    "obscene": "abuse.obscene",
    "case_request": "intent.case_request",
    "political": "intent.political",
    "crisis": "intent.crisis",
    "question": "intent.question",
    "praise": "tone.praise",
    "complaint": "tone.negative",
    "sarcasm": "tone.sarcasm",
}
CODE_LABELS: dict[str, str] = {code: label for label, code in LABEL_CODES.items()}


@dataclass(frozen=True)
class Judgement:
    """The classifier's scores for one text and the thresholds it was shipped with."""

    scores: dict[str, float]
    thresholds: dict[str, float]
    rule_thresholds: dict[str, float]

    def says(self, label: str) -> bool:
        return self.scores.get(label, 0.0) >= self.thresholds.get(label, 0.5)

    def allows(self, label: str) -> bool:
        """Whether a rule's match for `label` may stand (the score reaches its rule threshold)."""
        return self.scores.get(label, 0.0) >= self.rule_thresholds.get(label, 0.5)

    def says_code(self, code: str) -> bool:
        return self.says(CODE_LABELS[code])

    def allows_code(self, code: str) -> bool:
        return self.allows(CODE_LABELS[code])


def judged(doc: Document) -> bool:
    """Whether the classifier judges this text: a citizen's comment with at least one word in it
    (it learnt from words; an emoji or a row of punctuation alone is left to the rules), and more
    than a greeting (it hears sarcasm in "Hei 👋", 0.49 with 0.9.0: a greeting is answered or not,
    never judged)."""
    if doc.kind != "comment" or not any(c.isalpha() for c in doc.text):
        return False
    # (four words at most are read: this runs each time an analyser asks, on texts of any length)
    words = [m.group() for m in itertools.islice(_WORD.finditer(doc.lower), 4)]
    return not (len(words) <= 3 and all(w in _GREETING_WORDS for w in words))


_WORD = re.compile(r"[a-zæøåéü]+")
_GREETING_WORDS = frozenset(
    "hei hallo heisann hey hi hello heia morn god morgen dag kveld ettermiddag go".split()
)


def as_comment(doc: Document) -> Document:
    """Another kind of text (a private post, a reply) as the classifier reads a comment: the same
    text and offsets, made once per Document. For the analysers that ask the classifier about the
    municipality's own texts on a few labels, with floors of their own."""
    cache = cache_of(doc)
    shadow: Document | None = cache.get("classifier:as_comment")
    if shadow is None:
        shadow = cache["classifier:as_comment"] = Document(doc.text, "comment", doc.context)
    return shadow


def judgement(doc: Document, model: str = MODEL) -> Judgement | None:
    """The classifier's judgement of `doc`, computed once per Document; None for kinds it does not judge."""
    if not judged(doc):
        return None
    key = f"judgement:{model}"
    cache = cache_of(doc)
    if key not in cache:
        judge_many([doc], model)
    found: Judgement = cache[key]
    return found


def judge_many(docs: Sequence[Document], model: str = MODEL) -> None:
    """Judge several Documents in one batch and cache the results (the worker's path)."""
    # abuse, intent and tone all ask, perhaps from parallel threads: the batch is judged once
    with _JUDGING:
        _judge_many(docs, model)


_JUDGING = threading.Lock()


def _judge_many(docs: Sequence[Document], model: str) -> None:
    key = f"judgement:{model}"
    pending = [doc for doc in docs if judged(doc) and key not in cache_of(doc)]
    if not pending:
        return
    nlp = load(model)
    thresholds, rule_thresholds = _thresholds(nlp)
    owners: list[int] = []
    model_docs = []
    for index, doc in enumerate(pending):
        w = words_of(doc)
        words = _as_read(doc, w.words)
        for first, last in _windows(doc):
            owners.append(index)
            model_docs.append(to_model_doc(nlp, words[first:last], w.spaces[first:last]))
    best: list[dict[str, float]] = [{} for _ in pending]
    for index, scored in zip(owners, annotate(nlp, model_docs), strict=True):
        mine = best[index]
        for label, score in scored.cats.items():
            if score > mine.get(label, -1.0):
                mine[label] = float(score)
    for doc, scores in zip(pending, best, strict=True):
        cache_of(doc)[key] = Judgement(scores, thresholds, rule_thresholds)


# The words that carry a label are found by leaving pieces out: runs of this many words, and
# whole sentences. A text longer than CARRIER_MAX_WORDS keeps the whole-text span (the windows
# would cost more than they explain).
CARRIER_WORDS = (3, 6)
CARRIER_MAX_WORDS = 80


def carrying_spans(doc: Document, labels: Sequence[str], model: str = MODEL) -> dict[str, tuple[int, int]]:
    """For each label the classifier says of `doc`, the character span of the words that carry
    it: the shortest piece (a run of words, else a sentence) without which the classifier would
    no longer say it. A label no single piece carries is left out (it is about the whole text).

    So "Dere burde passe dere, jeg vet hvor saksbehandleren bor." is a threat in "jeg vet hvor
    saksbehandleren bor", and a finding the classifier alone made can be highlighted and quoted
    like a rule's. Costs one batch of the model over the pieces left out, for the few comments
    where the classifier alone finds abuse."""
    carrying_spans_many([(doc, labels)], model)
    found: dict[str, tuple[int, int]] = cache_of(doc)[_spans_key(labels, model)]
    return found


def carrying_spans_many(requests: Sequence[tuple[Document, Sequence[str]]], model: str = MODEL) -> None:
    """`carrying_spans` for several texts, their pieces judged in one batch and the results
    cached (the batch path: one call of the model instead of one small one per text)."""
    planned = []
    for doc, labels in requests:
        key = _spans_key(labels, model)
        cache = cache_of(doc)
        if key in cache:
            continue
        plan = _carrier_pieces(doc, labels, model)
        if plan is None:
            cache[key] = {}
        else:
            planned.append((doc, key, *plan))
    if not planned:
        return
    nlp = load(model)
    with _JUDGING:
        scored = [d.cats for d in annotate(nlp, [m for *_, model_docs in planned for m in model_docs])]
    at = 0
    for doc, key, judged_now, labels, pieces, model_docs in planned:
        mine = scored[at : at + len(model_docs)]
        at += len(model_docs)
        cache_of(doc)[key] = _carriers(doc, judged_now, labels, pieces, mine)


def _spans_key(labels: Sequence[str], model: str) -> str:
    return f"spans:{model}:{','.join(labels)}"


def _carrier_pieces(
    doc: Document, labels: Sequence[str], model: str
) -> tuple[Judgement, list[str], list[tuple[int, int]], list[Any]] | None:
    """The labels to place, the word ranges to leave out and the texts without them; None when
    there is nothing to place."""
    judged_now = judgement(doc, model)
    if judged_now is None:
        return None
    labels = [label for label in labels if judged_now.says(label)]
    w = words_of(doc)
    n = len(w.words)
    if not labels or n < 2 or n > CARRIER_MAX_WORDS:
        return None
    pieces = [
        (i, min(i + size, n))
        for size in CARRIER_WORDS
        for i in range(0, max(n - size, 0) + 1, (size + 1) // 2)
    ]
    # a piece is left out of the rest of the text, so the rest must keep a word
    pieces = [p for p in dict.fromkeys(pieces) if p[1] - p[0] < n]
    sentences = sentence_ranges(w)
    if len(sentences) > 1:
        pieces += [p for p in sentences if p not in pieces]
    if not pieces:
        return None
    nlp = load(model)
    words = _as_read(doc, w.words)
    model_docs = [
        to_model_doc(nlp, words[:first] + words[last:], w.spaces[:first] + w.spaces[last:])
        for first, last in pieces
    ]
    return judged_now, labels, pieces, model_docs


def _carriers(
    doc: Document,
    judged_now: Judgement,
    labels: list[str],
    pieces: list[tuple[int, int]],
    scored: list[dict[str, float]],
) -> dict[str, tuple[int, int]]:
    w = words_of(doc)
    out: dict[str, tuple[int, int]] = {}
    for label in labels:
        threshold = judged_now.thresholds.get(label, 0.5)
        score = judged_now.scores.get(label, 0.0)
        carriers = [p for p, cats in zip(pieces, scored, strict=True) if cats.get(label, 0.0) < threshold]
        if not carriers:
            # no piece alone: the one whose absence costs at least half the score, if any
            drop, piece = max(
                (score - cats.get(label, 0.0), p) for p, cats in zip(pieces, scored, strict=True)
            )
            if drop < score / 2:
                continue
            carriers = [piece]
        size = min(p[1] - p[0] for p in carriers)
        runs = [p for p in carriers if p[1] - p[0] == size and size <= max(CARRIER_WORDS)]
        if runs:
            # the run whose absence costs most, and the runs that overlap it (a phrase)
            best = min(runs, key=lambda p: scored[pieces.index(p)].get(label, 0.0))
            first, last = best
            grown = True
            while grown:
                grown = False
                for p in runs:
                    if p[0] <= last and p[1] >= first and (p[0] < first or p[1] > last):
                        first, last, grown = min(first, p[0]), max(last, p[1]), True
        else:
            first, last = min(carriers, key=lambda p: p[1] - p[0])
        out[label] = (w.starts[first], w.ends[last - 1])
    return out


# A text written (almost) all in capitals is read in lower case: the corpus has hardly any shouting,
# but is augmented with lower-cased copies, so "STRØMMEN ER GÅTT OG MOR HAR OKSYGEN" reads as the
# crisis it is (0.4.0 gave one such report 0.04 on challenge_c). Shouting needs this many letters.
SHOUT_MIN_LETTERS = 12
SHOUT_SHARE = 0.8


def _as_read(doc: Document, words: list[str]) -> list[str]:
    """The words the model reads: lower-cased when the text shouts, else as written."""
    letters = [c for c in doc.text if c.isalpha()]
    if len(letters) < SHOUT_MIN_LETTERS:
        return words
    if sum(c.isupper() for c in letters) < SHOUT_SHARE * len(letters):
        return words
    return [word.lower() for word in words]


def _windows(doc: Document) -> list[tuple[int, int]]:
    """Word ranges the model reads: the text in windows of WINDOW_WORDS.

    Judging each sentence on its own as well (each label taking its highest score) was measured
    on the corpus's dev split and lost: macro F1 0.794 -> 0.674, the model being far less sure
    of a sentence out of its comment (see docs/models.md)."""
    n = len(words_of(doc).words)
    return [(first, min(first + WINDOW_WORDS, n)) for first in range(0, max(n, 1), WINDOW_WORDS)]


def _thresholds(nlp: Any) -> tuple[dict[str, float], dict[str, float]]:
    if _TRIED:
        return _TRIED[-1]
    # spaCy builds `nlp.meta` afresh on every read (0.2 ms): read once per loaded model
    found = _THRESHOLDS.get(nlp)
    if found is None:
        found = _THRESHOLDS[nlp] = _read_thresholds(nlp)
    return found


_THRESHOLDS: weakref.WeakKeyDictionary[Any, tuple[dict[str, float], dict[str, float]]] = (
    weakref.WeakKeyDictionary()
)


# Thresholds being tried instead of the shipped ones (`thresholds_tried`); the innermost wins.
_TRIED: list[tuple[dict[str, float], dict[str, float]]] = []


@contextmanager
def thresholds_tried(thresholds: dict[str, float], rule_thresholds: dict[str, float]) -> Iterator[None]:
    """Judge with these thresholds instead of the shipped ones while the block runs: for choosing
    them by the decisions they lead to (`policy.threshold_choice`). Judgements already cached on a
    Document keep the thresholds they were made with, so judge fresh Documents inside."""
    _TRIED.append((dict(thresholds), dict(rule_thresholds)))
    try:
        yield
    finally:
        _TRIED.pop()


def shipped_thresholds(model: str = MODEL) -> tuple[dict[str, float], dict[str, float]]:
    """The thresholds and rule thresholds the model was shipped with."""
    return _read_thresholds(load(model))


def _read_thresholds(nlp: Any) -> tuple[dict[str, float], dict[str, float]]:
    alone: dict[str, float] = nlp.meta.get(THRESHOLDS_META_KEY, {})
    with_rule: dict[str, float] = nlp.meta.get(RULE_THRESHOLDS_META_KEY, {})
    thresholds = {label: float(alone.get(label, 0.5)) for label in LABEL_CODES}
    return thresholds, {
        label: float(with_rule.get(label, thresholds[label] * FLOOR_SHARE)) for label in LABEL_CODES
    }
