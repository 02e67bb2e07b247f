"""Compact subword vectors with floret, from unlabelled Norwegian text (`somevakt train vectors`).

floret hashes every word and its character n-grams into a fixed number of buckets, so the
table stays small (buckets x dims floats) and unseen or misspelt words still get a vector.
The text is tokenised with the analysis tokenizer and lower-cased, and spaCy looks the
vectors up by LOWER, so "KARI" and "kari" share a vector.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

from somevakt.analysis.models import VECTORS_FILE, VERSIONS
from somevakt.analysis.training.errors import DataError


def write_corpus(source: Path, target: Path) -> int:
    """One tokenised, lower-cased line per input line; returns the number of tokens."""
    import spacy

    if not source.is_file():
        raise DataError(f"{source}: no such file (expected plain text, optionally .gz)")
    tokenizer = spacy.blank("nb").tokenizer
    opener = gzip.open if source.suffix == ".gz" else open
    count = 0
    with opener(source, "rt", encoding="utf-8") as inp, target.open("w", encoding="utf-8") as out:
        for line in inp:
            words = [t.lower_ for t in tokenizer(line.strip()) if not t.is_space]
            if words:
                out.write(" ".join(words) + "\n")
                count += len(words)
    return count


def build_vectors(
    source: Path,
    work_dir: Path,
    *,
    dim: int = 100,
    bucket: int = 50000,
    minn: int = 4,
    maxn: int = 5,
    epoch: int = 5,
) -> Path:
    """Train floret vectors and convert them to a spaCy vectors folder; returns that folder."""
    import floret

    work_dir.mkdir(parents=True, exist_ok=True)
    corpus = work_dir / "corpus.txt"
    if not corpus.is_file():
        tokens = write_corpus(source, corpus)
        print(f"corpus: {tokens} tokens", flush=True)
    model = floret.train_unsupervised(
        str(corpus),
        model="cbow",
        mode="floret",
        hashCount=2,
        bucket=bucket,
        minn=minn,
        maxn=maxn,
        dim=dim,
        epoch=epoch,
        minCount=5,
        thread=1,
    )
    name = f"floret-{dim}d-{bucket // 1000}k"
    raw = work_dir / f"{name}.floret"
    model.save_floret_vectors(str(raw))
    out = work_dir / name
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "nb",
            str(raw),
            str(out),
            "--mode",
            "floret",
            "--attr",
            "LOWER",
        ],
        check=True,
    )
    return out


def uses_vectors(config: Path) -> bool:
    """Whether a config's embedding reads static vectors (then training needs a vectors table)."""
    from thinc.api import Config

    found: list[bool] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("include_static_vectors") is True:
                found.append(True)
            for value in node.values():
                walk(value)

    walk(Config().from_disk(config, interpolate=False))
    return bool(found)


def vectors_for(config: Path, vectors: Path | None, models_dir: Path, work_dir: Path) -> Path | None:
    """The vectors folder a training run with `config` uses: the one given, else (when the config
    reads static vectors) the shipped table, else none."""
    if vectors is not None or not uses_vectors(config):
        return vectors
    shipped = shipped_vectors(models_dir, work_dir)
    if shipped is None:
        raise DataError(
            f"{config.name} uses floret vectors: build them with `somevakt train vectors --data TEXT.gz`"
            " and pass --vectors"
        )
    return shipped


def shipped_vectors(models_dir: Path, work_dir: Path) -> Path | None:
    """The shipped float16 table as a spaCy vectors folder, so retraining one model keeps the other valid."""
    import numpy
    import spacy
    import srsly
    from spacy.vectors import Vectors

    table_path = models_dir / VECTORS_FILE
    settings = [models_dir / kind / "vocab" / "vectors.cfg" for kind in VERSIONS]
    settings = [p for p in settings if p.is_file() and srsly.read_json(p).get("mode") == "floret"]
    if not table_path.is_file() or not settings:
        return None
    out = work_dir / "vectors" / "shipped"
    if not (out / "vocab").is_dir():
        cfg = srsly.read_json(settings[0])
        nlp = spacy.blank("nb")
        nlp.vocab.vectors = Vectors(
            data=numpy.ascontiguousarray(numpy.load(table_path), dtype=numpy.float32),
            mode="floret",
            minn=cfg["minn"],
            maxn=cfg["maxn"],
            hash_count=cfg["hash_count"],
            hash_seed=cfg["hash_seed"],
            bow=cfg["bow"],
            eow=cfg["eow"],
            attr=cfg["attr"],
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(out)
    return out
