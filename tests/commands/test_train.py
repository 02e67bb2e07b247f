"""`somevakt train`: bad input is exit 2 with one line; a tiny run converts, trains and ships a model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somevakt.cli import main

pytestmark = pytest.mark.slow  # trains and ships tiny models

SENTENCES = [
    ("Kari Nordmann bor i Oslo .", "B-PER I-PER O O B-GPE_LOC O"),
    ("Ola Hansen jobber i NAV .", "B-PER I-PER O O B-ORG O"),
    ("Biblioteket åpner klokka ti .", "O O O O O"),
]


def _norne(root: Path) -> Path:
    block = "\n\n".join(
        "\n".join(f"{w}\t{t}" for w, t in zip(words.split(), tags.split(), strict=True))
        for words, tags in SENTENCES
    )
    for variety in ("nob", "nno"):
        (root / variety).mkdir(parents=True)
        for split in ("train", "dev"):
            (root / variety / f"{split}.tsv").write_text(block + "\n", encoding="utf-8")
    return root


def test_it_rejects_a_missing_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "ner", "--data", str(tmp_path / "nope"), "--work-dir", str(tmp_path / "w")]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and "nob" in err and err.count("\n") == 1


def test_it_rejects_a_malformed_training_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _norne(tmp_path / "norne")
    (data / "nno" / "train.tsv").write_text("Kari B-PER\n", encoding="utf-8")
    assert main(["train", "ner", "--data", str(data), "--work-dir", str(tmp_path / "w")]) == 2
    assert "train.tsv:1: expected" in capsys.readouterr().err


def test_it_rejects_sentiment_data_without_its_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "train.json").write_text("[]", encoding="utf-8")
    assert main(["train", "sentiment", "--data", str(tmp_path), "--work-dir", str(tmp_path / "w")]) == 2
    assert "dev.json" in capsys.readouterr().err


def test_it_rejects_a_bad_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _norne(tmp_path / "norne")
    assert main(["train", "ner", "--data", str(data), "--set", "nonsense"]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err


def test_it_asks_for_vectors_when_none_are_shipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _norne(tmp_path / "norne")
    argv = [
        "train",
        "ner",
        "--data",
        str(data),
        "--work-dir",
        str(tmp_path / "w"),
        "--models-dir",
        str(tmp_path),
    ]
    assert main(argv) == 2
    assert "somevakt train vectors" in capsys.readouterr().err


def test_it_rejects_a_folder_that_is_not_vectors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _norne(tmp_path / "norne")
    assert main(["train", "ner", "--data", str(data), "--vectors", str(tmp_path)]) == 2
    assert "not a spaCy vectors folder" in capsys.readouterr().err


def test_it_trains_and_ships_a_tiny_ner_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _norne(tmp_path / "norne")
    models = tmp_path / "models"
    models.mkdir()
    argv = [
        "train",
        "ner",
        "--data",
        str(data),
        "--work-dir",
        str(tmp_path / "w"),
        "--models-dir",
        str(models),
    ]
    argv += ["--vectors", str(_tiny_vectors(tmp_path / "vectors"))]
    argv += ["--max-steps", "2", "--set", "training.eval_frequency=1"]
    assert main(argv) == 0
    meta = json.loads((models / "ner" / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "somevakt_ner" and "ner" in meta["pipeline"]
    assert "somevakt train ner" in meta["description"]
    assert (tmp_path / "w" / "ner" / "corpus" / "train.spacy").is_file()
    assert "wrote" in capsys.readouterr().out


def _tiny_vectors(path: Path) -> Path:
    import numpy
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("nb")
    table = numpy.random.default_rng(1).normal(size=(64, 8)).astype("float32")
    nlp.vocab.vectors = Vectors(data=table, mode="floret", minn=4, maxn=5, hash_count=2, attr="LOWER")
    nlp.to_disk(path)
    return path


def _norec(root: Path) -> Path:
    """A tiny NoReC_sentence folder: the same nine sentences as train and dev."""
    root.mkdir()
    items = [
        {"sent_id": str(i), "text": text, "label": label}
        for i, (text, label) in enumerate(
            [
                ("Fantastisk bra!", "Positive"),
                ("Elendig og dårlig.", "Negative"),
                ("Den åpner ti.", "Neutral"),
            ]
            * 3
        )
    ]
    for split in ("train", "dev"):
        (root / f"{split}.json").write_text(json.dumps(items), encoding="utf-8")
    return root


def test_it_ships_one_shared_float16_vectors_table(tmp_path: Path) -> None:
    import numpy

    from somevakt.analysis.models import VECTORS_META_KEY, load

    data = _norec(tmp_path / "norec")
    models = tmp_path / "models"
    argv = [
        "train",
        "sentiment",
        "--data",
        str(data),
        "--work-dir",
        str(tmp_path / "w"),
        "--models-dir",
        str(models),
    ]
    argv += ["--vectors", str(_tiny_vectors(tmp_path / "vectors")), "--max-steps", "2"]
    assert main(argv) == 0
    assert numpy.load(models / "vectors.npy").dtype == numpy.float16
    assert not (models / "sentiment" / "vocab" / "vectors").exists()
    nlp = load(str(models / "sentiment"))
    assert nlp.meta[VECTORS_META_KEY] and nlp.vocab.vectors.shape == (64, 8)
    # Retraining without --vectors reuses the shipped table rather than asking for new vectors.
    assert main([*argv[:-4], "--max-steps", "2"]) == 0
    again = load.__wrapped__(str(models / "sentiment"))  # past the per-process cache
    assert again.meta[VECTORS_META_KEY] == nlp.meta[VECTORS_META_KEY]


def _comments(root: Path, lines: list[str] | None = None) -> Path:
    """A tiny comment corpus folder: sixty invented comments, enough for every split to have some."""
    root.mkdir()
    if lines is None:
        kinds = [
            ("Når åpner biblioteket {i}?", ["question"]),
            ("Tusen takk til hjemmetjenesten, nummer {i} av mange gode dager!", ["praise"]),
            ("Pass deg, jeg vet hvor du bor, {i} ganger har jeg sagt det.", ["threat"]),
        ]
        lines = [
            json.dumps({"text": text.format(i=i), "labels": labels, "lang": "nb"}, ensure_ascii=False)
            for i in range(20)
            for text, labels in kinds
        ]
    (root / "ours.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_it_trains_and_ships_a_tiny_comment_classifier_with_thresholds(tmp_path: Path) -> None:
    from somevakt.analysis.classifier import THRESHOLDS_META_KEY
    from somevakt.analysis.training.comments import LABELS

    models = tmp_path / "models"
    argv = ["train", "comments", "--data", str(_comments(tmp_path / "corpus"))]
    argv += ["--work-dir", str(tmp_path / "w"), "--models-dir", str(models)]
    argv += ["--vectors", str(_tiny_vectors(tmp_path / "vectors")), "--max-steps", "2"]
    argv += ["--negatives", str(_norec(tmp_path / "norec") / "train.json")]
    assert main(argv) == 0
    meta = json.loads((models / "comments" / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "somevakt_comments" and "textcat_multilabel" in meta["pipeline"]
    assert set(meta[THRESHOLDS_META_KEY]) == set(LABELS)
    assert all(0.05 <= t <= 0.95 for t in meta[THRESHOLDS_META_KEY].values())


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "ours.jsonl:1: not JSON"),
        ('{"text": "Hei", "labels": ["rude"]}', "unknown label 'rude'"),
        ('{"text": "", "labels": []}', 'non-empty "text"'),
        ('{"text": "Hei", "labels": [], "lang": "sv"}', "unknown lang 'sv'"),
    ],
)
def test_it_rejects_a_malformed_comment_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    data = _comments(tmp_path / "corpus", [line])
    assert main(["train", "comments", "--data", str(data), "--work-dir", str(tmp_path / "w")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_it_rejects_negatives_for_another_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _norne(tmp_path / "norne")
    negatives = _norec(tmp_path / "norec") / "train.json"
    assert main(["train", "ner", "--data", str(data), "--negatives", str(negatives)]) == 2
    assert "--negatives is for `train comments`" in capsys.readouterr().err


def _many_norne(root: Path, n: int) -> Path:
    """A NorNE folder with n different train sentences per variety and no dev files at all."""
    for variety in ("nob", "nno"):
        (root / variety).mkdir(parents=True)
        lines = [
            f"{name}\tB-PER\nNordmann\tI-PER\nbor\tO\ni\tO\nOslo\tB-GPE_LOC\n{i}\tO\n.\tO"
            for i in range(n)
            for name in (("Kari",) if variety == "nob" else ("Ola",))
        ]
        (root / variety / "train.tsv").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return root


def _corpus(path: Path) -> list[tuple[str, ...]]:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("nb").vocab
    return [tuple(t.text for t in doc) for doc in DocBin().from_disk(path).get_docs(vocab)]


def test_select_on_chooses_on_a_held_out_slice_of_train_and_never_reads_dev(tmp_path: Path) -> None:
    data = _many_norne(tmp_path / "norne", 40)  # no dev.tsv: the official dev split is not read
    models = tmp_path / "models"
    argv = ["train", "ner", "--data", str(data), "--work-dir", str(tmp_path / "w")]
    argv += ["--models-dir", str(models), "--vectors", str(_tiny_vectors(tmp_path / "vectors"))]
    argv += ["--select-on", "0.25", "--max-steps", "2", "--set", "training.eval_frequency=1"]
    assert main(argv) == 0
    assert (models / "ner" / "meta.json").is_file()
    corpus = tmp_path / "w" / "ner" / "corpus"
    train, dev = _corpus(corpus / "train.spacy"), _corpus(corpus / "dev.spacy")
    chosen = {words for words in dev if words[0] in ("Kari", "Ola")}
    assert 0 < len(chosen) < 80 and len(dev) == 2 * len(chosen)  # as is and lower-cased
    assert {tuple(w.lower() for w in words) for words in chosen} <= set(dev)
    # Disjoint: no training sentence, nor a case-perturbed copy of one, is a chosen one.
    folded = {" ".join(w.lower() for w in words if w != ".") for words in chosen}
    assert not folded & {" ".join(w.lower() for w in words if w != ".") for words in train}
    assert len({words for words in train if words[0] in ("Kari", "Ola")}) == 80 - len(chosen)


def test_the_selection_slice_is_fixed_by_the_words_alone(tmp_path: Path) -> None:
    from somevakt.analysis.training.build import TrainOptions, convert_ner

    def chosen(n: int, seed: int, run: str) -> set[tuple[str, ...]]:
        data = _many_norne(tmp_path / run / "norne", n)
        options = TrainOptions(data=data, work_dir=tmp_path / run, seed=seed, select_on=0.25)
        convert_ner(options, tmp_path / run / "corpus")
        return set(_corpus(tmp_path / run / "corpus" / "dev.spacy"))

    first = chosen(40, 1, "a")
    assert first == chosen(40, 1, "b")
    # Another seed (other shuffling and perturbation) and more sentences keep every earlier choice.
    more = chosen(80, 2, "c")
    assert {words for words in more if int(words[5]) < 40} == first


def test_without_select_on_dev_is_the_nob_dev_split(tmp_path: Path) -> None:
    from somevakt.analysis.training.build import TrainOptions, convert_ner

    data = _norne(tmp_path / "norne")
    (data / "nob" / "dev.tsv").write_text("Per\tB-PER\nkom\tO\n", encoding="utf-8")
    convert_ner(TrainOptions(data=data, work_dir=tmp_path / "w"), tmp_path / "corpus")
    assert _corpus(tmp_path / "corpus" / "dev.spacy") == [("Per", "kom"), ("per", "kom")]
    assert len(_corpus(tmp_path / "corpus" / "train.spacy")) >= 6


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ner", "--select-on", "1"], "0 < SHARE < 1"),
        (["ner", "--select-on", "-0.1"], "0 < SHARE < 1"),
        (["ner", "--select-on", "nan"], "0 < SHARE < 1"),
        (["ner", "--select-on", "0.01"], "no sentence to choose on"),
        (["ner", "--select-on", "0.9"], "nothing to train on"),
        (["sentiment", "--select-on", "0.1"], "--select-on is for `train ner`"),
    ],
)
def test_it_rejects_a_bad_select_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    data = _norne(tmp_path / "norne")
    assert main(["train", *argv, "--data", str(data), "--work-dir", str(tmp_path / "w")]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
