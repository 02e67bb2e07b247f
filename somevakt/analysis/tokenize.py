"""One shared Norwegian tokenizer (spaCy's rule-based `nb` tokenizer, no model needed).

The same rules serve nynorsk: the differences between the written standards are in
words, not in how text splits into tokens. Token offsets (`token.idx`) index the
original string, whatever it contains.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc


@cache
def tokenizer() -> Tokenizer:
    """Built once per process; spaCy's import dominates the cost, not the rules."""
    import spacy

    return spacy.blank("nb").tokenizer


def tokenize(text: str) -> Doc:
    """Tokenise any string (empty, huge, control characters) without the pipeline's length limit."""
    return tokenizer()(text)
