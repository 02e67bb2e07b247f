"""The training data helpers: NorNE spans, case perturbation, metrics."""

from __future__ import annotations

import random

from somevakt.analysis.training import augment
from somevakt.analysis.training.metrics import classification, span_prf
from somevakt.analysis.training.norne import TaggedSentence, entity_spans


def test_it_reads_strict_iob2_spans() -> None:
    assert entity_spans(("B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG")) == {
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),  # a stray I- starts an entity
    }


def test_it_lower_cases_and_drops_punctuation_outside_entities() -> None:
    s = TaggedSentence(
        ("«", "Kari", "Nordmann", "»", "sa", "nei", "."), ("O", "B-PER", "I-PER", "O", "O", "O", "O")
    )
    dropped = augment.drop_punct(augment.lower(s))
    assert dropped.words == ("kari", "nordmann", "sa", "nei")
    assert entity_spans(dropped.tags) == {(0, 2, "PER")}


def test_it_keeps_punctuation_inside_an_entity() -> None:
    s = TaggedSentence(("Hotell", "«", "Bristol", "»", "."), ("B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"))
    assert augment.drop_punct(s).words == ("Hotell", "«", "Bristol", "»")


def test_it_adds_perturbed_copies_reproducibly() -> None:
    sentences = [TaggedSentence((f"Ord{i}", "."), ("O", "O")) for i in range(200)]
    first = augment.perturbed_copies(sentences, random.Random(1), p_lower=0.5, p_drop_punct=0.5)
    again = augment.perturbed_copies(sentences, random.Random(1), p_lower=0.5, p_drop_punct=0.5)
    assert first == again and 60 < len(first) < 140
    assert all(w == w.lower() for s in first for w in s.words)


def test_it_scores_strict_spans() -> None:
    gold = [{(0, 2, "PER"), (3, 4, "LOC")}]
    predicted = [{(0, 1, "PER"), (3, 4, "LOC")}]  # a partial name is a miss
    assert span_prf(gold, predicted, {"PER"}) == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert span_prf(gold, predicted, {"PER", "LOC"}) == {"p": 0.5, "r": 0.5, "f1": 0.5}


def test_it_scores_classes_with_macro_f1() -> None:
    result = classification(["a", "a", "b", "c"], ["a", "b", "b", "c"], ["a", "b", "c"])
    assert result["accuracy"] == 0.75
    assert result["per_class"]["a"] == {"p": 1.0, "r": 0.5, "f1": 0.6667}
    assert result["macro_f1"] == round((0.6667 + 0.6667 + 1.0) / 3, 4)
