"""Names of people (`person.named`), found by a spaCy NER model trained on NorNE (Bokmål and Nynorsk).

The model is trained with case-perturbed copies, so "kari nordmann" is found as well as
"Kari Nordmann". It also tags organisations, places and more; `entities()` gives all of
them to other analysers (e.g. whether a sentence ties a named person to a case).
"""

from __future__ import annotations

from typing import ClassVar

from somevakt.analysis.base import Document, Finding
from somevakt.analysis.models import VERSIONS, annotate, cache_of, load, to_model_doc, words_with_offsets

# A very long text is tagged in pieces of this many tokens, so memory stays bounded.
_CHUNK_TOKENS = 1000


def entities(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, label) character spans of every entity in the text; the model runs once per Document."""
    cache = cache_of(doc)
    if "entities" not in cache:
        cache["entities"] = _tag(doc)
    found: list[tuple[int, int, str]] = cache["entities"]
    return found


def person_spans(doc: Document) -> list[tuple[int, int]]:
    """(start, end) character spans of people's names."""
    return [(start, end) for start, end, label in entities(doc) if label == "PER"]


class NameAnalyser:
    name: ClassVar[str] = "names"
    version: ClassVar[str] = VERSIONS["ner"]
    codes: ClassVar[tuple[str, ...]] = ("person.named",)

    def analyse(self, doc: Document) -> list[Finding]:
        return [
            Finding("person.named", start, end, "info", text=doc.text[start:end])
            for start, end in person_spans(doc)
        ]


def _tag(doc: Document) -> list[tuple[int, int, str]]:
    words, spaces, offsets = words_with_offsets(doc)
    if not words:
        return []
    nlp = load("ner")
    pieces = [
        (
            first,
            to_model_doc(nlp, words[first : first + _CHUNK_TOKENS], spaces[first : first + _CHUNK_TOKENS]),
        )
        for first in range(0, len(words), _CHUNK_TOKENS)
    ]
    tagged = annotate(nlp, [piece for _, piece in pieces])
    found: list[tuple[int, int, str]] = []
    for (first, _), model_doc in zip(pieces, tagged, strict=True):
        for ent in model_doc.ents:
            last = first + ent.end - 1
            found.append((offsets[first + ent.start], offsets[last] + len(words[last]), ent.label_))
    return found
