"""`somevakt train comments` is repeatable: the same command and seed give the same model to the
byte in another process (another PYTHONHASHSEED, so no set or dict order of strings can slip into
the data or the weights), and another seed gives another model. Each run is its own `somevakt`
process with a tiny corpus, tiny vectors, the NoReC negatives of both kinds and a few steps."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # three tiny trainings, each in its own process

COMMENTS = [
    ("Når åpner svømmehallen igjen etter ferien, spør nummer {i}?", ["question"]),
    ("Takk til brøytemannskapet for innsatsen i natt, hilsen {i} fornøyde", ["praise"]),
    ("Du skal få svi for dette, {i} ganger har du lurt oss.", ["threat"]),
    ("Vannet har vært brunt i {i} dager, og ingen svarer oss.", ["complaint"]),
]
REVIEWS = [
    ("Filmen var en grusom opplevelse fra start til slutt.", "Negative"),
    ("Maten smakte himmelsk, servitøren var blid.", "Positive"),
    ("Boka kommer ut i mars.", "Neutral"),
    ("Skuespillet var så dårlig at jeg gikk i pausen.", "Negative"),
]


def _inputs(root: Path) -> list[str]:
    """The data of a tiny `train comments` run, and its options after --data."""
    import numpy
    import spacy
    from spacy.vectors import Vectors

    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    rows = [{"text": t.format(i=i), "labels": labels} for i in range(25) for t, labels in COMMENTS]
    (corpus / "ours.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    reviews = [
        {"sent_id": str(i), "text": f"{text} ({i})", "label": label}
        for i, (text, label) in enumerate(REVIEWS * 10)
    ]
    (root / "norec.json").write_text(json.dumps(reviews, ensure_ascii=False), encoding="utf-8")
    with gzip.open(root / "text.txt.gz", "wt", encoding="utf-8") as out:
        for i in range(200):
            out.write(f"Anmelderen skrev om plate nummer {i} at lyden var tynn og kjedelig.\n")
    nlp = spacy.blank("nb")
    table = numpy.random.default_rng(1).normal(size=(64, 8)).astype("float32")
    nlp.vocab.vectors = Vectors(data=table, mode="floret", minn=4, maxn=5, hash_count=2, attr="LOWER")
    nlp.to_disk(root / "vectors")
    return [
        str(corpus),
        "--vectors",
        str(root / "vectors"),
        "--negatives",
        str(root / "norec.json"),
        "--negative-text",
        str(root / "text.txt.gz"),
        "--max-steps",
        "12",
        "--set",
        "training.eval_frequency=4",
    ]


def _train(root: Path, name: str, options: list[str], seed: int, hash_seed: str) -> dict[str, str]:
    """One `somevakt train comments` process; the digests of its converted data and shipped model."""
    work, models = root / name / "work", root / name / "models"
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env.pop(variable, None)  # the command sets them itself
    code = "import sys; from somevakt.cli import main; sys.exit(main(sys.argv[1:]))"
    argv = [sys.executable, "-c", code, "train", "comments", "--data", *options, "--seed", str(seed)]
    argv += ["--work-dir", str(work), "--models-dir", str(models)]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    files = {
        "train.spacy": work / "comments" / "corpus" / "train.spacy",
        "weights": models / "comments" / "textcat_multilabel" / "model",
        "meta.json": models / "comments" / "meta.json",
    }
    return {key: hashlib.sha256(path.read_bytes()).hexdigest() for key, path in files.items()}


def test_the_same_seed_gives_the_same_model_to_the_byte_and_another_seed_another(tmp_path: Path) -> None:
    options = _inputs(tmp_path / "data")
    first = _train(tmp_path, "first", options, seed=3, hash_seed="1")
    again = _train(tmp_path, "again", options, seed=3, hash_seed="2")
    assert again == first  # data, weights, and the thresholds chosen on dev
    other = _train(tmp_path, "other", options, seed=4, hash_seed="1")
    assert other["weights"] != first["weights"]
    assert other["train.spacy"] != first["train.spacy"]  # the augmented copies and the order differ

    from somevakt.analysis.training.build import TRAINING_META_KEY

    meta = json.loads((tmp_path / "first" / "models" / "comments" / "meta.json").read_text("utf-8"))
    record = meta[TRAINING_META_KEY]
    assert record["seed"] == 3 and record["libraries"]["spacy"] and record["cpu"]
    train_spacy = tmp_path / "first" / "work" / "comments" / "corpus" / "train.spacy"
    assert record["data"]["train.spacy"] == hashlib.sha256(train_spacy.read_bytes()).hexdigest()[:16]
