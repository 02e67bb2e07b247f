"""Table tests: the YAML cases next to each pack, run for all four municipalities.

Each case is checked twice: once through `decide()` with exactly its `present` findings (the
pack and the engine agree with the case, whatever the analysers do), and once end to end
through `evaluate()`, which needs every text analyser.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from typing import Any

import pytest
import yaml

from somevakt.analysis.base import KINDS, Finding
from somevakt.analysis.registry import ANALYSERS
from somevakt.policy.codes import FINDING_CODES
from somevakt.policy.decision import INBOUND_ACTIONS, OUTGOING_ACTIONS
from somevakt.policy.engine import PolicyContext, decide, evaluate
from somevakt.policy.packs import cases_path, list_packs, load_pack

analysers_ready = pytest.mark.skipif(
    not all(importlib.util.find_spec(target.partition(":")[0]) for target in ANALYSERS.values()),
    reason="not every text analyser exists yet",
)
CONTEXT_FIELDS = {f.name for f in dataclasses.fields(PolicyContext)}


def load_cases(slug: str) -> list[dict[str, Any]]:
    data = yaml.safe_load(cases_path(slug).read_text(encoding="utf-8"))
    assert data["policy"] == slug
    return data["cases"]


ALL = [(slug, case) for slug in list_packs() for case in load_cases(slug)]
IDS = [f"{slug}:{case['name']}" for slug, case in ALL]
# End to end, a case the analysers do not get right yet is expected to fail, with the gap as reason.
END_TO_END = [
    pytest.param(
        slug,
        case,
        id=f"{slug}:{case['name']}",
        marks=[pytest.mark.xfail(reason=case["analyser_gap"], strict=True)] if "analyser_gap" in case else [],
    )
    for slug, case in ALL
]


@pytest.mark.parametrize("slug", list_packs())
def test_it_has_enough_well_formed_cases_for_each_pack(slug):
    cases = load_cases(slug)
    assert len(cases) >= 25
    assert len({c["name"] for c in cases}) == len(cases), "case names are unique"
    kinds = {c.get("kind", "comment") for c in cases}
    assert kinds == set(KINDS)
    for c in cases:
        assert set(c) <= {
            "name",
            "kind",
            "text",
            "present",
            "absent",
            "action",
            "also",
            "context",
            "analyser_gap",
        }
        kind = c.get("kind", "comment")
        allowed = INBOUND_ACTIONS if kind == "comment" else OUTGOING_ACTIONS
        assert c["action"] in allowed, c["name"]
        assert set(c.get("present", [])) | set(c.get("absent", [])) <= set(FINDING_CODES), c["name"]
        assert set(c.get("context", {})) <= CONTEXT_FIELDS, c["name"]
        assert c["text"].strip()


def _context(case: dict[str, Any]) -> PolicyContext:
    return PolicyContext(**case.get("context", {}))


@pytest.mark.parametrize(("slug", "case"), ALL, ids=IDS)
def test_it_agrees_with_the_case_given_exactly_the_expected_findings(slug, case):
    kind = case.get("kind", "comment")
    text = case["text"]
    context_codes = {"post.crisis_lock", "post.account_closed", "post.consent_missing", "post.website_first"}
    findings = [
        Finding(code, 0, len(text), "info") for code in case.get("present", []) if code not in context_codes
    ]
    d = decide(findings, kind, load_pack(slug), _context(case), text_length=len(text))
    assert d.action == case["action"]
    if "also" in case:
        assert list(d.also) == case["also"]
    assert set(case.get("present", [])) <= set(d.codes)


@analysers_ready
@pytest.mark.parametrize(("slug", "case"), END_TO_END)
def test_it_decides_each_case_end_to_end(slug, case):
    d = evaluate(case["text"], case.get("kind", "comment"), load_pack(slug), _context(case))
    codes = set(d.codes)
    missing = set(case.get("present", [])) - codes
    unexpected = set(case.get("absent", [])) & codes
    assert not missing and not unexpected, (
        f"missing {sorted(missing)}, unexpected {sorted(unexpected)}; got {sorted(codes)}"
    )
    assert d.action == case["action"], f"{d.action} (also {d.also}) for {sorted(codes)}: {d.reasons}"
    if "also" in case:
        assert list(d.also) == case["also"]
    assert d.clauses, "every action cites clauses"
