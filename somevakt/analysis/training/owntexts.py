"""The municipality's own texts as training data for the own-text classifier (`somevakt train owntexts`).

Two labels, judged on replies and posts only (`somevakt/analysis/owntext.py`): `irony` (an ironic,
sarcastic or condescending text towards the citizen) and `opinion` (the writer's or the
administration's own opinion on a political matter).

- The corpus: the own-text files of `corpus/comments` (`voices_own_texts*.jsonl`, see
  `corpus/README.md`), whose conventions are `sarcasm` for an ironic reply or post and `political`
  for the writer's own opinion on a political matter. `sarcasm` becomes `irony`, `political`
  becomes `opinion`; every other text in those files (information, apologies, friendly humour,
  neutral process information, private posts with or without abuse) is a negative for both.
- Own-text triage sets that are training data (`TRIAGE_TRAINING`: `own_texts.jsonl` and
  `own_texts_blind.jsonl`, looked at too often to measure anything): their replies and posts, with
  `style.irony` as `irony` and `style.own_opinion` as `opinion`. Private posts are left out (a
  politician's political post on a private profile is allowed there and carries no code). The sets
  we measure on (`own_texts_dev2`, `own_texts_probe10`, `own_texts_dev3`, the challenge files) are
  refused.

Everything is split by the corpus's hash of the folded text (`comments.split_of`): its dev share
chooses the thresholds, the rest (its train and test shares) is trained on.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from somevakt.analysis.training import comments
from somevakt.analysis.training.comments import Comment
from somevakt.analysis.training.errors import DataError

LABELS: tuple[str, ...] = ("irony", "opinion")
# The corpus's labels (comments.LABELS) that mean these in an own text (corpus/README.md).
CORPUS_LABELS: dict[str, str] = {"sarcasm": "irony", "political": "opinion"}
# The finding codes of a triage file that mean these.
CODE_LABELS: dict[str, str] = {"style.irony": "irony", "style.own_opinion": "opinion"}
CORPUS_GLOB = "voices_own_texts*.jsonl"
# Own-text triage sets that are training data; the others are dev sets for the reply check.
TRIAGE_TRAINING: tuple[str, ...] = ("own_texts.jsonl", "own_texts_blind.jsonl")
TRIAGE_KINDS = frozenset({"reply", "post"})


def corpus_files(folder: Path, pattern: str = CORPUS_GLOB) -> list[Path]:
    """The files of a corpus folder matching `pattern` (the own-text files by default), or the one
    file given."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise DataError(f"{folder}: not a folder with {pattern} files")
    files = sorted(folder.glob(pattern))
    if not files:
        raise DataError(f"{folder}: no {pattern} files")
    return files


def read_corpus(folder: Path) -> list[Comment]:
    """Every own text of the corpus files, with the labels mapped (others dropped: negatives)."""
    out: list[Comment] = []
    for path in corpus_files(folder):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = comments._parse(line, f"{path.name}:{number}")
                labels = frozenset(CORPUS_LABELS[x] for x in row.labels if x in CORPUS_LABELS)
                out.append(Comment(row.text, labels, row.lang, row.source))
    return out


def check_triage_file(path: Path, where: str | None = None) -> None:
    """A DataError unless `path` is an existing own-text triage set that is training data."""
    comments.check_training_file(
        path,
        TRIAGE_TRAINING,
        f"not an own-text set for training (only {', '.join(TRIAGE_TRAINING)} are training"
        " data; own_texts_dev2, own_texts_probe10, own_texts_dev3 and the challenge sets are measured on)",
        where,
    )


def read_triage(path: Path) -> list[Comment]:
    """The replies and posts of an own-text triage set, their codes as labels."""
    check_triage_file(path)
    out: list[Comment] = []
    for where, row in comments.rows(path):
        if row.get("kind") not in TRIAGE_KINDS:
            continue
        codes = comments.codes_of(row, where, [])
        labels = frozenset(CODE_LABELS[c] for c in codes if c in CODE_LABELS)
        out.append(Comment(row["text"], labels, comments.lang_of(row), where))
    return out


def read_training(folder: Path, triage: Iterable[Path] = ()) -> list[Comment]:
    """The corpus, then the triage sets' replies and posts (a text written twice keeps its first labels)."""
    out = read_corpus(folder)
    for path in triage:
        out += read_triage(path)
    return out


def split(items: Iterable[Comment]) -> dict[str, list[Comment]]:
    """train (the corpus hash's train and test shares) and dev (its dev share); duplicates once."""
    parts = comments.split(items)
    return {"train": parts["train"] + parts["test"], "dev": parts["dev"]}


def cats(labels: Iterable[str]) -> dict[str, float]:
    present = set(labels)
    return {label: float(label in present) for label in LABELS}
