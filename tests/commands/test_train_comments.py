"""The comment corpus: our own files parse, the split is stable, augmentation keeps labels,
thresholds are chosen as documented, challenge_a to c and e to j are read as training data with their
codes as labels, and the dev and held-out challenge sets stay apart from training."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from somevakt.analysis.training import comments
from somevakt.analysis.training.errors import DataError
from somevakt.cli import main
from somevakt.policy.evaluation import read_triage_file

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_it_reads_the_repository_corpus_with_every_label_in_every_split() -> None:
    splits = comments.split(comments.read_corpus(CORPUS / "comments"))
    for name in ("train", "dev", "test"):
        present = {label for c in splits[name] for label in c.labels}
        assert present == set(comments.LABELS), (name, set(comments.LABELS) - present)
    assert len(splits["train"]) > 4 * len(splits["dev"]) > 0


def _key(text: str) -> str:
    # Folded to its words; a text of emoji alone has none and is compared as written.
    return comments._FOLD.sub(" ", text.lower()).strip() or text.strip()


TRAINING_CHALLENGE = [CORPUS / "challenge" / name for name in comments.CHALLENGE_TRAINING]


def test_it_keeps_the_dev_and_held_out_challenge_sets_out_of_the_training_data() -> None:
    # The training data is the corpus and challenge_a to c, e to m and q to t (`--also-challenge`);
    # challenge_d, n to p, u to x (dev for choices) and challenge_y and z (held out) must share no text
    # with it.
    assert {p.name for p in TRAINING_CHALLENGE} == {f"challenge_{x}.jsonl" for x in "abcefghijklmqrst"}
    training = {_key(c.text) for c in comments.read_training(CORPUS / "comments", TRAINING_CHALLENGE)}
    files = sorted((CORPUS / "challenge").glob("*.jsonl"))
    held = [path for path in files if path.name not in comments.CHALLENGE_TRAINING]
    assert {f"challenge_{x}.jsonl" for x in "dnopuvwxyz"} <= {path.name for path in held}
    assert not {f"challenge_{x}.jsonl" for x in "abcefghijklmqrst"} & {path.name for path in held}
    total = 0
    for path in files:
        labelled = read_triage_file(path)
        assert labelled.errors == [], (path.name, labelled.errors[:3])
        if path in held:
            total += len(labelled.items)
            for item in labelled.items:
                assert _key(item.text) not in training, item.id
    assert total >= 300


# Refused by their names, never read.
@pytest.mark.parametrize("name", [f"challenge_{x}.jsonl" for x in "dnopuvwxyz"])
def test_it_refuses_the_dev_and_held_out_challenge_sets_as_training_data(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = CORPUS / "challenge" / name  # refused by its name, never read
    with pytest.raises(DataError, match="not a challenge file for training"):
        comments.read_challenge(path)
    argv = ["train", "comments", "--data", str(CORPUS / "comments"), "--also-challenge", str(path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    listed = err.split("(only ", 1)[1].split(" are training data")[0].split(", ")
    assert listed == sorted(f"challenge_{x}.jsonl" for x in "abcefghijklmqrst") and name not in listed
    assert "challenge_d, challenge_n to challenge_p and challenge_u to challenge_x are the dev sets" in err


def _challenge_line(text: str, codes: list[str] | None, kind: str = "comment", **more: str) -> str:
    row: dict[str, object] = {"id": "x", "text": text, "kind": kind, "accept": {"gausdal": ["answer"]}}
    if codes is not None:
        row["codes"] = codes
    return json.dumps({**row, **more}, ensure_ascii=False)


def test_it_maps_a_challenge_item_s_codes_to_labels(tmp_path: Path) -> None:
    path = tmp_path / "challenge_a.jsonl"
    lines = [
        _challenge_line(
            "Når kommer brøytebilen? Det er tredje dag nå.", ["intent.question", "tone.negative"]
        ),
        _challenge_line(
            "Kari på teknisk bør passe seg, jeg vet hvor hun bor.",
            ["abuse.threat", "person.named", "tone.negative"],
            lang="dialect",
        ),
        _challenge_line("Takk for en flott konsert!", ["tone.praise"], lang="nn"),
        _challenge_line("Fantastisk, enda en måned uten vei 👏", ["tone.sarcasm", "tone.negative"]),
        _challenge_line(
            "Søker om innsyn i saken min, 12345678901.", ["intent.case_request", "personal_data.national_id"]
        ),
        _challenge_line("Delt.", []),
        _challenge_line("Hilsen Kari Nordmann, Gausdal kommune", ["style.own_opinion"], kind="reply"),
        _challenge_line("Et innlegg uten koder", None),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = comments.read_challenge(path)
    assert [(c.labels, c.unknown) for c in read] == [
        ({"question", "complaint"}, frozenset()),
        # every threat was coded tone.negative too, which the corpus does not call a complaint
        # unless it complains of something: left unknown rather than taught both ways
        ({"threat"}, {"complaint"}),
        ({"praise"}, frozenset()),
        ({"sarcasm", "complaint"}, frozenset()),
        ({"case_request"}, frozenset()),
        (frozenset(), frozenset()),
    ]
    assert [c.lang for c in read][:3] == ["nb", "dialect", "nn"]
    assert read[1].source == "challenge_a.jsonl:2"
    # spaCy's cats leave the unknown label out (no loss); its changed copies keep it unknown
    assert set(comments.cats(read[1].labels, read[1].known)) == set(comments.LABELS) - {"complaint"}
    copies = comments.augmented([read[1]] * 20, random.Random(2))
    assert copies and all(c.unknown == {"complaint"} and c.labels == {"threat"} for c in copies)


def test_it_trains_on_the_retired_challenge_sets_split_by_the_corpus_hash() -> None:
    corpus = comments.read_corpus(CORPUS / "comments")
    extra = [c for path in TRAINING_CHALLENGE for c in comments.read_challenge(path)]
    assert len(extra) >= 300 and all(c.labels <= set(comments.LABELS) for c in extra)
    # Each file gives comments, and each but challenge_b abusive ones among them.
    for name in comments.CHALLENGE_TRAINING:
        mine = [c for c in extra if c.source.startswith(f"{name}:")]
        assert len(mine) >= 50, name
        assert name == "challenge_b.jsonl" or any(c.labels & set(comments.ABUSE_LABELS) for c in mine), name
    assert {label for c in extra for label in c.labels} == set(comments.LABELS)
    splits = comments.split(comments.read_training(CORPUS / "comments", TRAINING_CHALLENGE))
    alone = comments.split(corpus)
    corpus_keys = {_key(c.text) for c in corpus}
    for name in comments.SPLITS:
        added = [c for c in splits[name] if c.source.startswith("challenge_")]
        assert added and all(comments.split_of(c.text) == name for c in added)
        assert len(splits[name]) == len(alone[name]) + len(added)
        assert not {_key(c.text) for c in added} & corpus_keys
    assert len([c for c in splits["train"] if c.source.startswith("challenge_")]) > 0.7 * len(extra)


def test_it_writes_the_challenge_items_into_training_with_complaint_unknown_on_abuse(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    from somevakt.analysis.training.build import TrainOptions, convert_comments

    folder = tmp_path / "corpus"
    folder.mkdir()
    rows = [{"text": f"Når åpner biblioteket, spør nummer {i}?", "labels": ["question"]} for i in range(40)]
    (folder / "ours.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    challenge = tmp_path / "challenge_a.jsonl"
    texts = [f"Saksbehandler nummer {i} bør passe seg, jeg vet hvor hun bor." for i in range(40)]
    lines = [_challenge_line(t, ["abuse.threat", "tone.negative"]) for t in texts]
    challenge.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = TrainOptions(data=folder, work_dir=tmp_path / "w", challenge=(challenge,))
    counts = convert_comments(options, tmp_path / "out")
    nlp = spacy.blank("nb")
    docs = list(DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(nlp.vocab))
    threats = [d for d in docs if d.cats.get("threat") == 1.0]
    trained = {t for t in texts if comments.split_of(t) == "train"}
    assert trained and {d.text for d in threats} >= trained and counts["train"] == len(docs)
    assert all("complaint" not in d.cats and d.cats["question"] == 0.0 for d in threats)
    assert all(d.cats["complaint"] == 0.0 for d in docs if d.cats.get("question") == 1.0)


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
    capped, _ = comments.best_thresholds(scores, truth, rule, 2.0, limits=[(clean, 0.5)])
    assert free <= 0.2 and capped > 0.25  # the cap rules out every threshold that takes both in


def test_it_scores_a_split_with_a_comment_of_emoji_alone(tmp_path: Path) -> None:
    # The classifier does not judge a text without a word; eval comments counts it as no label
    # (it stopped with an AssertionError on the corpus's test split of 0.3.0).
    from somevakt.analysis.training.evaluation import evaluate_comments

    folder = tmp_path / "corpus"
    folder.mkdir()
    emoji = "👏👏👏"
    split = comments.split_of(emoji)
    words = [
        t
        for t in (f"Tusen takk for hjelpen, nummer {i}!" for i in range(60))
        if comments.split_of(t) == split
    ]
    rows = [{"text": emoji, "labels": ["praise"]}] + [{"text": t, "labels": ["praise"]} for t in words[:3]]
    (folder / "ours.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = evaluate_comments(folder, split=split)
    assert result["items"] == 1 + len(words[:3]) and words
    assert result["per_label"]["praise"]["n"] == result["items"]
    assert result["per_label"]["praise"]["r"] <= len(words[:3]) / result["items"]


def test_it_keeps_the_flags_on_each_group_of_known_clean_texts_under_its_own_cap() -> None:
    # Reviews (the first cap) allow the threshold 0.2; the everyday statements (the second) do not:
    # one of its two texts scores 0.22, and it may flag none.
    scores = [0.9, 0.21, 0.1, 0.05, 0.22, 0.01]
    truth = [True, True, False, False, False, False]
    reviews = [False, False, True, True, False, False]
    statements = [False, False, False, False, True, True]
    rule = [False] * 6
    one, _ = comments.best_thresholds(scores, truth, rule, 2.0, limits=[(reviews, 0.5)])
    both, _ = comments.best_thresholds(scores, truth, rule, 2.0, limits=[(reviews, 0.5), (statements, 0.0)])
    assert one <= 0.21 and both > 0.22


CALIBRATION = sorted((CORPUS / "calibration").glob("*.jsonl"))


def test_the_calibration_texts_carry_no_abuse_and_are_never_trained_on() -> None:
    assert CALIBRATION, "corpus/calibration/ holds the known-clean everyday texts"
    training = {_key(c.text) for c in comments.read_training(CORPUS / "comments", TRAINING_CHALLENGE)}
    for path in CALIBRATION:
        texts = comments.read_calibration(path)  # refuses a file with an abuse label
        assert len(texts) >= 500
        assert not [c.where for c in texts if _key(c.text) in training]


def test_the_shipped_thresholds_flag_at_most_their_share_of_the_calibration_texts() -> None:
    # What `comment_thresholds` chose for the shipped model, checked on the model itself: a plain
    # notice ("Legevakta stenger kl 22 i kveld.") heard as a threat was deleted under Båtsfjord.
    from somevakt.analysis.base import Document
    from somevakt.analysis.classifier import judge_many, judgement
    from somevakt.analysis.training.build import MAX_CALIBRATION_FLAGS

    texts = [c.text for path in CALIBRATION for c in comments.read_calibration(path)]
    docs = [Document(text, "comment") for text in texts]
    judge_many(docs)
    for label, share in MAX_CALIBRATION_FLAGS.items():
        flagged = [d.text for d in docs if (j := judgement(d)) is not None and j.says(label)]
        assert len(flagged) <= share * len(docs), (label, len(flagged), flagged[:5])


def test_it_refuses_a_calibration_file_with_abuse_before_training(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "neutral.jsonl"
    lines = [
        {"text": "Legevakta stenger kl 22 i kveld.", "labels": []},
        {"text": "Jeg vet hvor du bor.", "labels": ["threat"]},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    argv = ["train", "comments", "--data", str(CORPUS / "comments"), "--work-dir", str(tmp_path / "w")]
    assert main([*argv, "--calibrate-on", str(path)]) == 2
    assert "neutral.jsonl:2: a calibration text carries no abuse, not 'threat'" in capsys.readouterr().err
    assert not (tmp_path / "w").exists()
