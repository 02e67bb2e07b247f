"""Lexicon machinery shared by the rule-based analysers: word lists with inflection and
compounding rules, and phrase patterns with macros, both compiled once.

Word entries (one per line): `[*]stem[*] ENDINGS [SEVERITY]`
  - a leading `*` lets the stem end a compound ("kommune|idiot"), a trailing `*` lets it
    start one ("idiot|kommune");
  - ENDINGS is `N` (noun), `A` (adjective), `V` (verb), `-` (only this form), or `/a/en` (these);
  - entries are compared on the de-obfuscated skeleton (see normalize.py).
Pattern entries: `@NAME = regex` defines a macro, `{NAME}` uses one, `{list:FILE}` inserts
the stems of a word list, `{nouns:FILE}` every form of its nouns (ENDINGS `N`); any other
line is one pattern. A space in a pattern matches
the punctuation and spaces between two words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from somevakt.analysis.lexicons import load
from somevakt.analysis.normalize import LETTERS, skeleton

ENDINGS: dict[str, frozenset[str]] = {
    "N": frozenset(
        {"", "e", "en", "er", "ene", "ar", "ane", "a", "s", "ens", "ers", "et", "ne", "n", "r", "t"}
    ),
    "A": frozenset({"", "e", "t", "ere", "est", "este", "a", "s"}),
    "V": frozenset({"", "e", "er", "a", "ar", "et", "te", "de", "t", "r", "ing", "s", "es", "ast"}),
    "-": frozenset({""}),
}
_WORD_CHARS = re.compile(f"[{LETTERS}]")
GAP = r"[^a-zæøåäöüéèáàóòêôç0-9]{1,5}"
_MACRO = re.compile(r"\{([A-Za-z_]+|(?:list|nouns):[a-z_]+)\}")


@dataclass(frozen=True)
class WordEntry:
    stem: str
    tail_ok: bool  # may end a compound
    head_ok: bool  # may start a compound
    endings: frozenset[str]
    severity: str
    category: str


def parse_words(name: str, category: str, default_severity: str) -> list[WordEntry]:
    entries = []
    for line in load(name):
        fields = line.split()
        word = fields[0]
        endings_spec = fields[1] if len(fields) > 1 else "-"
        severity = fields[2] if len(fields) > 2 else default_severity
        if endings_spec.startswith("/"):
            endings = frozenset({""} | {skeleton(e) for e in endings_spec.split("/") if e})
        else:
            endings = frozenset().union(*(ENDINGS[c] for c in endings_spec))
        entries.append(
            WordEntry(
                stem=skeleton(word.strip("*")),
                tail_ok=word.startswith("*"),
                head_ok=word.endswith("*"),
                endings=endings,
                severity=severity,
                category=category,
            )
        )
    return entries


def trie_regex(words: Iterable[str]) -> str:
    """One alternation with shared prefixes factored out, so the engine does not try each word in turn."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass(frozen=True)
class WordHit:
    entry: WordEntry
    start: int  # skeleton offsets of the matched word
    end: int
    word: str


class WordMatcher:
    """Finds lexicon words in a skeleton, honouring endings, compounds and exceptions."""

    def __init__(self, entries: list[WordEntry], exceptions: Iterable[str] = ()) -> None:
        self.by_stem: dict[str, list[WordEntry]] = {}
        for e in entries:
            self.by_stem.setdefault(e.stem, []).append(e)
        self.regex = re.compile(trie_regex(self.by_stem))
        self.exceptions = frozenset(skeleton(x) for x in exceptions)

    def find(self, text: str) -> Iterator[WordHit]:
        pos = 0
        n = len(text)
        while True:
            m = self.regex.search(text, pos)
            if not m:
                return
            s, e = m.span()
            ws = s
            while ws > 0 and _WORD_CHARS.match(text[ws - 1]) and s - ws < 40:
                ws -= 1
            we = e
            while we < n and _WORD_CHARS.match(text[we]) and we - e < 40:
                we += 1
            word = text[ws:we]
            hits: list[WordHit] = []
            if word not in self.exceptions:
                for entry in self.by_stem[m.group()]:
                    if ws < s and not entry.tail_ok:
                        continue
                    if not entry.head_ok and text[e:we] not in entry.endings:
                        continue
                    if all(h.entry.category != entry.category for h in hits):
                        hits.append(WordHit(entry, ws, we, word))
            if hits:
                yield from hits
                pos = we
            else:
                pos = s + 1

    def entries(self) -> Iterator[WordEntry]:
        for group in self.by_stem.values():
            yield from group


def compile_patterns(
    name: str, macros: dict[str, str] | None = None
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The patterns of one file joined into one regex (None if the file has none), and its macros."""
    defined: dict[str, str] = dict(macros or {})
    patterns: list[str] = []

    def expand(src: str) -> str:
        def sub(m: re.Match[str]) -> str:
            key = m.group(1)
            if key.startswith("list:"):
                stems = sorted({e.stem for e in parse_words(key[5:], "", "warn")}, key=len, reverse=True)
                return "(?:" + "|".join(re.escape(s) for s in stems) + ")"
            if key.startswith("nouns:"):
                return _noun_forms(key[6:])
            return "(?:" + defined[key] + ")"

        return _MACRO.sub(sub, src)

    for line in load(name):
        if line.startswith("@"):
            key, _, body = line[1:].partition("=")
            defined[key.strip()] = expand(_prepare(body.strip()))
        else:
            patterns.append(expand(_prepare(line)))
    if not patterns:
        return None, defined
    joined = "|".join(f"(?:{p})" for p in patterns)
    regex = re.compile(f"(?<![{LETTERS}0-9])(?:{joined})(?![{LETTERS}0-9])")
    return regex, defined


def _noun_forms(name: str) -> str:
    """Every inflected form of the nouns (ENDINGS `N`) of a word list, as one alternation.

    For patterns where an adjective of the same list would be wrong: "jævla tullinger" is
    aimed at people, "jævla dumme regler" is not.
    """
    forms = {
        skeleton(e.stem + ending)
        for e in parse_words(name, "", "warn")
        if e.endings == ENDINGS["N"]
        for ending in e.endings
    }
    return "(?:" + trie_regex(forms) + ")"


def literal_alternatives(expanded: str) -> list[str]:
    """The words of a macro that is a plain alternation of words (like `@TRIGGER`)."""
    return [w for w in re.sub(r"\(\?:|\)", "", expanded).split("|") if w]


def _prepare(src: str) -> str:
    """Skeleton the literal letters of a pattern and let spaces match any gap between words."""
    parts = []
    pos = 0
    for m in _MACRO.finditer(src):
        parts.append(_collapse(src[pos : m.start()]))
        parts.append(m.group())
        pos = m.end()
    parts.append(_collapse(src[pos:]))
    return "".join(parts)


def skeleton_pattern(src: str) -> str:
    """A hand-written regex in ordinary spelling, with its repeated letters collapsed like the skeleton."""
    return re.sub(rf"(?<!\\)([{LETTERS}])\1+", r"\1", src)


def _collapse(src: str) -> str:
    src = re.sub(rf"(?<!\\)([{LETTERS}])\1+", r"\1", src)
    return src.replace(" ", GAP)


def load_macros(name: str) -> dict[str, str]:
    """`@NAME = regex` lines of a macro file, expanded in order."""
    defined: dict[str, str] = {}
    for line in load(name):
        key, _, body = line[1:].partition("=")
        defined[key.strip()] = _MACRO.sub(lambda m: "(?:" + defined[m.group(1)] + ")", _prepare(body.strip()))
    return defined
