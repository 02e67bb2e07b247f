"""The one interface every analyser implements, and the document they share.

An analyser finds things in a text; it never decides what they mean for a
municipality (that is the policy engine's job). All analysers of one run share
one `Document`, so the text is tokenised once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

from somevakt.analysis.normalize import normalize
from somevakt.analysis.tokenize import tokenize

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

    from somevakt.analysis.normalize import Normalized

Severity = Literal["info", "warn", "high"]
Kind = Literal["comment", "reply", "post", "private"]
KINDS: tuple[str, ...] = ("comment", "reply", "post", "private")


@dataclass(frozen=True)
class Finding:
    """Something an analyser found. Spans are code-point indices into the input.

    `text` is a safe excerpt for display: personal data is masked, never shown in full.
    `clauses` is empty when an analyser emits it; the engine fills in the pack's clauses.
    """

    code: str
    start: int
    end: int
    severity: Severity
    text: str | None = None
    clauses: tuple[str, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "severity": self.severity,
            "clauses": list(self.clauses),
        }
        if self.text is not None:
            out["text"] = self.text
        return out


@dataclass(frozen=True)
class AnalysisContext:
    """What an analyser may need to know beyond the text itself (no database).

    Filled from the policy pack by the engine: the municipality's name and e-mail
    domains (to spot a work address on a private profile), readability limits.
    """

    municipality_name: str = ""
    email_domains: tuple[str, ...] = ()
    lix_max: float | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


class Document:
    """One text, tokenised once and shared by every analyser of a run."""

    def __init__(self, text: str, kind: str = "comment", context: AnalysisContext | None = None) -> None:
        self.text = text
        self.kind = kind
        self.context = context or AnalysisContext()

    @cached_property
    def tokens(self) -> SpacyDoc:
        """spaCy tokens with character offsets into `text` (the Norwegian tokenizer)."""
        return tokenize(self.text)

    @cached_property
    def normalized(self) -> Normalized:
        """The de-obfuscated skeleton used for lexicon matching, with its map back to `text`."""
        return normalize(self.lower)

    @cached_property
    def lower(self) -> str:
        """Lower-cased text; same length as `text`, so offsets carry over."""
        low = self.text.lower()
        # A few characters change length when lower-cased (e.g. 'İ'); keep offsets true.
        if len(low) != len(self.text):
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
        return low


class Analyser(Protocol):
    """The contract: `analyse(doc)` returns findings; no I/O, no network, deterministic."""

    name: ClassVar[str]
    version: ClassVar[str]
    codes: ClassVar[tuple[str, ...]]

    def analyse(self, doc: Document) -> list[Finding]: ...
