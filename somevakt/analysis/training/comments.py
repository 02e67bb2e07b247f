"""Our own corpus of comments to a municipality (`corpus/comments/*.jsonl`) for the comment classifier.

The corpus is written by the project (see `corpus/README.md`): one JSON object a line with
`text`, `labels` (a subset of LABELS) and `lang`. It is split once and for all by a hash of the
normalised text, so a comment and its near-copies (case, spacing) always fall in the same split
and adding comments never moves old ones between splits: 80 % train, 10 % dev (thresholds,
model choice), 10 % test (reported once per shipped model, never tuned on).

Challenge files that have been looked at too often to measure anything (`challenge_a` to `challenge_c`,
`challenge_e` to `challenge_m` and `challenge_q` to `challenge_t`, see `CHALLENGE_TRAINING`) are read
as training data too
(`read_challenge`): each citizen's comment with its finding codes mapped to labels, split by the same
hash.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from somevakt.analysis.classifier import CODE_LABELS
from somevakt.analysis.training.errors import DataError

# The classifier's labels, in the order of corpus/README.md.
LABELS: tuple[str, ...] = (
    "threat",
    "hate",
    "insult",
    "obscene",
    "case_request",
    "political",
    "crisis",
    "question",
    "praise",
    "complaint",
    "sarcasm",
)
# Labels that judge abuse: NoReC review sentences (strong words about films and food, never about a
# municipality's people) are added as negatives for these only; the rest stay unknown for them.
ABUSE_LABELS: tuple[str, ...] = ("threat", "hate", "insult", "obscene")
SPLITS: tuple[str, ...] = ("train", "dev", "test")
LANGS: tuple[str, ...] = ("nb", "nn", "dialect")


@dataclass(frozen=True)
class Comment:
    text: str
    labels: frozenset[str]
    lang: str = "nb"
    source: str = ""  # "file:line", for messages
    # Labels nobody decided for this text (no loss in training, left out of threshold choice).
    unknown: frozenset[str] = frozenset()

    @property
    def known(self) -> tuple[str, ...]:
        return tuple(label for label in LABELS if label not in self.unknown)


def read_corpus(folder: Path) -> list[Comment]:
    """Every comment of every `*.jsonl` in `folder`; a bad line is a DataError naming file and line."""
    if not folder.is_dir():
        raise DataError(f"{folder}: not a folder of *.jsonl comment files")
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise DataError(f"{folder}: no *.jsonl files")
    out: list[Comment] = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append(_parse(line, f"{path.name}:{number}"))
    return out


def _text_object(line: str, where: str) -> dict[str, Any]:
    """A line of a corpus or challenge file: a JSON object with a non-empty `text`."""
    try:
        row = json.loads(line)
    except ValueError as exc:
        raise DataError(f"{where}: not JSON ({exc})") from None
    if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
        raise DataError(f'{where}: expected an object with a non-empty "text"')
    return row


def _parse(line: str, where: str) -> Comment:
    row = _text_object(line, where)
    labels = row.get("labels", [])
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise DataError(f'{where}: "labels" must be a list of strings')
    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        raise DataError(f"{where}: unknown label {unknown[0]!r}; use {', '.join(LABELS)}")
    lang = row.get("lang", "nb")
    if lang not in LANGS:
        raise DataError(f"{where}: unknown lang {lang!r}; use {', '.join(LANGS)}")
    return Comment(row["text"], frozenset(labels), lang, where)


def read_calibration(path: Path) -> list[Comment]:
    """A calibration file (`corpus/calibration/*.jsonl`, the corpus's format): texts a careful
    reader knows carry no abuse, read only to choose the thresholds and never trained on. A line
    labelled with an abuse label is a DataError: the file is known clean or it calibrates nothing."""
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            comment = _parse(line, f"{path.name}:{number}")
            abuse = comment.labels & set(ABUSE_LABELS)
            if abuse:
                found = sorted(abuse)[0]
                raise DataError(f"{path.name}:{number}: a calibration text carries no abuse, not {found!r}")
            out.append(comment)
    if not out:
        raise DataError(f"{path}: no texts")
    return out


# --- challenge files as training data ---------------------------------------------------------------

# The challenge files that are training data now. They were written blind by other writers, so they
# are the closest thing to what is measured, and they were scored and read too often to be an estimate
# of anything: challenge_a and challenge_b (since 0.3.0), challenge_c (the old dev set for choices,
# overfitted by the rules over many sessions) and challenge_e (both since 0.7.0), and challenge_f to
# challenge_j (since 0.8.0: each measured once per shipped state until session 13, then retired when
# challenge_k and challenge_l were written blind), challenge_k and challenge_l (since 0.9.0: each
# measured at the start and the end of session 14, retired when challenge_n was written blind) and
# challenge_m (measured with 0.8.0 and at the end of session 15, retired when challenge_o was written
# blind), and challenge_q to challenge_t (since session 18: each scored three times, retired when
# challenge_u and challenge_v were written blind). The others are never read for training, and
# `read_challenge` refuses them: challenge_d, (since session 17, each measured two or three times)
# challenge_n to challenge_p, (since session 19: scored three times, retired when challenge_w and
# challenge_x were written blind) challenge_u and challenge_v and (since session 20: scored three
# times, retired when challenge_y and challenge_z were written blind) challenge_w and challenge_x are
# the dev sets for choices between runs, thresholds and rules (CHALLENGE_DEV); the later ones are
# held-out tests.
CHALLENGE_TRAINING: tuple[str, ...] = (
    "challenge_a.jsonl",
    "challenge_b.jsonl",
    "challenge_c.jsonl",
    "challenge_e.jsonl",
    "challenge_f.jsonl",
    "challenge_g.jsonl",
    "challenge_h.jsonl",
    "challenge_i.jsonl",
    "challenge_j.jsonl",
    "challenge_k.jsonl",
    "challenge_l.jsonl",
    "challenge_m.jsonl",
    "challenge_q.jsonl",
    "challenge_r.jsonl",
    "challenge_s.jsonl",
    "challenge_t.jsonl",
)
# The dev sets: never trained on; the thresholds are chosen on them (`somevakt train thresholds`) and
# runs are chosen between on them. The challenge files in neither tuple are held out.
CHALLENGE_DEV: tuple[str, ...] = (
    "challenge_d.jsonl",
    "challenge_n.jsonl",
    "challenge_o.jsonl",
    "challenge_p.jsonl",
    "challenge_u.jsonl",
    "challenge_v.jsonl",
    "challenge_w.jsonl",
    "challenge_x.jsonl",
)
# challenge_a's writer coded nearly every threat, hate and personal attack `tone.negative` as well (64 of
# 74; challenge_b's three insults and challenge_c's and challenge_e's abuse items are not coded so); the
# corpus calls such a comment a complaint only when it also complains of something (68 of 485
# threats, 7 of 278 hate). Where the two conventions disagree, complaint is left unknown for the
# challenge item (no loss) rather than taught both ways.
_ABUSE_UNKNOWN = frozenset({"complaint"})


def check_training_file(path: Path, allowed: Iterable[str], refusal: str, where: str | None = None) -> None:
    """A DataError unless `path` is an existing file named in `allowed`: the measured sets are
    refused by name before anything is read (`refusal` says why; `where` names the file in the
    message, e.g. with the option that gave it)."""
    where = where or str(path)
    if path.name not in allowed:
        raise DataError(f"{where}: {refusal}")
    if not path.is_file():
        raise DataError(f"{where}: no such file")


def rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each non-empty line of a .jsonl file as (`name:line` for messages, its JSON object); a line
    that is not an object with a text is a DataError naming it."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            where = f"{path.name}:{number}"
            yield where, _text_object(line, where)


def lang_of(row: dict[str, Any]) -> str:
    """The row's `lang` where it is one of LANGS, else bokmål."""
    lang = row.get("lang", "nb")
    return lang if lang in LANGS else "nb"


def codes_of(row: dict[str, Any], where: str, default: Any = None) -> Any:
    """The item's `codes` (a list of strings, or `default` where it has none)."""
    codes = row.get("codes", default)
    if codes is not None and not (isinstance(codes, list) and all(isinstance(x, str) for x in codes)):
        raise DataError(f'{where}: "codes" must be a list of strings')
    return codes


def check_challenge_file(path: Path, where: str | None = None) -> None:
    """A DataError unless `path` is an existing challenge file that is training data."""
    check_training_file(
        path,
        CHALLENGE_TRAINING,
        f"not a challenge file for training (only {', '.join(CHALLENGE_TRAINING)} are"
        " training data; challenge_d, challenge_n to challenge_p and challenge_u to challenge_x are the dev"
        " sets for choices, the others"
        " are held out)",
        where,
    )


def read_challenge(path: Path) -> list[Comment]:
    """The citizens' comments of a challenge file (`corpus/challenge/*.jsonl`: `text`, `kind`,
    `codes`, ...) with their codes as labels; replies, posts and items without `codes` are left
    out. `complaint` is `tone.negative`; on an abusive item it is unknown (see _ABUSE_UNKNOWN).
    A file not named in CHALLENGE_TRAINING is refused before it is read."""
    check_challenge_file(path)
    out: list[Comment] = []
    for where, row in rows(path):
        if row.get("kind", "comment") != "comment":
            continue
        codes = codes_of(row, where)
        if codes is None:
            continue
        labels = frozenset(CODE_LABELS[c] for c in codes if c in CODE_LABELS)
        unknown = _ABUSE_UNKNOWN if labels & set(ABUSE_LABELS) else frozenset()
        out.append(Comment(row["text"], labels - unknown, lang_of(row), where, unknown))
    return out


def read_training(folder: Path, challenge: Iterable[Path] = ()) -> list[Comment]:
    """The corpus, then the comments of the given challenge files (a text already in the corpus
    keeps the corpus's labels: `split` keeps the first of a text written twice)."""
    out = read_corpus(folder)
    for path in challenge:
        out += read_challenge(path)
    return out


_FOLD = re.compile(r"[\W_]+")


def split_of(text: str) -> str:
    """train, dev or test, fixed by the text (case, spacing and punctuation ignored)."""
    key = _FOLD.sub(" ", text.lower()).strip()
    bucket = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "test" if bucket == 0 else "dev" if bucket == 1 else "train"


def split(comments: Iterable[Comment]) -> dict[str, list[Comment]]:
    """The three splits; a text written twice (folded) is kept once."""
    out: dict[str, list[Comment]] = {name: [] for name in SPLITS}
    seen: set[str] = set()
    for comment in comments:
        key = _FOLD.sub(" ", comment.text.lower()).strip()
        if key in seen:
            continue
        seen.add(key)
        out[split_of(comment.text)].append(comment)
    return out


def cats(labels: Iterable[str], known: Sequence[str] = LABELS) -> dict[str, float]:
    """spaCy's `doc.cats` for these labels; a label outside `known` is left out (unknown, no loss)."""
    present = set(labels)
    return {label: float(label in present) for label in known}


# --- augmentation: the ways people write that the corpus authors did not always use ---------------

_PUNCT_END = re.compile(r"[.!?…]+$")
_EMOJI = ("😡", "🙄", "👏", "😂", "❤️", "👍", "😢", "🤬", "😊", "🙏")
# Written dialect and common slips: bokmål forms people replace in writing.
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("ikke", "ikkje"),
    ("jeg", "eg"),
    ("jeg", "æ"),
    ("hva", "ka"),
    ("hvordan", "koss"),
    ("hvorfor", "kvifor"),
    ("noe", "noko"),
    ("meg", "mæ"),
    ("deg", "dæ"),
    ("det", "d"),
    ("også", "ogs"),
    ("kommunen", "kommuna"),
)


def typo(text: str, rng: random.Random) -> str:
    """One slip in a random longer word: two letters swapped, one dropped or one doubled."""
    words = [m for m in re.finditer(r"[^\W\d_]{4,}", text)]
    if not words:
        return text
    m = rng.choice(words)
    word = m.group()
    i = rng.randrange(1, len(word) - 1)
    how = rng.randrange(3)
    if how == 0:
        new = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    elif how == 1:
        new = word[:i] + word[i + 1 :]
    else:
        new = word[:i] + word[i] + word[i:]
    return text[: m.start()] + new + text[m.end() :]


def respell(text: str, rng: random.Random) -> str:
    """Some words in a dialect or colloquial spelling."""
    for standard, other in _SPELLINGS:
        if rng.random() < 0.5:
            text = re.sub(rf"(?<![^\W\d_]){standard}(?![^\W\d_])", other, text)
    return text


def casual(text: str, rng: random.Random) -> str:
    """Lower case, the last punctuation dropped, maybe an emoji: the way comments are typed on a phone."""
    out = _PUNCT_END.sub("", text.lower()) if rng.random() < 0.7 else text.lower()
    if rng.random() < 0.2:
        out += " " + rng.choice(_EMOJI)
    return out


def augmented(comments: Sequence[Comment], rng: random.Random, copies: float = 1.0) -> list[Comment]:
    """About `copies` changed copies per comment (casual, respelled, with a typo), labels unchanged.

    An emoji added by `casual` could change the tone; tone labels are kept because a single
    emoji at the end of a comment rarely turns it round, and the corpus has many comments
    where it does (sarcasm) for the model to learn that from.
    """
    out: list[Comment] = []
    for comment in comments:
        n = int(copies) + (1 if rng.random() < copies - int(copies) else 0)
        for _ in range(n):
            text = comment.text
            if rng.random() < 0.6:
                text = casual(text, rng)
            if rng.random() < 0.3:
                text = respell(text, rng)
            if rng.random() < 0.5:
                text = typo(text, rng)
            if text != comment.text:
                out.append(Comment(text, comment.labels, comment.lang, comment.source, comment.unknown))
    return out


# --- thresholds and figures ------------------------------------------------------------------------


def best_thresholds(
    scores: Sequence[float],
    truth: Sequence[bool],
    rule: Sequence[bool],
    recall_weight: float = 1.0,
    limits: Sequence[tuple[Sequence[bool], float]] = (),
) -> tuple[float, float]:
    """The pair (alone, with_rule) with the highest F-beta for the decision
    `score >= alone or (rule and score >= with_rule)`: what the classifier must say by itself, and
    what it must at least say for a rule's match to stand. Candidates lie halfway between
    neighbouring scores (at most 60, spread over the quantiles), so a threshold keeps its distance
    from both sides; of equally good pairs the lowest (the one that misses least) is taken. Pairs
    that flag more than its share of any group in `limits` (pairs of a mask and a share: texts known
    to carry no label, such as review sentences for abuse) are not considered."""
    import numpy

    distinct = sorted(set(scores))
    if not distinct:
        return 0.5, 0.5
    bounds = [0.0, *distinct, 1.0]
    mids = [(a + b) / 2 for a, b in itertools.pairwise(bounds)]
    step = max(1, len(mids) // 60)
    # ...and just below every positive's score, where recall changes: a grid over the quantiles of
    # all scores (mostly near 0, where the many clean reviews lie) left gaps among the positives,
    # and the best threshold fell in one (hate 0.138 where 0.12 caught 12 % more, docs/models.md).
    positive = {sc for sc, t in zip(scores, truth, strict=True) if t}
    below_positive = {round((a + b) / 2, 4) for a, b in itertools.pairwise(bounds) if b in positive}
    candidates = sorted({round(m, 4) for m in mids[::step]} | {round(mids[-1], 4)} | below_positive)
    s = numpy.asarray(scores)
    y = numpy.asarray(truth, dtype=bool)
    r = numpy.asarray(rule, dtype=bool)
    caps = [
        (mask, share * int(mask.sum()))
        for mask, share in ((numpy.asarray(m, dtype=bool), share) for m, share in limits)
    ]
    positives = int(y.sum())
    b2 = recall_weight**2
    best, best_f = (0.5, 0.5), -1.0
    for alone in candidates:
        base = s >= alone
        for with_rule in (c for c in candidates if c <= alone):
            pred = base | (r & (s >= with_rule))
            if any(int((pred & cap).sum()) > allowed for cap, allowed in caps):
                continue
            f = _f_beta(int((pred & y).sum()), int((pred & ~y).sum()), positives, b2)
            if f > best_f + 1e-9:
                best, best_f = (alone, with_rule), f
    clamp = lambda t: max(0.01, min(0.95, t))  # noqa: E731
    return clamp(best[0]), clamp(best[1])


def _f_beta(tp: int, fp: int, positives: int, b2: float) -> float:
    if positives == 0:
        return 1.0 if fp == 0 else 0.0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / positives
    return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def calibration_half(text: str) -> bool:
    """Whether a review sentence is kept for calibrating thresholds rather than for training: a
    fixed half by hash, so the two never share a sentence."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 2 == 1


def label_figures(
    predicted: Sequence[frozenset[str]], gold: Sequence[frozenset[str]], labels: Sequence[str] = LABELS
) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label, and their macro average under "macro"."""
    out: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for p, g in zip(predicted, gold, strict=True) if label in p and label in g)
        fp = sum(1 for p, g in zip(predicted, gold, strict=True) if label in p and label not in g)
        fn = sum(1 for p, g in zip(predicted, gold, strict=True) if label not in p and label in g)
        p_ = tp / (tp + fp) if tp + fp else 0.0
        r_ = tp / (tp + fn) if tp + fn else 0.0
        f_ = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
        out[label] = {"p": round(p_, 3), "r": round(r_, 3), "f1": round(f_, 3), "n": tp + fn}
    present = [out[label] for label in labels if out[label]["n"]]
    out["macro"] = {
        key: round(sum(v[key] for v in present) / len(present), 3) if present else 0.0
        for key in ("p", "r", "f1")
    }
    return out
