"""`somevakt eval triage`: how often the engine's action is one a careful adviser would accept.

A labelled file has one JSON object a line:
`{"id", "text", "kind"?, "accept": {"<slug>": [actions]}, "codes"?: [finding codes]}`.
Every item is decided under every municipality its `accept` names. The figures:

- `actions[slug]`: the share of items whose action is among the accepted ones;
- `codes[code]`: precision and recall of each finding code against `codes` (items without
  `codes` are left out of these), and `finding_recall`, the share of all expected codes found.

Malformed lines are counted and described, never fatal; anyone can measure a set of their own.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from somevakt.analysis.base import KINDS
from somevakt.policy.decision import Decision
from somevakt.policy.engine import InputError, evaluate_many
from somevakt.policy.packs import list_packs, load_pack


@dataclass(frozen=True)
class LabelledItem:
    id: str
    text: str
    kind: str
    accept: dict[str, frozenset[str]]
    codes: frozenset[str] | None = None
    pattern: str = ""


@dataclass
class TriageFile:
    items: list[LabelledItem] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def read_triage_file(path: Path) -> TriageFile:
    """Every well-formed item; each malformed line as `{"line", "id", "error"}`."""
    out = TriageFile()
    slugs = set(list_packs())
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            out.errors.append({"line": number, "id": None, "error": f"not JSON ({exc})"})
            continue
        try:
            out.items.append(_item(row, slugs))
        except ValueError as exc:
            row_id = row.get("id") if isinstance(row, dict) else None
            out.errors.append({"line": number, "id": row_id, "error": str(exc)})
    return out


def _item(row: Any, slugs: set[str]) -> LabelledItem:
    if not isinstance(row, dict):
        raise ValueError("expected a JSON object")
    text, kind, accept = row.get("text"), row.get("kind", "comment"), row.get("accept")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('"text" must be a non-empty string')
    if kind not in KINDS:
        raise ValueError(f'"kind" must be one of {", ".join(KINDS)}')
    if not isinstance(accept, dict) or not accept:
        raise ValueError('"accept" must map municipality slugs to lists of actions')
    unknown = sorted(set(accept) - slugs)
    if unknown:
        raise ValueError(f"unknown municipality {unknown[0]!r}; use {', '.join(sorted(slugs))}")
    if not all(isinstance(a, list) and a and all(isinstance(x, str) for x in a) for a in accept.values()):
        raise ValueError('each "accept" entry must be a non-empty list of actions')
    codes = row.get("codes")
    if codes is not None and not (isinstance(codes, list) and all(isinstance(c, str) for c in codes)):
        raise ValueError('"codes" must be a list of finding codes')
    return LabelledItem(
        id=str(row.get("id", "")),
        text=text,
        kind=kind,
        accept={slug: frozenset(actions) for slug, actions in accept.items()},
        codes=frozenset(codes) if codes is not None else None,
        pattern=str(row.get("pattern", "")),
    )


@dataclass(frozen=True)
class Miss:
    """One item decided against the guideline (for `--errors`)."""

    id: str
    policy: str
    text: str
    action: str
    accept: list[str]
    codes: list[str]
    expected_codes: list[str] | None
    pattern: str

    def to_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def decide(items: Sequence[LabelledItem]) -> dict[tuple[str, int], Decision]:
    """Each item decided under each municipality's guideline it names, keyed by (slug, index); one
    batch per guideline and kind."""
    decisions: dict[tuple[str, int], Decision] = {}
    for slug in sorted({s for item in items for s in item.accept}):
        pack = load_pack(slug)
        for kind in KINDS:
            chosen = [(i, it) for i, it in enumerate(items) if it.kind == kind and slug in it.accept]
            if not chosen:
                continue
            try:
                found = evaluate_many([it.text for _, it in chosen], kind, pack)
            except InputError:
                continue  # read_triage_file lets no such text through
            for (i, _), decision in zip(chosen, found, strict=True):
                decisions[(slug, i)] = decision
    return decisions


def score(items: list[LabelledItem]) -> tuple[dict[str, Any], list[Miss]]:
    """The figures of the module docstring, and every miss."""
    started = time.perf_counter()
    decisions = decide(items)
    elapsed = time.perf_counter() - started

    actions: dict[str, dict[str, float]] = {}
    misses: list[Miss] = []
    for slug in sorted({s for s, _ in decisions}):
        right = total = 0
        for i, item in enumerate(items):
            made = decisions.get((slug, i))
            if made is None:
                continue
            total += 1
            if made.action in item.accept[slug]:
                right += 1
            else:
                misses.append(_miss(item, slug, made))
        actions[slug] = {"accuracy": round(right / total, 3) if total else 0.0, "n": total}
    result: dict[str, Any] = {
        "items": len(items),
        "actions": actions,
        **_code_figures(items, decisions),
        "items_per_s": round(len(decisions) / elapsed, 1) if elapsed > 0 else 0.0,
    }
    return result, misses


def _miss(item: LabelledItem, slug: str, decision: Decision) -> Miss:
    return Miss(
        id=item.id,
        policy=slug,
        text=item.text,
        action=decision.action,
        accept=sorted(item.accept[slug]),
        codes=sorted({f.code for f in decision.findings}),
        expected_codes=sorted(item.codes) if item.codes is not None else None,
        pattern=item.pattern,
    )


def _code_figures(items: list[LabelledItem], decisions: dict[tuple[str, int], Decision]) -> dict[str, Any]:
    """Per code P/R/F1 over the items that list their codes, each item counted once: what was
    found is what any of its municipalities' decisions found (a pack only drops findings it has
    no use for, such as a missing signature where none is asked for)."""
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    for i, item in enumerate(items):
        if item.codes is None:
            continue
        made = [decisions[(s, i)] for s in sorted(item.accept) if (s, i) in decisions]
        if not made:
            continue
        found = {f.code for decision in made for f in decision.findings}
        for code in found | item.codes:
            if code in found and code in item.codes:
                tp[code] += 1
            elif code in found:
                fp[code] += 1
            else:
                fn[code] += 1
    codes: dict[str, dict[str, float]] = {}
    for code in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[code] / (tp[code] + fp[code]) if tp[code] + fp[code] else 0.0
        r = tp[code] / (tp[code] + fn[code]) if tp[code] + fn[code] else 0.0
        codes[code] = {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "n": tp[code] + fn[code],
        }
    expected = sum(tp.values()) + sum(fn.values())
    return {
        "finding_recall": round(sum(tp.values()) / expected, 3) if expected else 0.0,
        "codes": codes,
    }


def by_pattern(items: Iterable[LabelledItem], misses: Iterable[Miss]) -> dict[str, dict[str, float]]:
    """Action accuracy per `pattern`, over every municipality (where items carry one)."""
    totals: dict[str, int] = defaultdict(int)
    for item in items:
        if item.pattern:
            totals[item.pattern] += len(item.accept)
    wrong: dict[str, int] = defaultdict(int)
    for miss in misses:
        if miss.pattern:
            wrong[miss.pattern] += 1
    return {p: {"accuracy": round(1 - wrong[p] / n, 3), "n": n} for p, n in sorted(totals.items()) if n}
