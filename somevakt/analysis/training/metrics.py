"""Precision, recall and F1 as eval reports them (fractions 0-1, rounded to 4 places)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def prf(true_positives: int, predicted: int, gold: int) -> dict[str, float]:
    p = true_positives / predicted if predicted else 0.0
    r = true_positives / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def span_prf(
    gold: Iterable[set[tuple[int, int, str]]],
    predicted: Iterable[set[tuple[int, int, str]]],
    labels: set[str],
) -> dict[str, float]:
    """Strict entity-level micro P/R/F1: a hit needs the same start, end and label."""
    tp = n_pred = n_gold = 0
    for g, p in zip(gold, predicted, strict=True):
        g = {s for s in g if s[2] in labels}
        p = {s for s in p if s[2] in labels}
        tp += len(g & p)
        n_pred += len(p)
        n_gold += len(g)
    return prf(tp, n_pred, n_gold)


def classification(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, object]:
    """Macro-F1 (unweighted mean over labels), accuracy and P/R/F1 per label."""
    per_class = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        per_class[label] = prf(
            tp, sum(1 for p in predicted if p == label), sum(1 for g in gold if g == label)
        )
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return {
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / len(labels), 4),
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "per_class": per_class,
    }
