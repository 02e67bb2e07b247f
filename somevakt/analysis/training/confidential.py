"""Texts written at work as training data for the confidential-matter classifier
(`somevakt train confidential`).

One label, `confidential`: the text tells others something about a particular person (named or
pointed at: "a boy in my class", "the man with cancer on the short-term ward") that the writer
knows from their work, in a reply, a post or an employee's private post. The finding code it stands
for is `confidential.case_details` (DESIGN.md §4).

- The corpus: `corpus/confidential/*.jsonl`, one `{"text", "kind", "lang", "codes"}` a line,
  written for the purpose with hard negatives (the writer's own or family's health, aggregated
  figures, a referral to a formal channel, public decisions); see `corpus/README.md`.
- Own-text triage sets that are training data (`owntexts.TRIAGE_TRAINING`): their replies, posts
  and private posts.
- The challenge files that are training data (`comments.CHALLENGE_TRAINING`): their replies, posts
  and private posts. Their writers coded every item for every finding, so an item without the
  code is a negative.

The sets it is measured on (challenge_d and the held-out challenge files, `own_texts_dev2`,
`own_texts_dev3`, `confidential_probe`) are refused. Everything is split by the corpus's hash of the
folded text (`comments.split_of`): its dev share chooses the checkpoint and the threshold in the
model's meta; the rest is trained on.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from somevakt.analysis.training import comments, owntexts
from somevakt.analysis.training.comments import Comment

LABELS: tuple[str, ...] = ("confidential",)
CODE = "confidential.case_details"
KINDS = frozenset({"reply", "post", "private"})
CORPUS_GLOB = "*.jsonl"


def read_coded(path: Path) -> list[Comment]:
    """The replies, posts and private posts of a file of coded texts, `confidential` where the
    item's `codes` name a confidential matter. Items of other kinds, or without `codes`, are left
    out; a malformed line is a DataError naming it."""
    out: list[Comment] = []
    for where, row in comments.rows(path):
        if row.get("kind", "comment") not in KINDS:
            continue
        codes = comments.codes_of(row, where)
        if codes is None:
            continue
        labels = frozenset(LABELS) if CODE in codes else frozenset()
        out.append(Comment(row["text"], labels, comments.lang_of(row), where))
    return out


def read_training(folder: Path, triage: Iterable[Path] = (), challenge: Iterable[Path] = ()) -> list[Comment]:
    """The corpus, then the triage sets' and the challenge files' texts written at work (a text
    written twice keeps its first labels). Files that are measured on are refused by name."""
    triage, challenge = list(triage), list(challenge)
    for path in triage:
        owntexts.check_triage_file(path)
    for path in challenge:
        comments.check_challenge_file(path)
    out: list[Comment] = []
    for path in [*owntexts.corpus_files(folder, CORPUS_GLOB), *triage, *challenge]:
        out += read_coded(path)
    return out


def split(items: Iterable[Comment]) -> dict[str, list[Comment]]:
    """train (the corpus hash's train and test shares) and dev (its dev share); duplicates once."""
    return owntexts.split(items)


def cats(labels: Iterable[str]) -> dict[str, float]:
    present = set(labels)
    return {label: float(label in present) for label in LABELS}
