"""A comment's text with its findings marked, built safely.

Every piece of the text is escaped on its own and wrapped in a `<mark>` built by
`format_html`; nothing written by a citizen is ever marked safe. Spans are code-point
indices (Python string indices) into the text the decision was made on; findings about
the whole text (intent, tone) are listed beside it rather than marked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import pairwise
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from somevakt.inbox.labels import code_label

SEVERITY_ORDER = {"info": 0, "warn": 1, "high": 2}


def inline_findings(text: str, findings: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The findings that mark a part of the text (not the whole of it), with valid spans."""
    out = []
    for f in findings:
        start, end = f.get("start"), f.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if 0 <= start < end <= len(text) and not (start == 0 and end == len(text)):
            out.append(f)
    return out


def highlight(text: str, findings: Iterable[Mapping[str, Any]]) -> SafeString:
    """`text` as HTML, with each marked span in `<mark class="sv-finding" data-severity=...>`."""
    spans = inline_findings(text, findings)
    cuts = sorted({0, len(text), *(f["start"] for f in spans), *(f["end"] for f in spans)})
    pieces: list[SafeString] = []
    for start, end in pairwise(cuts):
        chunk = text[start:end]
        active = [f for f in spans if f["start"] <= start and f["end"] >= end]
        if not active:
            pieces.append(format_html("{}", chunk))
            continue
        severity = max((f.get("severity", "info") for f in active), key=lambda s: SEVERITY_ORDER.get(s, 0))
        codes = sorted({f["code"] for f in active})
        pieces.append(
            format_html(
                '<mark class="sv-finding" data-severity="{}" data-codes="{}" title="{}">{}</mark>',
                severity,
                " ".join(codes),
                ", ".join(code_label(c) for c in codes),
                chunk,
            )
        )
    return format_html_join("", "{}", ((piece,) for piece in pieces))
