"""Names of people (`person.named`), found by a spaCy NER model trained on NorNE (Bokmål and Nynorsk).

The model is trained with case-perturbed copies, so "kari nordmann" is found as well as
"Kari Nordmann". It also tags organisations, places and more; `entities()` gives all of
them to other analysers (e.g. whether a sentence ties a named person to a case).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from somevakt.analysis.base import Document, Finding
from somevakt.analysis.models import VERSIONS, annotate, cache_of, load, to_model_doc, words_of

# A very long text is tagged in pieces of this many tokens, so memory stays bounded.
_CHUNK_TOKENS = 1000


def entities(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of every entity in the text; the model runs once per Document."""
    cache = cache_of(doc)
    if "entities" not in cache:
        tag_many([doc])
    found: list[tuple[int, int, str]] = cache["entities"]
    return found


def person_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) character spans of people's names."""
    return [(start, end) for start, end, label in entities(doc) if label == "PER"]


def tag_many(docs: Sequence[Document]) -> None:
    """Tag several Documents in one batch (much faster per text than one by one) and cache the result."""
    pending = [doc for doc in docs if "entities" not in cache_of(doc)]
    if not pending:
        return
    nlp = load("ner")
    pieces: list[tuple[int, int, list[int], list[int]]] = []  # (which doc, first token, starts, ends)
    model_docs = []
    for index, doc in enumerate(pending):
        cache_of(doc)["entities"] = []
        w = words_of(doc)
        for first in range(0, len(w.words), _CHUNK_TOKENS):
            last = first + _CHUNK_TOKENS
            pieces.append((index, first, w.starts, w.ends))
            model_docs.append(to_model_doc(nlp, w.words[first:last], w.spaces[first:last]))
    for (index, first, starts, ends), tagged in zip(pieces, annotate(nlp, model_docs), strict=True):
        found = cache_of(pending[index])["entities"]
        text = pending[index].text
        for ent in tagged.ents:
            # The model sometimes stretches an entity over emoji or numbers beside it, or tags a
            # lone emoji: keep only the part from the first to the last token that has letters.
            lettered = [
                first + i
                for i in range(ent.start, ent.end)
                if any(ch.isalpha() for ch in text[starts[first + i] : ends[first + i]])
            ]
            if lettered and not _tag_name(text, starts[lettered[0]]):
                found.append((starts[lettered[0]], ends[lettered[-1]], ent.label_))


def _tag_name(text: str, start: int) -> bool:
    """Whether the word at `start` is an HTML tag's name ("<script>", "</b>"): pasted markup, which
    the model, never having seen any, sometimes takes for a name."""
    return text[max(0, start - 2) : start].endswith(("<", "</"))


# The writer presenting or signing as themself: their own name is not a third party named.
_SELF_BEFORE = re.compile(
    r"(?:\b(?:jeg|je|eg|æ|e) (?:heter|heiter|heite|hete)|\bmitt (?:navn|namn) er|\b(?:navnet|namnet) mitt er"
    r"|\b(?:hilsen|helsing|mvh|vh|hilsing)|\bfra|\bfrå)[\s,:]*$",
    re.IGNORECASE,
)
# A one-word "name" right after a preposition of place is far more often a place the model did
# not know ("i Vestbygda", "på Skei") than a person.
_PLACE_BEFORE = re.compile(
    r"\b(?:i|på|ved|utenfor|utanfor|innenfor|innanfor|nær|mot|gjennom)\s+$", re.IGNORECASE
)
_SIGN_OFF = frozenset({"hilsen", "helsing", "hilsing", "mvh", "vh"})
_GENERIC = frozenset({"kommune", "kommunen", "kommuna", "herred", "sokn"})


def _own_words(municipality_name: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", municipality_name.lower())
    return frozenset(w for w in words if w not in _GENERIC)


def named_people(doc: Document) -> list[tuple[int, int]]:
    """The names of people other than the writer: person spans less the writer's own name (a
    self-introduction or a signature), the municipality's own name, and one-word "names" after
    a preposition of place."""
    own = _own_words(doc.context.municipality_name)
    out = []
    for start, end in person_spans(doc):
        before = doc.text[max(0, start - 40) : start]
        words = doc.text[start:end].lower().split()
        if _SELF_BEFORE.search(before) or words[0].strip(",:") in _SIGN_OFF:
            continue
        if own and all(w.strip(".,!?:;") in own | _GENERIC for w in words):
            continue
        if len(words) == 1 and _PLACE_BEFORE.search(before):
            continue
        out.append((start, end))
    return out


class NameAnalyser:
    name: ClassVar[str] = "names"
    version: ClassVar[str] = f"{VERSIONS['ner']}+2"
    codes: ClassVar[tuple[str, ...]] = ("person.named",)

    def prefetch(self, docs: Sequence[Document]) -> None:
        """Optional batch step: run the model over many Documents at once before `analyse` each."""
        tag_many(docs)

    def analyse(self, doc: Document) -> list[Finding]:
        return [
            Finding("person.named", start, end, "info", text=doc.text[start:end])
            for start, end in named_people(doc)
        ]
