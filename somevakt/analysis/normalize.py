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


def normalize(lower: str) -> Normalized:
    """Skeleton of an already lower-cased text (same length as the original)."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(lower):
        folded = _fold_char(ch)
        if folded:
            chars.append(folded)
            index.append(i)
    text = "".join(chars)

    # Digits for letters ("1d10t"), only in words that already contain letters.
    if any(c in _LEET for c in text):
        parts = list(text)
        for m in _WORDISH.finditer(text):
            word = m.group()
            if len(word) >= 3 and _LETTER.search(word) and any(c in _LEET for c in word):
                for j, c in enumerate(word, m.start()):
                    if c in _LEET:
                        parts[j] = _LEET[c]
        text = "".join(parts)

    # Spaced-out letters ("f a e n"): drop the separators inside the run.
    if " " in text or "." in text or "-" in text or "_" in text:
        keep = [True] * len(text)
        hit = False
        for m in _SPACED.finditer(text):
            for j in range(m.start() + 1, m.end(), 2):
                keep[j] = False
                hit = True
        if hit:
            text = "".join(c for c, k in zip(text, keep, strict=True) if k)
            index = [i for i, k in zip(index, keep, strict=True) if k]

    # Repeated letters ("idiooooot", and "dumme" -> "dume" on both sides of a comparison).
    out_chars: list[str] = []
    out_index: list[int] = []
    prev = ""
    for c, i in zip(text, index, strict=True):
        if c == prev and c.isalpha():
            continue
        out_chars.append(c)
        out_index.append(i)
        prev = c
    out_index.append(len(lower))
    return Normalized("".join(out_chars), tuple(out_index))


def skeleton(word: str) -> str:
    """The skeleton of a lexicon word or pattern literal: lower-case, repeated letters collapsed."""
    return re.sub(rf"([{LETTERS}])\1+", r"\1", word.lower())
