"""A comment's text with its findings marked, built safely, and the findings in words.

Every piece of the text is escaped on its own and wrapped in a `<mark>` built by
`format_html`; nothing written by a citizen is ever marked safe. Spans are code-point
indices (Python string indices) into the text the decision was made on; findings about
the whole text (intent, tone) are listed as being about the comment as a whole rather
than marked.

A national identity number, or a number that may be one, is never shown in full: it is
masked in the text as everywhere else (`analysis.masking`), whether or not the decision
found it, so a text edited since its triage cannot show one either. Masking keeps the
length of what it hides, so the findings' spans still line up with the shown text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from somevakt.analysis.bidi import visible
from somevakt.analysis.masking import mask_excerpt
from somevakt.analysis.personal_data import NATIONAL_ID, NATIONAL_ID_LIKE, find, mask_match
from somevakt.policy.labels import code_label

SEVERITY_ORDER = {"info": 0, "warn": 1, "high": 2}
# The tags in "What was found" (on the advice card, which is tinted with the info colour).
SEVERITY_COLORS = {"info": "neutral", "warn": "warning", "high": "danger"}
MASKED_IN_TEXT = (NATIONAL_ID, NATIONAL_ID_LIKE)


def has_span(text: str, finding: Mapping[str, Any]) -> bool:
    """True if `finding` marks a part of `text` (a valid span that is not the whole of it)."""
    start, end = finding.get("start"), finding.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    return 0 <= start < end <= len(text) and not (start == 0 and end == len(text))


def inline_findings(text: str, findings: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The findings that mark a part of the text (not the whole of it), with valid spans."""
    return [f for f in findings if has_span(text, f)]


def without_national_ids(text: str, findings: Iterable[Mapping[str, Any]] = ()) -> str:
    """`text` with every (possible) national id masked: those the findings mark and any other
    the personal-data analyser sees now. Same length as `text`."""
    spans = [(f["start"], f["end"], f["code"]) for f in inline_findings(text, findings)]
    spans += [(m.start, m.end, m.code) for m in find(text)]
    shown = list(text)
    for start, end, code in spans:
        if code not in MASKED_IN_TEXT:
            continue
        masked = mask_match(code, text[start:end])
        shown[start:end] = masked if len(masked) == end - start else "*" * (end - start)
    return "".join(shown)


def highlight(text: str, findings: Iterable[Mapping[str, Any]]) -> SafeString:
    """`text` as HTML, with each marked span in `<mark class="sv-finding" data-severity=...>`.

    A finding's label is written on the piece where it starts (`data-label`, shown before the
    words by the style sheet and read out with them, so colour is not the only signal) and on
    every piece it covers as the title. Overlapping findings split the text into pieces, each
    marked with all the findings that cover it.
    """
    language = get_language()
    spans = inline_findings(text, findings)
    shown = without_national_ids(text, spans)
    cuts = sorted({0, len(text), *(f["start"] for f in spans), *(f["end"] for f in spans)})
    pieces: list[SafeString] = []
    for start, end in pairwise(cuts):
        chunk = shown[start:end]
        active = [f for f in spans if f["start"] <= start and f["end"] >= end]
        if not active:
            pieces.append(format_html("{}", chunk))
            continue
        severity = max((f.get("severity", "info") for f in active), key=lambda s: SEVERITY_ORDER.get(s, 0))
        codes = sorted({f["code"] for f in active})
        starting = sorted({f["code"] for f in active if f["start"] == start})
        label = ", ".join(code_label(c, language) for c in starting)
        pieces.append(
            format_html(
                '<mark class="sv-finding" data-severity="{}" data-codes="{}"{} title="{}">{}</mark>',
                severity,
                " ".join(codes),
                format_html(' data-label="{}"', label) if label else "",
                ", ".join(code_label(c, language) for c in codes),
                chunk,
            )
        )
    return format_html_join("", "{}", ((piece,) for piece in pieces))


@dataclass(frozen=True)
class Found:
    """One finding as the item page lists it under the decision."""

    code: str
    label: str
    severity: str
    color: str
    words: str  # the finding's masked excerpt; empty for a finding about the whole text
    clauses: tuple[str, ...]
    whole: bool  # about the comment as a whole, not a part of it


def what_was_found(text: str, findings: Iterable[Mapping[str, Any]]) -> list[Found]:
    """The findings in the order of the text, those about the whole comment last."""
    language = get_language()
    out = []
    for f in findings:
        code = str(f.get("code", ""))
        severity = str(f.get("severity", "info"))
        whole = not has_span(text, f)
        words = "" if whole else str(f.get("text") or _excerpt(text, f))
        out.append(
            Found(
                code=code,
                label=code_label(code, language),
                severity=severity,
                color=SEVERITY_COLORS.get(severity, "neutral"),
                words=words,
                clauses=tuple(str(c) for c in f.get("clauses") or ()),
                whole=whole,
            )
        )
    return [f for f in out if not f.whole] + [f for f in out if f.whole]


def _excerpt(text: str, finding: Mapping[str, Any]) -> str:
    """The words of a finding that came without an excerpt, masked as the analysers mask theirs."""
    return visible(mask_excerpt(text, finding["start"], finding["end"]))
