"""Scoring the shipped models on a labelled file: what `somevakt eval` prints.

NER is scored on the file's own tokens (as published NorNE figures are); sentiment on each
sentence's text, tokenised as at analysis time. Throughput counts sentences per second of
model time, batched as the trainer evaluates.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from somevakt.analysis.models import annotate, load, nb_tokenizer, to_model_doc
from somevakt.analysis.training import augment
from somevakt.analysis.training.metrics import classification, span_prf
from somevakt.analysis.training.norec import LABELS, read_json
from somevakt.analysis.training.norne import entity_spans, read_tsv

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def evaluate_ner(path: Path, model: str = "ner", lower: bool = False) -> dict[str, Any]:
    """Strict entity-level scores; `lower` scores a lower-cased copy (social media style)."""
    sentences = read_tsv(path)
    if lower:
        sentences = [augment.lower(s) for s in sentences]
    nlp = load(model)
    from spacy.tokens import Doc

    started = time.perf_counter()
    docs = annotate(nlp, (Doc(nlp.vocab, words=list(s.words)) for s in sentences))
    elapsed = time.perf_counter() - started
    predicted = [{(e.start, e.end, e.label_) for e in doc.ents} for doc in docs]
    gold = [entity_spans(s.tags) for s in sentences]
    labels = set(nlp.get_pipe("ner").labels)  # type: ignore[attr-defined]
    return {
        "items": len(sentences),
        "per": span_prf(gold, predicted, {"PER"}),
        "all": span_prf(gold, predicted, labels),
        "labels": sorted(labels),
        "items_per_s": round(len(sentences) / elapsed, 1) if elapsed else None,
    }


def predict_sentiment(texts: list[str], model: str = "sentiment") -> list[dict[str, float]]:
    nlp = load(model)
    return [dict(doc.cats) for doc in annotate(nlp, (_as_trained(nlp, t) for t in texts))]


def _as_trained(nlp: Language, text: str) -> Doc:
    """`text` in the model's vocab, tokenised as its training data was."""
    tokens = nb_tokenizer()(text)
    return to_model_doc(nlp, [t.text for t in tokens], [bool(t.whitespace_) for t in tokens])


def evaluate_sentiment(path: Path, model: str = "sentiment", lower: bool = False) -> dict[str, Any]:
    sentences = read_json(path)
    if lower:
        sentences = [replace(s, text=s.text.lower()) for s in sentences]
    load(model)
    started = time.perf_counter()
    scores = predict_sentiment([s.text for s in sentences], model)
    elapsed = time.perf_counter() - started
    predicted = [max(LABELS, key=lambda label, c=cats: c.get(label, 0.0)) for cats in scores]  # type: ignore[misc]
    result: dict[str, Any] = {"items": len(sentences)}
    result.update(classification([s.label for s in sentences], predicted, LABELS))
    result["items_per_s"] = round(len(sentences) / elapsed, 1) if elapsed else None
    return result


def evaluate_comments(folder: Path, model: str = "comments", split: str = "dev") -> dict[str, Any]:
    """Per-label P/R/F1 on one split of a comment corpus: of the classifier alone at its shipped
    thresholds (`per_label`, `macro`), and, for the shipped model, of what the abuse, intent and
    tone analysers report with their rules (`analysers`: the findings mapped back to labels)."""
    from somevakt.analysis.base import Document
    from somevakt.analysis.classifier import judge_many, judgement
    from somevakt.analysis.training import comments

    items = comments.split(comments.read_corpus(folder))[split]
    docs = [Document(c.text, "comment") for c in items]
    load(model)
    started = time.perf_counter()
    judge_many(docs, model)
    elapsed = time.perf_counter() - started
    predicted = []
    for doc in docs:
        found = judgement(doc, model)
        # a comment with no word in it (emoji alone) is not judged: the classifier says nothing
        said = () if found is None else (label for label in comments.LABELS if found.says(label))
        predicted.append(frozenset(said))
    gold = [c.labels for c in items]
    figures = comments.label_figures(predicted, gold)
    analysers = _analyser_figures([c.text for c in items], gold) if model == "comments" else None
    return {
        "analysers": analysers,
        "items": len(items),
        "split": split,
        "macro": figures.pop("macro"),
        "per_label": figures,
        "exact": round(sum(p == c.labels for p, c in zip(predicted, items, strict=True)) / len(items), 3)
        if items
        else 0.0,
        "items_per_s": round(len(items) / elapsed, 1) if elapsed else None,
    }


def _analyser_figures(texts: list[str], gold: list[frozenset[str]]) -> dict[str, Any]:
    from somevakt.analysis.classifier import CODE_LABELS
    from somevakt.analysis.registry import analyse_many
    from somevakt.analysis.training import comments

    found = analyse_many(texts, "comment", only=("abuse", "intent", "tone"))
    predicted = [frozenset(CODE_LABELS[f.code] for f in r.findings if f.code in CODE_LABELS) for r in found]
    figures = comments.label_figures(predicted, gold)
    return {"macro": figures.pop("macro"), "per_label": figures}
