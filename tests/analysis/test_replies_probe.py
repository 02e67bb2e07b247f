"""The replies probe (issue 12): 102 replies and private posts written before the rules were widened.

`data/replies_probe.jsonl` holds realistic outgoing replies (kind `reply`) and employees' private
posts (kind `private`), bokmål and nynorsk, positives and hard negatives for each code the
municipality's own texts are judged by. The first run, before any change, is recorded in
docs/analysis.md; the floors below are what the rules reach now, so a change that loses a case
fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from somevakt.analysis.base import AnalysisContext
from somevakt.analysis.registry import analyse

PROBE = Path(__file__).parent / "data" / "replies_probe.jsonl"
ANALYSERS = ("confidential", "reply_stance", "signature", "private_profile")
# precision and recall each code must keep on the probe
FLOORS = {
    "confidential.case_details": (1.0, 0.95),
    "style.own_opinion": (1.0, 0.95),
    "style.irony": (1.0, 0.9),
    "style.signature_missing": (1.0, 1.0),
    "private.speaks_for_employer": (1.0, 1.0),
    "private.disclaimer_missing": (1.0, 1.0),
}
CTX = AnalysisContext(municipality_name="Gausdal kommune")


def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_probe_has_positives_and_hard_negatives_for_every_code_in_both_kinds() -> None:
    data = rows()
    assert len(data) >= 80
    assert {r["kind"] for r in data} == {"reply", "private"}
    for code in FLOORS:
        assert sum(1 for r in data if code in r["codes"]) >= 5, code
    assert sum(1 for r in data if not r["codes"]) >= 30


# Codes the shipped models keep below their floor for now (strict: a fix must remove the entry).
# (classifier 0.5.0 heard sarcasm, 0.79, in the winking reply 'Ja, det stemmer at vegen skal
# asfalterast i sommar 😉 Vi gler oss òg!', over reply_stance.IRONY_FLOOR 0.73; 0.6.0 gives it 0.28,
# under the floor of 0.38; 0.8.0 gives it 0.38, over the floor of 0.25 chosen for 0.8.0 on the own-text
# dev sets; 0.9.0 gives it less, and the probe's irony is at its floors again)
BELOW_FLOOR: dict[str, str] = {}


@pytest.mark.parametrize(
    "code",
    [
        pytest.param(code, marks=pytest.mark.xfail(strict=True, reason=BELOW_FLOOR[code]))
        if code in BELOW_FLOOR
        else code
        for code in sorted(FLOORS)
    ],
)
def test_each_code_keeps_its_precision_and_recall_on_the_probe(code: str) -> None:
    tp = fp = fn = 0
    wrong = []
    for r in rows():
        found = {f.code for f in analyse(r["text"], r["kind"], CTX, only=ANALYSERS).findings}
        expected = code in r["codes"]
        if code in found and expected:
            tp += 1
        elif code in found:
            fp += 1
            wrong.append(("false alarm", r["text"]))
        elif expected:
            fn += 1
            wrong.append(("missed", r["text"]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    floor_p, floor_r = FLOORS[code]
    assert precision >= floor_p and recall >= floor_r, wrong
