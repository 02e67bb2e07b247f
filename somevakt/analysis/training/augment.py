"""Case perturbation: social media text is often lower-case and unpunctuated, news text is not.

Training on perturbed copies teaches the models not to rely on capitals and full stops;
the same functions make the lower-cased dev copies we measure on.
"""

from __future__ import annotations

import random
import unicodedata

from somevakt.analysis.training.norne import TaggedSentence


def is_punct(word: str) -> bool:
    return bool(word) and all(unicodedata.category(c).startswith("P") for c in word)


def lower(sentence: TaggedSentence) -> TaggedSentence:
    return TaggedSentence(tuple(w.lower() for w in sentence.words), sentence.tags)


def drop_punct(sentence: TaggedSentence) -> TaggedSentence:
    """Drop punctuation tokens outside entities; IOB2 stays valid because entity tokens are kept."""
    kept = [(w, t) for w, t in zip(sentence.words, sentence.tags, strict=True) if t != "O" or not is_punct(w)]
    if not kept:
        return sentence
    words, tags = zip(*kept, strict=True)
    return TaggedSentence(tuple(words), tuple(tags))


def perturbed_copies(
    sentences: list[TaggedSentence], rng: random.Random, p_lower: float, p_drop_punct: float
) -> list[TaggedSentence]:
    """Extra copies: a share lower-cased, and of those a share without punctuation."""
    out: list[TaggedSentence] = []
    for sentence in sentences:
        if rng.random() >= p_lower:
            continue
        copy = lower(sentence)
        if rng.random() < p_drop_punct:
            copy = drop_punct(copy)
        out.append(copy)
    return out


def lower_text(text: str, rng: random.Random, p_drop_punct: float) -> str:
    """A lower-cased sentence, sometimes with its final punctuation dropped."""
    low = text.lower()
    if rng.random() < p_drop_punct:
        low = low.rstrip(".!?… ")
    return low or text.lower()
