"""Readability of the municipality's own texts: LIX (Björnsson's läsbarhetsindex).

LIX = words per sentence + 100 x share of long words (more than six letters). Below 30
is very easy, 40 ordinary news, above 50 hard, above 60 official prose. The limit is a
pack setting (`AnalysisContext.lix_max`, 50 when unset).

Texts of fewer than `MIN_WORDS` (20) words are not measured. LIX is a statistic over a
sample, and on a short reply it is noise: in 8 words one long compound moves the score by
12.5 points, and the share of long words has a standard error of about 16 points, more than
the gap between plain prose (LIX 35–40) and the packs' limits (50–55). At 20 words one word
moves it by 5 and the standard error is about 10, so a score over the limit says something.
There is deliberately no minimum number of sentences: one 30-word sentence of officialese
is the commonest readability problem in a reply, and words per sentence is what catches it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from somevakt.analysis.base import Document, Finding

READABILITY = "style.readability"
DEFAULT_LIX_MAX = 50.0
MIN_WORDS = 20
OUTGOING = frozenset({"reply", "post", "private"})

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
# A sentence ends at . ! ? : or a line break, followed by space or the end of the text.
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n\s*\n|\n(?=\s*[-•*])")


def lix(text: str) -> tuple[float, int]:
    """(LIX score, number of words) of `text`; (0.0, 0) for a text without words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0, 0
    long_words = sum(1 for w in words if sum(c.isalpha() for c in w) > 6)
    sentences = max(
        1, len(_SENTENCE_END.findall(text.rstrip() + ("" if text.rstrip()[-1:] in ".!?:" else ".")))
    )
    return len(words) / sentences + 100.0 * long_words / len(words), len(words)


class ReadabilityAnalyser:
    name: ClassVar[str] = "readability"
    version: ClassVar[str] = "2"
    codes: ClassVar[tuple[str, ...]] = (READABILITY,)

    def analyse(self, doc: Document) -> list[Finding]:
        if doc.kind not in OUTGOING:
            return []
        score, words = lix(doc.text)
        limit = doc.context.lix_max if doc.context.lix_max is not None else DEFAULT_LIX_MAX
        if words < MIN_WORDS or score <= limit:
            return []
        return [
            Finding(
                READABILITY,
                0,
                len(doc.text),
                "warn",
                text=f"LIX {score:.0f} > {limit:.0f}",
                detail={"lix": round(score, 1), "max": limit, "words": words},
            )
        ]
