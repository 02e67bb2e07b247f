"""Faster inference for the shipped spaCy models, with the same results.

Both models spend most of their time in their token-to-vector network (hash embeddings, floret
vectors, four Maxout-window layers). thinc runs that as some seventy small layers, each a Python
call with its own bookkeeping, and multiplies matrices with BLIS, which on this kind of CPU is
3–5x slower than numpy's OpenBLAS for the small matrices of a comment. For a single comment the
bookkeeping costs more than the arithmetic.

`speed_up(nlp)` changes two things, for prediction only (training never goes through it):

- every layer's `ops` multiplies with numpy (`MatmulOps`), and
- a tok2vec of the architecture we train (spaCy's Tok2Vec.v2 = MultiHashEmbed.v2 with static
  vectors + MaxoutWindowEncoder.v2) runs as one numpy function (`FusedTok2Vec`) that does the same
  arithmetic in the same order, reading the layers' own weights.

A model of another architecture is left to thinc as it is. `tests/analysis/test_fast_inference.py`
checks that the outputs equal thinc's (to float32 rounding) and that entities and classes are the same.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import ORTH
from thinc.api import NumpyOps

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from thinc.api import Model

# thinc's LayerNorm adds this to the variance.
_LAYERNORM_EPS = 1e-08


class MatmulOps(NumpyOps):
    """thinc's numpy backend, multiplying matrices with numpy (OpenBLAS) instead of BLIS."""

    name = "numpy"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


_OPS = MatmulOps()


def speed_up(nlp: Language) -> list[str]:
    """Switch a loaded pipeline to the faster inference; returns the names of the fused tok2vecs."""
    fused: list[str] = []
    for name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for node in model.walk():
            node.ops = _OPS
            if _is_tok2vec(node) and FusedTok2Vec.fits(node):
                FusedTok2Vec(node).install()
                fused.append(name)
    return fused


def _is_tok2vec(node: Model) -> bool:
    return bool(node.has_ref("embed") and node.has_ref("encode"))


class FusedTok2Vec:
    """MultiHashEmbed (hash embeddings + floret vectors, Maxout + LayerNorm to mix them) followed
    by MaxoutWindowEncoder (residual window-1 Maxout + LayerNorm layers), as plain numpy.

    The weights are read once, when installed: a model is not trained after it is loaded here.
    """

    def __init__(self, model: Model) -> None:
        embed, encode = model.get_ref("embed"), model.get_ref("encode")
        self.model = model
        self.columns = next(n for n in embed.walk() if n.name == "extract_features").attrs["columns"]
        tables = sorted((n for n in embed.walk() if n.name == "hashembed"), key=lambda n: n.attrs["column"])
        self.tables = [(n.attrs["column"], n.attrs["seed"], n.get_param("E")) for n in tables]
        static = next(n for n in embed.walk() if n.name == "static_vectors")
        self.static_w = numpy.ascontiguousarray(static.get_param("W").T)
        self.mix = _maxout_norm(embed)
        self.pad = int(encode.attrs["pad"])
        self.layers = [_maxout_norm(residual) for residual in encode.layers[0].layers]
        self.width = int(model.get_dim("nO"))

    @staticmethod
    def fits(model: Model) -> bool:
        """Whether the network is exactly the architecture this class computes."""
        embed, encode = model.get_ref("embed"), model.get_ref("encode")
        embed_names = [n.name for n in embed.walk()]
        if embed_names.count("static_vectors") != 1 or embed_names.count("maxout") != 1:
            return False
        if embed_names.count("hashembed") < 1 or embed_names.count("extract_features") != 1:
            return False
        if not encode.name.startswith("with_array(residual(") or not encode.layers:
            return False
        residuals = encode.layers[0].layers
        for residual in residuals:
            names = [n.name for n in residual.walk()]
            windows = [n for n in residual.walk() if n.name == "expand_window"]
            if not residual.name.startswith("residual(") or names.count("maxout") != 1:
                return False
            if names.count("layernorm") != 1 or len(windows) != 1:
                return False
            if windows[0].attrs["window_size"] != 1:
                return False
        return bool(residuals)

    def install(self) -> None:
        """Make the model's forward pass this one when predicting."""
        original: Callable[..., Any] = self.model._func

        def forward(model: Model, docs: Sequence[Doc], is_train: bool) -> tuple[Any, Callable[..., Any]]:
            if is_train:
                return original(model, docs, is_train)
            return self(docs), _no_backprop

        self.model._func = forward

    def __call__(self, docs: Sequence[Doc]) -> list[Any]:
        lengths = [len(doc) for doc in docs]
        if not any(lengths):
            return [numpy.zeros((0, self.width), dtype="f") for _ in docs]
        mixed = self._embed([doc for doc in docs if len(doc)])
        return self._encode(mixed, lengths)

    def _embed(self, docs: list[Doc]) -> Any:
        ids = numpy.concatenate([doc.to_array(self.columns) for doc in docs]).astype("uint64")
        if ids.ndim == 1:
            ids = ids.reshape((-1, 1))
        parts = []
        for column, seed, table in self.tables:
            keys = _OPS.hash(numpy.ascontiguousarray(ids[:, column]), seed) % table.shape[0]
            parts.append(_OPS.gather_add(table, keys))
        # As spaCy's StaticVectors: the table says which attribute it is keyed by (ours: LOWER).
        table = docs[0].vocab.vectors
        keys = numpy.concatenate([doc.to_array(getattr(table, "attr", ORTH)) for doc in docs])
        parts.append(_FLORET.get(table, keys) @ self.static_w)
        return _apply(self.mix, numpy.hstack(parts))

    def _encode(self, mixed: Any, lengths: list[int]) -> list[Any]:
        # As thinc's with_array(pad=...): every non-empty text between `pad` zero rows, so the
        # window layers never see a neighbouring text; the pad rows are computed on like any other.
        pad, width = self.pad, self.width
        present = [n for n in lengths if n]
        X = numpy.zeros((sum(present) + pad * (len(present) + 1), width), dtype="f")
        at, read, offsets = pad, 0, []
        for n in present:
            X[at : at + n] = mixed[read : read + n]
            offsets.append(at)
            at, read = at + n + pad, read + n
        for layer in self.layers:
            window = numpy.zeros((X.shape[0], 3 * width), dtype="f")
            window[1:, :width] = X[:-1]
            window[:, width : 2 * width] = X
            window[:-1, 2 * width :] = X[1:]
            X = X + _apply(layer, window)
        out, found = [], iter(offsets)
        for n in lengths:
            if n:
                start = next(found)
                out.append(X[start : start + n])
            else:
                out.append(numpy.zeros((0, width), dtype="f"))
        return out


class FloretCache:
    """Floret vectors by word, remembered: a word's vector is the sum of its character n-grams'
    rows, the same every time, and hashing the n-grams is a third of a model's time. Both models
    look up the same words in the same table, and a municipality's comments repeat their words.
    At most `limit` words are kept (100 floats each); when full it starts afresh."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._data: Any = None
        self._rows: dict[int, int] = {}
        self._store: Any = numpy.zeros((0, 0), dtype="f")

    def get(self, table: Any, keys: Any) -> Any:
        unique, inverse = numpy.unique(keys, return_inverse=True)
        if len(unique) > self.limit:
            return table.get_batch(keys)
        with self._lock:
            if self._data is not table.data or len(self._rows) + len(unique) > self.limit:
                self._data, self._rows = table.data, {}
                self._store = numpy.zeros((min(self.limit, 1024), table.data.shape[1]), dtype="f")
            rows = numpy.empty(len(unique), dtype=numpy.intp)
            missing = []
            for i, key in enumerate(unique.tolist()):
                row = self._rows.get(key)
                if row is None:
                    missing.append(i)
                else:
                    rows[i] = row
            if missing:
                first = len(self._rows)
                found = table.get_batch(unique[missing])
                if first + len(missing) > len(self._store):
                    grown = max(2 * len(self._store), first + len(missing))
                    store = numpy.zeros((min(grown, self.limit), self._store.shape[1]), dtype="f")
                    store[:first] = self._store[:first]
                    self._store = store
                self._store[first : first + len(missing)] = found
                for offset, i in enumerate(missing):
                    self._rows[int(unique[i])] = rows[i] = first + offset
            return self._store[rows[inverse.reshape(-1)]]


_FLORET = FloretCache()


def _no_backprop(_: Any) -> Any:
    raise RuntimeError("the fused tok2vec is for prediction only")


_Layer = tuple[Any, Any, Any, Any, int, int]


def _maxout_norm(parent: Model) -> _Layer:
    """The weights of the one Maxout + LayerNorm under `parent`, with each piece's outputs side by
    side (piece-major columns), so the max over pieces is an elementwise max of contiguous blocks."""
    maxout = next(n for n in parent.walk() if n.name == "maxout")
    norm = next(n for n in parent.walk() if n.name == "layernorm")
    n_out, n_pieces, n_in = (maxout.get_dim(d) for d in ("nO", "nP", "nI"))
    # thinc's W is (nO, nP, nI); ours is (nI, nP * nO) with column p * nO + o.
    W: Any = numpy.asarray(maxout.get_param("W"))
    b: Any = numpy.asarray(maxout.get_param("b"))
    weights = W.transpose((2, 1, 0)).reshape((n_in, n_pieces * n_out))
    bias = b.T.reshape((n_pieces * n_out,))
    gain, shift = norm.get_param("G"), norm.get_param("b")
    return numpy.ascontiguousarray(weights), bias.copy(), gain, shift, n_out, n_pieces


def _apply(layer: _Layer, X: Any) -> Any:
    weights, bias, gain, shift, n_out, n_pieces = layer
    Y = X @ weights
    Y += bias
    best = Y[:, :n_out].copy()
    for piece in range(1, n_pieces):
        numpy.maximum(best, Y[:, piece * n_out : (piece + 1) * n_out], out=best)
    # LayerNorm as thinc computes it (numpy's mean and var: sums divided by the width).
    mu = best.sum(axis=1, keepdims=True)
    mu /= n_out
    centred = best - mu
    var = numpy.square(centred).sum(axis=1, keepdims=True)
    var /= n_out
    var += _LAYERNORM_EPS
    centred *= var ** (-1.0 / 2.0)
    centred *= gain
    centred += shift
    return centred
