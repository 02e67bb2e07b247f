"""The engine's verdict on one text: what was found, what the guideline prescribes, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from somevakt.analysis.base import Finding
from somevakt.policy.labels import DEFAULT_LANGUAGE
from somevakt.policy.localized import Localized

InboundAction = Literal[
    "none",
    "thank",
    "reply",
    "refer_formal",
    "refer_political",
    "escalate_manager",
    "escalate_crisis",
    "hide",
    "delete",
]
OutgoingAction = Literal["ok", "revise", "block"]
# The actions of DESIGN.md §4, listed once (in the types above); everything else reads these.
INBOUND_ACTIONS: tuple[str, ...] = get_args(InboundAction)
OUTGOING_ACTIONS: tuple[str, ...] = get_args(OutgoingAction)


@dataclass(frozen=True)
class Decision:
    """Deterministic: same text, kind, pack revision and analyser versions give the same Decision.

    `input_hash` is the SHA-256 of the text (the decision log records inputs by hash,
    never the text itself); `reasons` are human-readable, each in bokmål, nynorsk and English
    (`reasons_in` picks the reader's language).
    """

    policy: str
    policy_revision: str
    kind: str
    findings: tuple[Finding, ...]
    action: str
    also: tuple[str, ...] = ()
    clauses: tuple[str, ...] = ()
    reasons: tuple[Localized, ...] = ()
    analysers: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    input_hash: str = ""

    @property
    def codes(self) -> list[str]:
        return sorted({f.code for f in self.findings})

    def reasons_in(self, language: str | None) -> tuple[str, ...]:
        return tuple(r.text(language) for r in self.reasons)

    def to_dict(self, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
        """The `somevakt check --json` shape of DESIGN.md §4, the reasons in `language`."""
        return {
            "policy": self.policy,
            "policy_revision": self.policy_revision,
            "kind": self.kind,
            "findings": [f.to_dict() for f in self.findings],
            "action": self.action,
            "also": list(self.also),
            "clauses": list(self.clauses),
            "reasons": list(self.reasons_in(language)),
        }

    def to_record(self) -> dict[str, Any]:
        """What the inbox stores with the `triaged` event (decision log): no raw text. The
        reasons are kept in bokmål (`reasons`, as before) and in every language (`reason_texts`,
        read back by `localized.stored_reasons`)."""
        out = self.to_dict()
        out["reason_texts"] = [r.as_dict() for r in self.reasons]
        out["analysers"] = dict(self.analysers)
        out["input_hash"] = self.input_hash
        return out
