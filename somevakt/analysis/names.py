"""Names of people (`person.named`), found by a spaCy NER model trained on NorNE (Bokmål and Nynorsk).

The model is trained with case-perturbed copies, so "kari nordmann" is found as well as
"Kari Nordmann". It also tags organisations, places and more; `entities()` gives all of
them to other analysers (e.g. whether a sentence ties a named person to a case).
"""

from __future__ import annotations

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


class NameAnalyser:
    name: ClassVar[str] = "names"
    version: ClassVar[str] = VERSIONS["ner"]
    codes: ClassVar[tuple[str, ...]] = ("person.named",)

    def prefetch(self, docs: Sequence[Document]) -> None:
        """Optional batch step: run the model over many Documents at once before `analyse` each."""
        tag_many(docs)

    def analyse(self, doc: Document) -> list[Finding]:
        return [
            Finding("person.named", start, end, "info", text=doc.text[start:end])
            for start, end in person_spans(doc)
        ]
