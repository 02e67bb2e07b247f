"""The comment classifier's thresholds chosen by the decisions they lead to, on labelled triage sets.

Training chooses each label's thresholds on the corpus's own dev split, one label at a time, by
F-score (`analysis.training.build.comment_thresholds`). What a municipality sees is the action,
made by the classifier and the rules together under four guidelines, and the corpus's dev split is
our own writing: a run chose a crisis threshold of 0.09 on it and raised crisis alarms on everyday
complaints in every probe set (docs/models.md, *Session 17*). So the shipped thresholds are then
moved, one label at a time, to where the most decisions on the dev triage sets (blind-written sets
and the own-text probes) are right (`somevakt train thresholds`).

The search is coordinate ascent over a few steps per label (the threshold alone, beside a rule, or
both, scaled by STEPS), kept only where it wins at least MIN_GAIN decisions and no set loses more
than MAX_SET_LOSS. Only the items whose score lies between the old and the new threshold can change,
so only they are decided again. Two guards keep it from trading what the issue asks for most:
threats and hate are never made harder to find (their thresholds are never raised), and an abuse
label lowered may flag no more of the known-clean texts than training allows it
(MAX_CALIBRATION_FLAGS, MAX_REVIEW_FLAGS).

What it cannot guard against is the dev sets' own conventions: in session 18 a choice made so gained
132 decisions on the dev sets and lost 31 on the held-out ones, and was not shipped (docs/models.md,
*Session 18*). A choice is a candidate until text it never saw agrees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from somevakt.analysis import classifier
from somevakt.analysis.base import Document
from somevakt.policy.evaluation import LabelledItem, decide

STEPS = (0.5, 0.7, 0.85, 1.2, 1.4, 2.0)
ROUNDS = 2
# One item wrong under four guidelines is four decisions: a step must win at least most of an item,
# and no set may pay for another's gain with more than one item.
MIN_GAIN = 3
MAX_SET_LOSS = 4
NEVER_RAISED = frozenset({"threat", "hate"})
ABUSE = ("threat", "hate", "insult", "obscene")
CEILING = 0.95

Thresholds = dict[str, float]


@dataclass(frozen=True)
class Step:
    label: str
    which: str  # "alone", "rule" or "both"
    factor: float
    gain: int
    by_set: dict[str, int]


@dataclass
class Choice:
    thresholds: Thresholds
    rule_thresholds: Thresholds
    right_before: dict[str, int]
    right_after: dict[str, int]
    decisions: int
    steps: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class Clean:
    """Texts known to carry no abuse, and the share of them each abuse label may flag."""

    texts: Sequence[str]
    shares: dict[str, float]


def choose_thresholds(
    sets: dict[str, list[LabelledItem]],
    clean: Sequence[Clean] = (),
    steps: Sequence[float] = STEPS,
    rounds: int = ROUNDS,
) -> Choice:
    """The shipped model's thresholds moved to where most decisions on `sets` are right (see the
    module's docstring); `clean` limits how far an abuse label may be lowered."""
    items = [(name, item) for name, batch in sets.items() for item in batch]
    alone, with_rule = classifier.shipped_thresholds()
    scores = _scores([item.text for _, item in items])
    limits = [(_scores(group.texts), group.shares) for group in clean]
    right = _decide(items, range(len(items)), alone, with_rule)
    before = _by_set(items, right)
    choice = Choice(dict(alone), dict(with_rule), before, before, sum(len(i.accept) for _, i in items))
    for _ in range(rounds):
        for label in classifier.LABEL_CODES:
            best: tuple[int, Step, Thresholds, Thresholds, dict[int, int]] | None = None
            for factor in steps:
                for which in ("alone", "rule", "both"):
                    tried = _scaled(choice, label, which, factor)
                    if tried is None or not _within_limits(label, tried[0], limits):
                        continue
                    moved = _moved(scores, label, (choice.thresholds, choice.rule_thresholds), tried)
                    again = _decide(items, moved, *tried)
                    gain = sum(again[i] - right[i] for i in moved)
                    by_set = _by_set(items, {i: again[i] - right[i] for i in moved})
                    if best is None or gain > best[0]:
                        best = (gain, Step(label, which, factor, gain, by_set), *tried, again)
            if best is None:
                continue
            gain, step, new_alone, new_rule, again = best
            if gain >= MIN_GAIN and min(step.by_set.values(), default=0) >= -MAX_SET_LOSS:
                choice.thresholds, choice.rule_thresholds = new_alone, new_rule
                right.update(again)
                choice.steps.append(step)
    choice.right_after = _by_set(items, right)
    return choice


def _scaled(choice: Choice, label: str, which: str, factor: float) -> tuple[Thresholds, Thresholds] | None:
    alone, with_rule = dict(choice.thresholds), dict(choice.rule_thresholds)
    if which in ("alone", "both"):
        alone[label] = min(CEILING, alone[label] * factor)
    if which in ("rule", "both"):
        with_rule[label] = min(CEILING, with_rule[label] * factor)
    if (alone, with_rule) == (choice.thresholds, choice.rule_thresholds):
        return None
    if label in NEVER_RAISED and (
        alone[label] > choice.thresholds[label] or with_rule[label] > choice.rule_thresholds[label]
    ):
        return None
    return alone, with_rule


Limits = list[tuple[list[dict[str, float]], dict[str, float]]]


def _within_limits(label: str, alone: Thresholds, limits: Limits) -> bool:
    if label not in ABUSE:
        return True
    for scored, shares in limits:
        flagged = sum(1 for s in scored if s.get(label, 0.0) >= alone[label])
        if scored and flagged > shares.get(label, 1.0) * len(scored):
            return False
    return True


def _scores(texts: Sequence[str]) -> list[dict[str, float]]:
    docs = [Document(text, "comment") for text in texts]
    classifier.judge_many(docs)
    return [dict(j.scores) if (j := classifier.judgement(doc)) is not None else {} for doc in docs]


def _moved(
    scores: list[dict[str, float]],
    label: str,
    old: tuple[Thresholds, Thresholds],
    new: tuple[Thresholds, Thresholds],
) -> list[int]:
    """The items whose decision the new thresholds may change: their score for `label` (the one label
    a step moves) lies between an old and a new threshold."""
    bounds = [sorted((a[label], b[label])) for a, b in zip(old, new, strict=True)]
    return [
        i
        for i, scored in enumerate(scores)
        if label in scored and any(lo <= scored[label] < hi for lo, hi in bounds)
    ]


def _decide(
    items: list[tuple[str, LabelledItem]], indices: Sequence[int], alone: Thresholds, with_rule: Thresholds
) -> dict[int, int]:
    """For each item, how many of its guidelines' decisions are right with these thresholds. Texts
    of every kind are decided: the analysers ask the classifier about replies and posts too."""
    chosen = list(indices)
    with classifier.thresholds_tried(alone, with_rule):
        decided = decide([items[i][1] for i in chosen])
    right = dict.fromkeys(chosen, 0)
    for (slug, k), decision in decided.items():
        right[chosen[k]] += decision.action in items[chosen[k]][1].accept[slug]
    return right


def _by_set(items: list[tuple[str, LabelledItem]], right: dict[int, int]) -> dict[str, int]:
    totals: Counter[str] = Counter()
    for index, value in right.items():
        totals[items[index][0]] += value
    return dict(totals)
