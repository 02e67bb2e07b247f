"""The checked text with its findings marked, built safely.

Every piece of the text is escaped on its own and wrapped in a `<mark>` built by
`format_html`; nothing the person typed is ever marked safe. Spans are code-point indices
into the text; findings about the whole text are listed beside it, not marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from somevakt.analysis.base import Finding
from somevakt.policy.labels import code_label

SEVERITY_ORDER = {"info": 0, "warn": 1, "high": 2}


def is_inline(finding: Finding, length: int) -> bool:
    return 0 <= finding.start < finding.end <= length and not (finding.start == 0 and finding.end == length)


def marked(text: str, findings: Sequence[Finding]) -> SafeString:
    """`text` as HTML, each marked span in `<mark class="sv-finding" data-severity=...>`."""
    language = get_language()
    spans = [f for f in findings if is_inline(f, len(text))]
    cuts = sorted({0, len(text), *(f.start for f in spans), *(f.end for f in spans)})
    pieces: list[SafeString] = []
    for start, end in pairwise(cuts):
        chunk = text[start:end]
        active = [f for f in spans if f.start <= start and f.end >= end]
        if not active:
            pieces.append(format_html("{}", chunk))
            continue
        severity = max((f.severity for f in active), key=lambda s: SEVERITY_ORDER.get(s, 0))
        codes = sorted({f.code for f in active})
        pieces.append(
            format_html(
                '<mark class="sv-finding" data-severity="{}" title="{}">{}</mark>',
                severity,
                ", ".join(code_label(c, language) for c in codes),
                chunk,
            )
        )
    return format_html_join("", "{}", ((piece,) for piece in pieces))
