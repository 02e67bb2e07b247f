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
