"""Text direction controls: embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).

"Mallory \u202eelif.exe\u202c" is shown by a browser as "Mallory exe.file": a right-to-left
override makes a text read differently from what was written, in a file name, a link or an
author's name. `text.bidi_override` (info) reports each region the controls govern: from an
opening control to the closing one that ends it, or to the end of the paragraph, where the
Unicode bidi algorithm ends an unclosed one; a closing control with nothing to close is a
region of its own (it could close an embedding of the page around the text). The finding's
`text` shows the region as written, each control as `[U+202E]`, personal data masked.

For showing user text: `visible` makes the controls visible; `balanced` closes what a text
opens and drops what it would close of its surroundings, so that inside `<bdi>` it cannot
reorder the page around it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from somevakt.analysis.base import Document, Finding
from somevakt.analysis.masking import mask_excerpt

BIDI_OVERRIDE = "text.bidi_override"

_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO
_ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI
_PDF = "\u202c"
_PDI = "\u2069"
CONTROLS = _EMBEDDINGS + _PDF + _ISOLATES + _PDI
_CONTROL = re.compile(f"[{CONTROLS}]")
# Paragraph separators (bidi class B): the algorithm ends every embedding and isolate there.
_PARAGRAPH = "\n\r\x1c\x1d\x1e\x85\u2029"
_EVENT = re.compile(f"[{CONTROLS}{_PARAGRAPH}]")

# A text full of controls is reported in this many findings at most; the last one runs on to
# the end of the last region, so nothing is left out.
MAX_FINDINGS = 20
_EXCERPT = 80
# Masking needs the neighbours of a number; more than this of a region is never shown.
_MASK_WINDOW = 200
_CUT_MARKER = re.compile(r"\[(?:U(?:\+[0-9A-F]{0,4})?)?$")


def regions(text: str) -> list[tuple[int, int]]:
    """The spans the direction controls of `text` govern, in order, disjoint."""
    if not _CONTROL.search(text):
        return []
    out: list[tuple[int, int]] = []
    stack: list[str] = []  # "E" for an embedding or override, "I" for an isolate
    start = 0
    for m in _EVENT.finditer(text):
        ch = m.group()
        pos = m.start()
        if ch in _PARAGRAPH:
            if stack:
                out.append((start, pos))
                stack.clear()
            continue
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            if not stack:
                start = pos
            stack.append("E" if ch in _EMBEDDINGS else "I")
            continue
        # A closing control: PDF closes an embedding (never past an isolate), PDI its isolate
        # and everything opened inside it. One that closes nothing stands alone.
        if not stack:
            out.append((pos, pos + 1))
            continue
        if ch == _PDF and stack[-1] == "E":
            stack.pop()
        elif ch == _PDI and "I" in stack:
            while stack.pop() != "I":
                pass
        if not stack:
            out.append((start, pos + 1))
    if stack:
        out.append((start, len(text)))
    return out


def visible(text: str) -> str:
    """`text` with every direction control written out as `[U+XXXX]`."""
    return _CONTROL.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def balanced(text: str) -> str:
    """`text` with the controls it leaves open closed at its end, and those that would close
    something outside it removed; other characters are kept as they are."""
    if not _CONTROL.search(text):
        return text
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _EVENT.finditer(text):
        ch = m.group()
        out.append(text[pos : m.start()])
        pos = m.end()
        if ch in _PARAGRAPH:
            # The algorithm ends them here; a page that collapses the line break would not.
            out.extend(reversed(stack))
            stack.clear()
            out.append(ch)
        elif ch in _EMBEDDINGS or ch in _ISOLATES:
            stack.append(_PDF if ch in _EMBEDDINGS else _PDI)
            out.append(ch)
        elif ch == _PDF and stack and stack[-1] == _PDF:
            stack.pop()
            out.append(ch)
        elif ch == _PDI and _PDI in stack:
            while stack.pop() != _PDI:
                pass
            out.append(ch)
        # else: a closer with nothing of the text's own to close is dropped
    out.append(text[pos:])
    out.extend(reversed(stack))
    return "".join(out)


class BidiAnalyser:
    name: ClassVar[str] = "bidi"
    version: ClassVar[str] = "1"
    codes: ClassVar[tuple[str, ...]] = (BIDI_OVERRIDE,)

    def analyse(self, doc: Document) -> list[Finding]:
        found = regions(doc.text)
        if len(found) > MAX_FINDINGS:
            found = [*found[: MAX_FINDINGS - 1], (found[MAX_FINDINGS - 1][0], found[-1][1])]
        return [
            Finding(BIDI_OVERRIDE, start, end, "info", text=_excerpt(doc.text, start, end))
            for start, end in found
        ]


def _excerpt(text: str, start: int, end: int) -> str:
    shown = visible(mask_excerpt(text, start, min(end, start + _MASK_WINDOW), limit=_MASK_WINDOW))
    if end - start > _MASK_WINDOW or len(shown) > _EXCERPT:
        shown = _CUT_MARKER.sub("", shown[: _EXCERPT - 1]) + "…"
    return shown
