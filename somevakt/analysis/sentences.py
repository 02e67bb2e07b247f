"""Plain sentence spans for the rule analysers that read one sentence at a time (`reply_stance`,
`english`): split after . ! ? … ; and at line breaks. "12. mai" and "room 4." are split too, which
only makes a sentence shorter; an opinion and its matter, or a person and their matter, stand close
together. (`confidential` keeps a splitter of its own that knows ordinals and abbreviations.)"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…;]+(?=\s|$)|\n+")


def plain_sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, in order, covering it without gaps."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
