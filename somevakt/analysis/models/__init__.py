"""The trained spaCy pipelines shipped with the package, loaded lazily and once per process.

Each lives in a folder here (`ner/`, `sentiment/`) written by `somevakt train`. A pipeline is
applied to tokens the shared Document already has, so a text is tokenised once.
"""

from __future__ import annotations

import json
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from somevakt.analysis.base import Document

MODELS_DIR = Path(__file__).resolve().parent
# Both models use one floret table (float16 on disk, float32 in memory); each model's meta names
# the table's digest under this key, and the table itself lives once, beside the model folders.
VECTORS_FILE = "vectors.npy"
# The models read at most this much of a text (far beyond any comment or post; platforms cap
# comments at a few thousand characters), so a megabyte of text costs about a second, not a minute.
MAX_MODEL_CHARS = 20_000
MAX_WORD_CHARS = 64
VECTORS_META_KEY = "somevakt_vectors"

# Bumped whenever a shipped model is retrained; recorded with every Decision through the analysers.
# The thread pools of the numerical libraries the models multiply with (OpenMP, OpenBLAS, MKL,
# BLIS). The matrices are small, so a pool costs more CPU than it saves (its threads spin while they
# wait, and take the CPU from the web server and the database on the same machine), and a training
# run on one thread repeats to the byte. They are read once, when numpy loads: the worker, `check`,
# `bench`, `train` and the tests set them before that (this module imports no numpy).
SINGLE_THREADED: dict[str, str] = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "BLIS_NUM_THREADS": "1",
}

VERSIONS: dict[str, str] = {
    "ner": "0.2.0",
    "sentiment": "0.2.0",
    "comments": "0.9.0",
    # irony and own opinion in the municipality's replies and posts (analysis/owntext.py)
    "owntexts": "0.2.0",
    # a confidential matter of a person known from work, in texts written at work (analysis/owntext.py)
    "confidential": "0.2.0",
}


class ModelMissing(RuntimeError):
    """A shipped model folder is absent (a broken install or a checkout without models)."""


def model_path(name: str) -> Path:
    return MODELS_DIR / name


@cache
def load(name: str) -> Language:
    """A shipped model by name (`ner`, `sentiment`), or any trained model folder by path."""
    # One at a time, so that models prefetched in parallel threads still share one vocab.
    with _LOAD_LOCK:
        return _load_now(name)


def _load_now(name: str) -> Language:
    import spacy

    from somevakt.analysis.models.fast import speed_up

    path = model_path(name) if "/" not in name else Path(name)
    if not (path / "meta.json").is_file():
        raise ModelMissing(
            f"the {name} model is missing from {path}; rebuild it with `somevakt train {name}`"
        )
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    wanted = meta.get(VECTORS_META_KEY)
    # Models trained on the same vectors table beside them share one vocab: a word met by one is
    # known to the other (its lexeme is made once), and the process holds one set of strings.
    key = (path.parent.resolve(), wanted, meta.get("lang"))
    shared = _VOCABS.get(key) if wanted else None
    # The tokenizer is never used (the shared Document has tokenised already, `to_model_doc`), and
    # its thousands of special cases were a third of the load: each model gets one without rules.
    options: dict[str, Any] = {
        "exclude": ["tokenizer"],
        "config": {"nlp": {"tokenizer": {"@tokenizers": _NO_RULES}}},
    }
    if shared is not None:
        options["vocab"] = shared
    _register_tokenizer()
    with _builtin_factories_only():
        nlp = spacy.load(path, **options)
    if wanted:
        nlp.vocab.vectors.data = _shared_vectors(path.parent / VECTORS_FILE, wanted)
        _VOCABS.setdefault(key, nlp.vocab)
    speed_up(nlp)
    return nlp


_NO_RULES = "somevakt.tokenizer_without_rules.v1"


@cache
def _register_tokenizer() -> None:
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    @registry.tokenizers(_NO_RULES)
    def _without_rules() -> Callable[[Language], Tokenizer]:
        """A tokenizer that splits on spaces only: the loaded models are given words, never text."""
        return lambda nlp: Tokenizer(nlp.vocab)


@contextmanager
def _builtin_factories_only() -> Iterator[None]:
    """spaCy imports every installed package's pipeline factories (entry points) whenever it makes
    a pipeline, although ours use only its own (tok2vec, ner, textcat): with the `bench` extra that
    imports Presidio, a third of a second of every start-up. Not while our models load."""
    from spacy import util

    factories = util.registry._entry_point_factories
    before = factories.entry_points
    factories.entry_points = False
    try:
        yield
    finally:
        factories.entry_points = before


_LOAD_LOCK = threading.RLock()

# (folder, vectors digest, language) -> the vocab the models of that folder share.
_VOCABS: dict[tuple[Path, str, str | None], Any] = {}
# A long-running worker meets new words for ever, and spaCy never forgets a lexeme; past this many
# the models are loaded afresh (about a second), so memory stays bounded.
MAX_LEXEMES = 400_000


def forget_if_large(nlp: Language) -> None:
    """Drop the loaded models when their vocab has grown past MAX_LEXEMES; the next use reloads."""
    if len(nlp.vocab) > MAX_LEXEMES:
        load.cache_clear()
        _VOCABS.clear()


@cache
def _shared_vectors(path: Path, wanted: str) -> Any:
    """The floret table both models were trained with, stored once beside them as float16."""
    import hashlib

    import numpy

    if not path.is_file():
        raise ModelMissing(f"the shared vectors {path} are missing; rebuild with `somevakt train`")
    table = numpy.load(path)
    if hashlib.sha256(table.tobytes()).hexdigest()[:16] != wanted:
        raise ModelMissing(f"{path} is not the vectors table the model was trained with; retrain the model")
    return numpy.ascontiguousarray(table, dtype=numpy.float32)


def meta_version(name: str) -> str:
    """The shipped model's version string, recorded with each Decision."""
    nlp = load(name)
    return f"{nlp.meta.get('name', name)}-{nlp.meta.get('version', '0')}"


def to_model_doc(nlp: Language, words: list[str], spaces: list[bool]) -> Doc:
    """A Doc in the pipeline's own vocab (its vectors and labels live there), from existing tokens."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, spaces=spaces)


def annotate(nlp: Language, docs: Iterable[Doc]) -> list[Doc]:
    """Run every component of a pipeline over docs, batched, without tokenising."""
    from somevakt.analysis.models.fast import batch_parser

    out = list(docs)
    for name, component in nlp.pipeline:
        decode = batch_parser(nlp, name)
        if decode is not None and decode(out):
            continue  # the entity recognizer's batch, decoded at once (fast.BatchEntityParser)
        out = (
            list(component.pipe(out, batch_size=64))
            if hasattr(component, "pipe")
            else [component(d) for d in out]
        )
    forget_if_large(nlp)
    return out


def cache_of(doc: Document) -> dict[str, Any]:
    """Per-Document scratch space, so each model runs once per text however many analysers ask."""
    cache: dict[str, Any] = vars(doc).setdefault("_model_cache", {})
    return cache


@cache
def nb_tokenizer() -> Any:
    """spaCy's `nb` tokenizer, the one the models' training data was tokenised with (the loaded
    models' own split on spaces only: they are given words)."""
    import spacy

    with _builtin_factories_only():
        return spacy.blank("nb").tokenizer


def shared_tokens(doc: Document) -> Doc:
    """The Document's own tokens; until `analysis/tokenize.py` exists, the same tokenizer here."""
    try:
        return doc.tokens
    except ModuleNotFoundError as exc:
        if exc.name != "somevakt.analysis.tokenize":
            raise
    cache = cache_of(doc)
    if "tokens" not in cache:
        cache["tokens"] = nb_tokenizer()(doc.text)
    tokens: Doc = cache["tokens"]
    return tokens


@dataclass(frozen=True)
class Words:
    """The words a model sees, whether each is followed by a space, each one's start and end in
    the text, and which words begin a new line."""

    words: list[str]
    spaces: list[bool]
    starts: list[int]
    ends: list[int]
    line_starts: frozenset[int]


def words_of(doc: Document) -> Words:
    """The Document's tokens as the models see them (computed once per Document).

    Whitespace tokens (newlines, runs of spaces) and invisible characters (zero-width, direction
    marks, NUL and other controls) never occur in the training data, so the models do not see
    them: "Nordmann\x00" is given as "Nordmann", and a token of only such characters is dropped.
    Start and end bound the visible characters, so spans never begin or end on an invisible one.
    Only tokens that start within the first MAX_MODEL_CHARS characters are given.
    """
    cache = cache_of(doc)
    if "words" in cache:
        found: Words = cache["words"]
        return found
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    ends: list[int] = []
    line_starts: set[int] = set()
    newline = False
    for token in shared_tokens(doc):
        if token.idx >= MAX_MODEL_CHARS:
            break
        text = token.text
        if token.is_space:
            visible: list[int] | range = []
        elif text.isprintable() and " " not in text:
            # The common case, tested in C: every invisible character is unprintable or a space.
            visible = range(len(text))
        else:
            visible = [i for i, c in enumerate(text) if not _invisible(c)]
        if not visible:
            if spaces:
                spaces[-1] = True
            newline = newline or "\n" in text
            continue
        if newline:
            line_starts.add(len(words))
            newline = False
        word = text if len(visible) == len(text) else "".join(text[i] for i in visible)
        # No name or sentiment word is this long; the model's feature hashing need not read it all.
        words.append(word[:MAX_WORD_CHARS])
        spaces.append(bool(token.whitespace_))
        starts.append(token.idx + visible[0])
        ends.append(token.idx + visible[-1] + 1)
    cache["words"] = Words(words, spaces, starts, ends, frozenset(line_starts))
    return cache["words"]


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in _INVISIBLE or char.isspace()


# Control, format (zero-width, bidi marks), unassigned, private use, surrogates.
_INVISIBLE = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})


SENTENCE_END = frozenset(".!?…")
# Longer sentences are cut; what a model reads in them is carried by the words near each other anyway.
MAX_SENTENCE_TOKENS = 200


def sentence_ranges(w: Words) -> list[tuple[int, int]]:
    """Word ranges [first, last) of the sentences: split after . ! ? … and at line breaks."""
    bounds: list[tuple[int, int]] = []
    first = 0
    for i, word in enumerate(w.words):
        if i in w.line_starts and i > first:
            bounds.append((first, i))
            first = i
        is_end = set(word) <= SENTENCE_END
        if is_end and i == first and bounds and i not in w.line_starts:
            # "Flott!!!" ends one sentence, not three.
            bounds[-1] = (bounds[-1][0], i + 1)
            first = i + 1
        elif is_end or i + 1 - first >= MAX_SENTENCE_TOKENS:
            bounds.append((first, i + 1))
            first = i + 1
    if first < len(w.words):
        bounds.append((first, len(w.words)))
    return bounds
