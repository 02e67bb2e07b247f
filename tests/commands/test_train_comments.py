"""The comment corpus: our own files parse, the split is stable, augmentation keeps labels,
thresholds are chosen as documented, and the challenge set stays apart from training."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from somevakt.analysis.training import comments
from somevakt.policy.evaluation import read_triage_file

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_it_reads_the_repository_corpus_with_every_label_in_every_split() -> None:
    splits = comments.split(comments.read_corpus(CORPUS / "comments"))
    for name in ("train", "dev", "test"):
        present = {label for c in splits[name] for label in c.labels}
        assert present == set(comments.LABELS), (name, set(comments.LABELS) - present)
    assert len(splits["train"]) > 4 * len(splits["dev"]) > 0


def test_it_keeps_the_challenge_set_valid_and_out_of_the_training_corpus() -> None:
    def key(text: str) -> str:
        # Folded to its words; a text of emoji alone has none and is compared as written.
        return comments._FOLD.sub(" ", text.lower()).strip() or text.strip()

    training = {key(c.text) for c in comments.read_corpus(CORPUS / "comments")}
    files = sorted((CORPUS / "challenge").glob("*.jsonl"))
    assert files
    total = 0
    for path in files:
        labelled = read_triage_file(path)
        assert labelled.errors == [], (path.name, labelled.errors[:3])
        total += len(labelled.items)
        for item in labelled.items:
            assert key(item.text) not in training, item.id
    assert total >= 300


def test_it_splits_by_the_text_whatever_its_case_and_spacing() -> None:
    text = "Når kommer brøytebilen til Vestbygda?"
    assert comments.split_of(text) == comments.split_of("  når KOMMER brøytebilen til vestbygda ")
    many = [comments.split_of(f"Kommentar nummer {i} om veien") for i in range(2000)]
    share = {name: many.count(name) / len(many) for name in comments.SPLITS}
    assert 0.75 < share["train"] < 0.85 and 0.07 < share["dev"] < 0.13 and 0.07 < share["test"] < 0.13


def test_it_keeps_a_text_written_twice_once() -> None:
    twice = [comments.Comment("Takk for hjelpen!", frozenset({"praise"}))] * 2
    twice.append(comments.Comment("takk for hjelpen", frozenset({"praise"})))
    assert sum(len(v) for v in comments.split(twice).values()) == 1


def test_it_augments_with_the_labels_kept() -> None:
    rng = random.Random(3)
    source = [comments.Comment("Jeg vet hvor du bor, og jeg kommer.", frozenset({"threat"}))] * 50
    copies = comments.augmented(source, rng)
    assert copies and all(c.labels == frozenset({"threat"}) for c in copies)
    assert all(c.text != source[0].text for c in copies)
    assert any(c.text.islower() for c in copies)


def test_it_makes_one_slip_in_a_word() -> None:
    rng = random.Random(1)
    out = comments.typo("Brøytingen er elendig", rng)
    assert out != "Brøytingen er elendig" and abs(len(out) - len("Brøytingen er elendig")) <= 1
    assert comments.typo("ok 12", rng) == "ok 12"


def test_it_chooses_the_threshold_with_the_best_f_score() -> None:
    never = [False] * 6
    scores = [0.9, 0.8, 0.6, 0.3, 0.2, 0.1]
    truth = [True, True, True, False, False, False]
    assert comments.best_thresholds(scores, truth, never)[0] == 0.45  # halfway between the sides
    # Recall counts double: a lower threshold that also takes in the weak positive wins.
    scores = [0.9, 0.8, 0.6, 0.55, 0.5, 0.3]
    truth = [True, True, False, False, False, True]
    assert comments.best_thresholds(scores, truth, never, recall_weight=1.0)[0] == 0.7
    assert comments.best_thresholds(scores, truth, never, recall_weight=2.0)[0] == 0.15


def test_it_reports_figures_per_label() -> None:
    gold = [frozenset({"threat"}), frozenset({"praise"}), frozenset()]
    predicted = [frozenset({"threat"}), frozenset({"threat"}), frozenset()]
    figures = comments.label_figures(predicted, gold, ("threat", "praise"))
    assert figures["threat"] == {"p": 0.5, "r": 1.0, "f1": 0.667, "n": 1}
    assert figures["praise"]["r"] == 0.0 and figures["macro"]["r"] == 0.5


@pytest.mark.parametrize("labels", [["threat", "praise"], []])
def test_it_gives_spacy_cats_for_every_known_label(labels: list[str]) -> None:
    cats = comments.cats(labels)
    assert set(cats) == set(comments.LABELS) and sum(cats.values()) == len(labels)
    assert set(comments.cats(labels, comments.ABUSE_LABELS)) == set(comments.ABUSE_LABELS)
    assert json.dumps(cats)


def test_it_chooses_a_lower_threshold_where_a_rule_agrees() -> None:
    # The two weak positives are the only items a rule matched: the classifier alone needs 0.7,
    # but with the rule 0.3 is enough, and no negative gets in.
    scores = [0.9, 0.8, 0.35, 0.3, 0.6, 0.5, 0.2]
    truth = [True, True, True, True, False, False, False]
    rule = [False, False, True, True, False, False, False]
    alone, with_rule = comments.best_thresholds(scores, truth, rule)
    assert 0.6 < alone <= 0.8 and with_rule <= 0.3


def test_it_keeps_calibration_reviews_apart_from_training_reviews() -> None:
    texts = [f"Filmen var grusom, nummer {i}." for i in range(1000)]
    half = [t for t in texts if comments.calibration_half(t)]
    assert 400 < len(half) < 600
    assert comments.calibration_half(texts[0]) == comments.calibration_half(texts[0])


def test_it_keeps_the_flags_on_known_clean_texts_under_the_cap() -> None:
    # Recall-first would take every item down to 0.2; two known-clean reviews score 0.25 and 0.3,
    # and at most one of them may be flagged.
    scores = [0.9, 0.2, 0.3, 0.25, 0.1]
    truth = [True, True, False, False, False]
    clean = [False, False, True, True, False]
    rule = [False] * 5
    free, _ = comments.best_thresholds(scores, truth, rule, recall_weight=2.0)
    capped, _ = comments.best_thresholds(scores, truth, rule, 2.0, limited=clean, max_rate=0.5)
    assert free <= 0.2 and capped > 0.25  # the cap rules out every threshold that takes both in
