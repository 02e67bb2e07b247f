"""One shared Norwegian tokenizer (spaCy's rule-based `nb` tokenizer, no model needed).

The same rules serve nynorsk: the differences between the written standards are in
words, not in how text splits into tokens. Token offsets (`token.idx`) index the
original string, whatever it contains.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc


@cache
def tokenizer() -> Tokenizer:
    """Built once per process; spaCy's import dominates the cost, not the rules."""
    import spacy

    from somevakt.analysis.models import _builtin_factories_only

    # A blank pipeline would import every installed package's pipeline factories (Presidio's,
    # with the `bench` extra: a third of a second of every start-up); a tokenizer needs none.
    with _builtin_factories_only():
        return spacy.blank("nb").tokenizer


# spaCy strips prefixes and suffixes off a whitespace-free run one at a time, rescanning the rest
# each time: a run of 50,000 "«" took seven minutes. No word is this long, so a longer run is cut
# into pieces of this many characters, each tokenised on its own.
MAX_RUN = 256
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def tokenize(text: str) -> Doc:
    """Tokenise any string (empty, huge, control characters) without the pipeline's length limit,
    in time linear in its length; offsets index the original string."""
    if not _LONG_RUN.search(text):
        return tokenizer()(text)
    from spacy.tokens import Doc

    pieces: list[str] = []
    last = 0
    for m in _LONG_RUN.finditer(text):
        if m.start() > last:
            pieces.append(text[last : m.start()])
        pieces.extend(m.group()[i : i + MAX_RUN] for i in range(0, m.end() - m.start(), MAX_RUN))
        last = m.end()
    if last < len(text):
        pieces.append(text[last:])
    return Doc.from_docs([tokenizer()(piece) for piece in pieces], ensure_whitespace=False)
