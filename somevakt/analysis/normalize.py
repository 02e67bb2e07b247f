"""De-obfuscation for lexicon matching, with a map back to the original offsets.

People who write abuse dodge filters: "i d i o t", "idiooooot", "1d10t", "f*en",
zero-width characters, look-alike Cyrillic letters. `normalize` folds all of these
into one plain lower-case "skeleton" so that one lexicon matches them all, and keeps,
for every character of the skeleton, the index of the original character it came
from, so findings still point into the text the user wrote.

The skeleton also collapses every run of a repeated letter to one letter ("dumme" ->
"dume"); lexicon entries go through `skeleton()` so they are compared like for like.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LETTERS = "a-zæøåäöüéèáàóòêôç"
_LETTER = re.compile(f"[{LETTERS}]")

# Look-alikes and spelling variants folded to the letters the lexicons use.
_FOLD = {
    "ä": "æ",
    "ö": "ø",
    "ü": "u",
    "é": "e",
    "è": "e",
    "ê": "e",
    "á": "a",
    "à": "a",
    "ó": "o",
    "ò": "o",
    "ô": "o",
    "ç": "c",
    # Cyrillic and Greek letters that look Latin.
    "а": "a",
    "в": "b",
    "е": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "α": "a",
    "ε": "e",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
}
# Digits and signs used for letters, applied only inside a word that also has letters.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"}
_STAR = "*"
# A run of single characters separated by one space, dot, dash or underscore: "i d i o t".
_SPACED = re.compile(rf"(?<![\w*])[{LETTERS}0-9*](?:[ ._\-][{LETTERS}0-9*](?![\w*])){{2,}}")
_WORDISH = re.compile(rf"[{LETTERS}0-9*@$]+")


@dataclass(frozen=True)
class Normalized:
    """The skeleton and, per skeleton character, the original index (plus an end sentinel)."""

    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of skeleton characters [start, end)."""
        if end <= start:
            pos = self.index[start]
            return pos, pos
        return self.index[start], self.index[end - 1] + 1


def _fold_char(ch: str) -> str:
    """One lower-case character, folded; '' for invisible format and control characters."""
    if ch in _FOLD:
        return _FOLD[ch]
    if ch.isascii():
        if ch.isprintable():
            return ch
        return " " if ch in "\t\n\r\x0b\x0c" else ""
    cat = unicodedata.category(ch)
    if cat in ("Cf", "Cc", "Cs", "Co", "Mn"):
        return ""  # zero-width, bidi controls, soft hyphen, combining marks
    if cat.startswith("Z"):
        return " "
    if ch in "æøå":
        return ch
    nfkc = unicodedata.normalize("NFKC", ch).lower()
    if len(nfkc) == 1:
        return _FOLD.get(nfkc, nfkc)
    return ch


# Characters the fast path cannot handle: controls, invisible format characters, combining
# marks, full-width and mathematical letters (those need NFKC, one by one).
_EXOTIC = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\xad\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a"
    "\u064b-\u065f\u1ab0-\u1aff\u1dc0-\u1dff\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u20d0-\u20ff"
    "\u3000\ufe00-\ufe0f\ufe20-\ufe2f\ufeff\uff00-\uffef\ufff0-\uffff\U0001d400-\U0001d7ff"
    "\U000e0000-\U000e007f\ud800-\udfff]"
)
_FAST_FOLD = str.maketrans({"\n": " ", "\t": " ", "\r": " ", **_FOLD})
_FOLDABLE = re.compile("[\n\t\r" + "".join(_FOLD) + "]")
# Cheap test for a possible run of spaced-out letters before the exact (slower) pattern.
_MAYBE_SPACED = re.compile(rf"[ ._\-][{LETTERS}0-9*][ ._\-][{LETTERS}0-9*](?:[ ._\-]|$)")
_LEET_CHARS = re.compile("[013457 8@$]".replace(" ", ""))
_MIXED = re.compile(
    rf"(?<![{LETTERS}0-9*@$])(?=[{LETTERS}0-9*@$]*[{LETTERS}])(?=[{LETTERS}0-9*@$]*[0-9@$])[{LETTERS}0-9*@$]{{3,}}"
)
_REPEAT = re.compile(rf"([{LETTERS}])\1+")


def _delete(text: str, index: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Remove the characters of `spans` (sorted, disjoint) from text and index alike."""
    parts: list[str] = []
    idx: list[int] = []
    pos = 0
    for s, e in spans:
        parts.append(text[pos:s])
        idx.extend(index[pos:s])
        pos = e
    parts.append(text[pos:])
    idx.extend(index[pos:])
    return "".join(parts), idx


def normalize(lower: str) -> Normalized:
    """Skeleton of an already lower-cased text (same length as the original)."""
    text = lower.translate(_FAST_FOLD) if _FOLDABLE.search(lower) else lower
    if _EXOTIC.search(lower) or not text.isprintable():
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(lower):
            folded = _fold_char(ch)
            if folded:
                chars.append(folded)
                index.append(i)
        text = "".join(chars)
    else:  # the common case: nothing to drop, so offsets are unchanged
        index = list(range(len(lower)))

    # Digits for letters ("1d10t"), only in words that already contain letters.
    if _LEET_CHARS.search(text):
        parts = None
        for m in _MIXED.finditer(text):
            if parts is None:
                parts = list(text)
            for j in range(m.start(), m.end()):
                parts[j] = _LEET.get(parts[j], parts[j])
        if parts is not None:
            text = "".join(parts)

    # Spaced-out letters ("f a e n"): drop the separators inside the run.
    spans = []
    if _MAYBE_SPACED.search(text) or _MAYBE_SPACED.match(" " + text[:4]):
        spans = [(j, j + 1) for m in _SPACED.finditer(text) for j in range(m.start() + 1, m.end(), 2)]
    if spans:
        text, index = _delete(text, index, spans)

    # Repeated letters ("idiooooot", and "dumme" -> "dume" on both sides of a comparison).
    spans = [(m.start() + 1, m.end()) for m in _REPEAT.finditer(text)]
    if spans:
        text, index = _delete(text, index, spans)
    index.append(len(lower))
    return Normalized(text, tuple(index))


def skeleton(word: str) -> str:
    """The skeleton of a lexicon word or pattern literal: lower-case, repeated letters collapsed."""
    return re.sub(rf"([{LETTERS}])\1+", r"\1", word.lower())
