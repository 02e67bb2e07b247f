"""Self-training for the sentiment model: unlabelled review sentences labelled by a teacher model.

NoReC_sentence has 8,000 labelled sentences; NoReC's own text has over a million more from the
same kind of reviews. A teacher (a sentiment model trained on the labelled set alone) labels a
random sample of those sentences, and the ones it is confident about join the labelled set for
the next model: it sees many more ways of saying the same thing. Per class at most `ratio` times
as many as the labelled set has of that class, the most confident first, so the classes keep
about their proportions. Sentences that are (up to spacing and case) in the labelled train or dev
files are never used, so dev scores stay honest.
"""

from __future__ import annotations

import gzip
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from somevakt.analysis.training.errors import DataError
from somevakt.analysis.training.norec import LABELS, LabelledSentence

MIN_WORDS = 4  # shorter lines are mostly headings and scores
MAX_WORDS = 60


@dataclass(frozen=True)
class SelfTraining:
    text: Path  # plain text, a sentence or paragraph a line, optionally .gz
    teacher: str  # a sentiment model folder (or the shipped name)
    sample: int = 80_000  # lines the teacher labels
    threshold: float = 0.85  # the teacher's probability for its label, at least
    ratio: float = 2.0  # per class, at most this many times the labelled set's count
    seed: int = 7


def _key(text: str) -> str:
    return "".join(text.lower().split())


def candidate_lines(path: Path, exclude: Iterable[str]) -> list[str]:
    """Lines of ordinary sentence length that are not among the labelled sentences."""
    if not path.is_file():
        raise DataError(f"{path}: no such file (expected plain text, optionally .gz)")
    seen = {_key(t) for t in exclude}
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as inp:
            lines = [" ".join(line.split()) for line in inp]
    except (UnicodeDecodeError, OSError) as exc:
        raise DataError(f"{path}: not readable UTF-8 text ({exc})") from None
    return [t for t in lines if MIN_WORDS <= len(t.split()) <= MAX_WORDS and _key(t) not in seen]


def pseudo_labelled(
    options: SelfTraining, labelled: list[LabelledSentence], dev: list[LabelledSentence]
) -> list[LabelledSentence]:
    """The teacher's confident labels on a sample of the text, per class capped by `ratio`."""
    from somevakt.analysis.training.evaluation import predict_sentiment

    lines = candidate_lines(options.text, [s.text for s in labelled + dev])
    if not lines:
        raise DataError(f"{options.text}: no lines of {MIN_WORDS}-{MAX_WORDS} words to label")
    rng = random.Random(options.seed)  # noqa: S311 - reproducible sampling, not security
    sample = rng.sample(lines, min(options.sample, len(lines)))
    confident: dict[str, list[tuple[float, str]]] = {label: [] for label in LABELS}
    for text, cats in zip(sample, predict_sentiment(sample, options.teacher), strict=True):
        label = max(LABELS, key=lambda lab, c=cats: c.get(lab, 0.0))  # type: ignore[misc]
        if cats.get(label, 0.0) >= options.threshold:
            confident[label].append((cats[label], text))
    counts = Counter(s.label for s in labelled)
    out: list[LabelledSentence] = []
    for label in LABELS:
        ranked = sorted(confident[label], reverse=True)[: int(counts[label] * options.ratio)]
        out += [LabelledSentence(f"self-{label}-{i}", text, label) for i, (_, text) in enumerate(ranked)]
    return out
