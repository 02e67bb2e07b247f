"""Faster inference for the shipped spaCy models, with the same results.

Both models spend most of their time in their token-to-vector network (hash embeddings, floret
vectors, four Maxout-window layers). thinc runs that as some seventy small layers, each a Python
call with its own bookkeeping, and multiplies matrices with BLIS, which on this kind of CPU is
3–5x slower than numpy's OpenBLAS for the small matrices of a comment. For a single comment the
bookkeeping costs more than the arithmetic.

`speed_up(nlp)` changes these things, for prediction only (training never goes through it):

- every layer's `ops` multiplies with numpy (`MatmulOps`),
- a tok2vec of the architecture we train (spaCy's Tok2Vec.v2 = MultiHashEmbed.v2 with static
  vectors + MaxoutWindowEncoder.v2) runs as one numpy function (`FusedTok2Vec`) that does the same
  arithmetic in the same order, reading the layers' own weights, and remembers each distinct
  token's mixed embedding (`EmbedCache`); a batch of texts that begin or end as the last text
  encoded alone did (a comment less a few words, as `classifier.carrying_spans` makes them)
  copies that text's rows where a token cannot see the difference (`_encode_reusing`),
- the comment classifier's TextCatEnsemble head runs the same ops without thinc's layer
  machinery (`FusedTextCat`), and
- the entity recognizer's greedy decoding of a batch runs as numpy over all its texts at once
  (`BatchEntityParser`, used by `models.annotate` for batches): spaCy's C loop asks each of the
  38 moves whether it is valid, for every token of every text, and that took more time than the
  network's arithmetic (1.4 s of 1.6 s for 5,000 sentences).

A model of another architecture is left to thinc as it is. `tests/analysis/test_fast_inference.py`
checks that the outputs equal thinc's (to float32 rounding) and that entities and classes are the same.
"""

from __future__ import annotations

import mmap
import threading
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, ORTH, SENT_START
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
    parsers: dict[str, BatchEntityParser] = {}
    for name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for node in model.walk():
            node.ops = _OPS
            if _is_tok2vec(node) and FusedTok2Vec.fits(node):
                FusedTok2Vec(node).install()
                fused.append(name)
        if FusedTextCat.fits(model):
            FusedTextCat(model).install()
        if BatchEntityParser.fits(component):
            parsers[name] = BatchEntityParser(component)
    if parsers:
        _BATCH_PARSERS[nlp] = parsers
    return fused


# pipeline -> {component name: its batch decoder}; a pipeline forgotten by `models.load` goes too.
_BATCH_PARSERS: weakref.WeakKeyDictionary[Any, dict[str, BatchEntityParser]] = weakref.WeakKeyDictionary()


def batch_parser(nlp: Language, name: str) -> BatchEntityParser | None:
    """The numpy decoder `speed_up` made for the pipeline's component `name`, if any."""
    return _BATCH_PARSERS.get(nlp, {}).get(name)


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
        self._cache = EmbedCache()
        # The last text encoded alone: its mixed rows and its rows after each layer (`_encode_reusing`).
        self._reference: tuple[Any, list[Any]] | None = None

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
        _predict_with(self.model, self)

    def __call__(self, docs: Sequence[Doc]) -> list[Any]:
        lengths = [len(doc) for doc in docs]
        if not any(lengths):
            return [numpy.zeros((0, self.width), dtype="f") for _ in docs]
        mixed = self._embed([doc for doc in docs if len(doc)])
        reference = self._reference
        texts = sum(1 for n in lengths if n)
        if reference is not None and self.pad >= len(self.layers) and 1 < texts <= self.REUSE_MAX_TEXTS:
            reused = self._encode_reusing(mixed, lengths, reference)
            if reused is not None:
                return reused
        return self._encode(mixed, lengths)

    def _embed(self, docs: list[Doc]) -> Any:
        # As spaCy's StaticVectors: the table says which attribute it is keyed by (ours: LOWER).
        table = docs[0].vocab.vectors
        attrs = [*self.columns, getattr(table, "attr", ORTH)]
        features = numpy.concatenate([doc.to_array(attrs) for doc in docs]).astype("uint64")
        if EMBED_CACHE_WORDS <= 0:
            return self._mix(features, table)
        return self._cache.get(features, table, self._mix)

    def _mix(self, features: Any, table: Any) -> Any:
        """Each token's vector from its features (hash embeddings, floret vector), mixed."""
        parts = []
        for column, seed, rows in self.tables:
            keys = _OPS.hash(numpy.ascontiguousarray(features[:, column]), seed) % rows.shape[0]
            parts.append(_OPS.gather_add(rows, keys))
        keys = numpy.ascontiguousarray(features[:, -1])
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
        # A row outside the texts matters only while a text's token can still see it: after layer
        # i of n, the `n - i` rows beside the first and last text (each layer sees one row
        # further). The rows further out are not computed; the others are computed as before.
        total = X.shape[0]
        # One text of two or more tokens: every layer's rows are remembered for `_encode_reusing`
        # (with one row, numpy's product takes another path, its last bits not those of a batch).
        states: list[Any] | None = [] if len(present) == 1 and present[0] >= 2 else None
        for index, layer in enumerate(self.layers, start=1):
            margin = min(pad, len(self.layers) - index)
            lo, hi = pad - margin, total - pad + margin
            window = numpy.zeros((hi - lo, 3 * width), dtype="f")
            if lo > 0:
                window[:, :width] = X[lo - 1 : hi - 1]
            else:
                window[1:, :width] = X[lo : hi - 1]
            window[:, width : 2 * width] = X[lo:hi]
            if hi < total:
                window[:, 2 * width :] = X[lo + 1 : hi + 1]
            else:
                window[:-1, 2 * width :] = X[lo + 1 : hi]
            X[lo:hi] += _apply(layer, window)
            if states is not None:
                states.append(X.copy())
        if states is not None:
            self._reference = (mixed.copy(), states)
        out, found = [], iter(offsets)
        for n in lengths:
            if n:
                start = next(found)
                out.append(X[start : start + n])
            else:
                out.append(numpy.zeros((0, width), dtype="f"))
        return out

    # A batch is taken this way when at least this share of its rows can be copied, and only if
    # it has at most REUSE_MAX_TEXTS texts (the pieces of a comment of 80 words are about 75; a
    # worker's batch of 256 comments is not looked through for them).
    REUSE_SHARE = 0.25
    REUSE_MAX_TEXTS = 128

    def _encode_reusing(
        self, mixed: Any, lengths: list[int], reference: tuple[Any, list[Any]]
    ) -> list[Any] | None:
        """`_encode` for a batch of texts that begin or end as the last text encoded alone did
        (as the pieces left out of a comment to see which words carry a label: the comment less
        three words, less six, less a sentence): a row of layer i depends only on the mixed rows
        within i of it, so where those are the reference's own rows, the reference's row after
        layer i is copied instead of computed. None if less than REUSE_SHARE of the rows are.

        Each text is laid out alone between its pad rows, and of each layer only the rows a
        token can still reach are computed, as `_encode` does for its outermost texts; the rows
        computed go through one product per layer (two rows or more, so numpy's product takes its
        batch path and each row comes out as in `_encode`)."""
        ref_mixed, ref_states = reference
        pad, width, depth = self.pad, self.width, len(self.layers)
        n_ref = len(ref_mixed)
        present = [n for n in lengths if n]
        sizes = numpy.array(present)
        starts = numpy.cumsum([0, *present])
        # first, at once for the batch: which texts begin or end with the reference's first or last row
        begins_so = (mixed[starts[:-1]] == ref_mixed[0]).all(axis=1)
        ends_so = (mixed[starts[1:] - 1] == ref_mixed[-1]).all(axis=1)
        if (begins_so | ends_so).sum() < self.REUSE_SHARE * len(present):
            return None
        # each text's head and tail shared with the reference: how many of its first (last) rows
        # are the reference's first (last) rows, in one comparison for the whole batch
        heads = self._shared_rows(mixed, ref_mixed, starts, sizes, from_end=False)
        tails = self._shared_rows(mixed, ref_mixed, starts, sizes, from_end=True)
        if numpy.minimum(sizes, heads + tails).sum() < self.REUSE_SHARE * sizes.sum():
            return None
        # one zero row above and below, then each text between its own `pad` zero rows
        spans = sizes + 2 * pad
        begins = 1 + numpy.cumsum([0, *spans[:-1]])
        X = numpy.zeros((int(spans.sum()) + 2, width), dtype="f")
        X[_ranges(begins + pad, begins + pad + sizes)] = mixed
        shifts = n_ref - sizes
        # the rows each layer copies and computes, for all layers at once (layer by layer, text by text)
        index = numpy.arange(1, depth + 1)[:, None]
        margin = depth - index  # rows beside a text a token can still reach after this layer
        lo, hi = pad - margin, pad + sizes + margin  # each text's rows, counted from its first pad row
        # row r is the reference's if the mixed rows r - index .. r + index are
        left_end = numpy.minimum(hi, numpy.maximum(lo, pad + heads - index))
        right_start = numpy.maximum(left_end, numpy.minimum(hi, sizes + pad - tails + index))
        lo = numpy.broadcast_to(lo, left_end.shape)
        layer_begins = numpy.broadcast_to(begins, left_end.shape)
        head_to = _ranges((layer_begins + lo).ravel(), (layer_begins + left_end).ravel())
        head_from = _ranges(lo.ravel(), left_end.ravel())
        tail_to = _ranges((layer_begins + right_start).ravel(), (layer_begins + hi).ravel())
        tail_from = _ranges((right_start + shifts).ravel(), (hi + shifts).ravel())
        computed = _ranges((layer_begins + left_end).ravel(), (layer_begins + right_start).ravel())
        head_at = _layer_offsets(left_end - lo)
        tail_at = _layer_offsets(hi - right_start)
        rows_at = _layer_offsets(right_start - left_end)
        for i, layer in enumerate(self.layers):
            rows = computed[rows_at[i] : rows_at[i + 1]]
            if len(rows):
                window = numpy.concatenate((X[rows - 1], X[rows], X[rows + 1]), axis=1)
                if len(rows) == 1:
                    done = X[rows] + _apply(layer, numpy.concatenate((window, window)))[:1]
                else:
                    done = X[rows] + _apply(layer, window)
            state = ref_states[i]
            X[head_to[head_at[i] : head_at[i + 1]]] = state[head_from[head_at[i] : head_at[i + 1]]]
            X[tail_to[tail_at[i] : tail_at[i + 1]]] = state[tail_from[tail_at[i] : tail_at[i + 1]]]
            if len(rows):
                X[rows] = done
        out, found = [], iter(range(len(present)))
        for n in lengths:
            if n:
                at = int(begins[next(found)]) + pad
                out.append(X[at : at + n])
            else:
                out.append(numpy.zeros((0, width), dtype="f"))
        return out

    @staticmethod
    def _shared_rows(mixed: Any, ref_mixed: Any, starts: Any, sizes: Any, from_end: bool) -> Any:
        """For each text of a batch (its rows `mixed[starts[t]:starts[t + 1]]`), how many of its
        first rows (of its last rows, `from_end`) equal the reference's first (last) rows."""
        n_ref, total = len(ref_mixed), int(sizes.sum())
        # each row's distance from its text's first row (or last row)
        at = numpy.arange(total) - numpy.repeat(starts[:-1], sizes)
        if from_end:
            at = numpy.repeat(sizes, sizes) - 1 - at
        inside = at < n_ref
        same = numpy.zeros(total, dtype=bool)
        ref_rows = at[inside] if not from_end else n_ref - 1 - at[inside]
        same[inside] = (mixed[inside] == ref_mixed[ref_rows]).all(axis=1)
        # the first row (from the start or the end) that differs; all shared: the text's length
        # (at most the reference's, since rows past it count as differing)
        first_differing = numpy.where(same, total, at)
        shared = numpy.minimum.reduceat(first_differing, starts[:-1])
        return numpy.minimum(shared, sizes)


def _layer_offsets(counts: Any) -> list[int]:
    """Where each layer's indices begin in the concatenated ranges of a (layers, texts) table of
    range lengths (a negative length counts as none), and where the last ends."""
    return [0, *numpy.cumsum(numpy.maximum(counts, 0).sum(axis=1)).tolist()]


def _ranges(starts: Any, ends: Any) -> Any:
    """The integers of every range [starts[i], ends[i]) one after another (an empty one adds none)."""
    lengths = numpy.maximum(ends - starts, 0)
    before = numpy.cumsum(lengths) - lengths
    return numpy.arange(int(lengths.sum())) + numpy.repeat(starts - before, lengths)


def _chain_steps(node: Model, stop: Model) -> list[Model]:
    """The layers a chain applies one after another (nested chains opened), `stop` kept whole."""
    from thinc.layers.chain import forward as chain_forward

    if node is stop or node._func is not chain_forward:
        return [node]
    return [step for layer in node.layers for step in _chain_steps(layer, stop)]


class FusedTextCat:
    """spaCy's TextCatEnsemble.v2 for several labels ((bag of words | tok2vec >> attention >>
    sum >> residual Maxout + LayerNorm) >> Linear >> Logistic) without thinc's layer machinery.

    The head is a dozen small layers; thinc calls each through `Model.__call__`, `chain`,
    `concatenate` and `with_cpu`, and builds a backprop closure for each, which for one comment
    cost more than the tok2vec's arithmetic. Here the same `ops` functions run on the same arrays
    in the same order (the attention's softmax, thinc's Cython sums and maxout, numpy's mean and
    var in the LayerNorm, the same products), so the scores are equal to the bit. The bag of words
    and the tok2vec are still the layers' own (the tok2vec fused by `FusedTok2Vec` if it fits).
    """

    def __init__(self, model: Model) -> None:
        concat, output = model.layers
        self.model = model
        self.linear, cnn = concat.layers
        self.tok2vec = model.get_ref("tok2vec")
        _, _, attention, _, residual = _chain_steps(cnn, self.tok2vec)
        self.query = _OPS.reshape2f(attention.get_param("Q"), -1, 1)
        maxout = next(n for n in residual.walk() if n.name == "maxout")
        norm = next(n for n in residual.walk() if n.name == "layernorm")
        n_out, n_pieces, n_in = (maxout.get_dim(d) for d in ("nO", "nP", "nI"))
        self.maxout = (
            _OPS.reshape2f(maxout.get_param("W"), n_out * n_pieces, n_in),
            _OPS.reshape1f(maxout.get_param("b"), n_out * n_pieces),
            n_out,
            n_pieces,
        )
        self.norm = (norm.get_param("G"), norm.get_param("b"))
        linear = output.layers[0]
        self.out = (linear.get_param("W"), linear.get_param("b"))

    @staticmethod
    def fits(model: Model) -> bool:
        """Whether the network is exactly spaCy's TextCatEnsemble.v2 with a Logistic output."""
        if not model.has_ref("tok2vec") or not model.attrs.get("multi_label") or len(model.layers) != 2:
            return False
        concat, output = model.layers
        if concat.name != f"{concat.layers[0].name}|{concat.layers[-1].name}" or len(concat.layers) != 2:
            return False
        if [n.name for n in output.layers] != ["linear", "logistic"]:
            return False
        linear = concat.layers[0]
        if not linear.name.startswith("with_cpu(extract_ngrams>>") or not linear.name.endswith(
            ">>with_cpu(logistic)"
        ):
            return False
        tok2vec = model.get_ref("tok2vec")
        steps = [n.name for n in _chain_steps(concat.layers[1], tok2vec)]
        if len(steps) != 5 or _chain_steps(concat.layers[1], tok2vec)[0] is not tok2vec:
            return False
        if steps[1:] != ["list2ragged", "para-attn", "reduce_sum", "residual(maxout>>layernorm>>dropout)"]:
            return False
        residual = _chain_steps(concat.layers[1], tok2vec)[4]
        names = [n.name for n in residual.walk()]
        return names.count("maxout") == 1 and names.count("layernorm") == 1 and names.count("dropout") == 1

    def install(self) -> None:
        """Make the model's forward pass this one when predicting."""
        _predict_with(self.model, self)

    def __call__(self, docs: Sequence[Doc]) -> Any:
        ops = _OPS
        bag = self.linear.predict(docs)
        # tok2vec >> list2ragged >> para-attn >> reduce_sum, as thinc's layers compute them
        vectors = self.tok2vec.predict(docs)
        lengths = ops.asarray1i([len(x) for x in vectors])
        X = ops.flatten(vectors)
        attention = ops.softmax_sequences(ops.gemm(X, self.query), lengths)
        summed = ops.reduce_sum(X * attention, lengths)
        # residual(maxout >> layernorm >> dropout), dropout doing nothing when predicting
        W, b, n_out, n_pieces = self.maxout
        Y = ops.gemm(summed, W, trans2=True)
        Y += b
        best, _ = ops.maxout(ops.reshape3f(Y, Y.shape[0], n_out, n_pieces))
        mu = best.mean(axis=1, keepdims=True)
        var = best.var(axis=1, keepdims=True) + _LAYERNORM_EPS
        gain, shift = self.norm
        normed = (best - mu) * var ** (-1.0 / 2.0)
        scaled = normed * gain
        scaled += shift
        joined = ops.xp.hstack([bag, summed + scaled])
        W, b = self.out
        scores = ops.gemm(joined, W, trans2=True)
        scores += b
        return ops.sigmoid(scores, inplace=False)


# How many distinct tokens each fused tok2vec remembers the mixed embedding of (96 floats each).
EMBED_CACHE_WORDS = 50_000


class EmbedCache:
    """A token's mixed embedding (the first Maxout + LayerNorm over its hash embeddings and floret
    vector) is a function of its features alone, not of its neighbours: remembered by the features
    (the model's columns and the vector key), it is computed once per distinct token. In a batch of
    comments most tokens are words met before; their rows are copied, not hashed and multiplied.

    Rows computed in a smaller batch may differ from those of a larger one in the last bit of a
    float (BLAS blocks its sums by the matrix's shape), as batched and one-at-a-time results always
    have. At most EMBED_CACHE_WORDS tokens are kept; when full it starts afresh."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: dict[bytes, int] = {}
        self._store: Any = None
        self._data: Any = None

    def get(self, features: Any, table: Any, compute: Callable[[Any, Any], Any]) -> Any:
        limit = EMBED_CACHE_WORDS
        keyed = numpy.ascontiguousarray(features).view(numpy.dtype((numpy.void, 8 * features.shape[1])))
        unique, first, inverse = numpy.unique(keyed.reshape(-1), return_index=True, return_inverse=True)
        if len(unique) > limit:
            return compute(features, table)
        with self._lock:
            if self._data is not table.data or len(self._rows) + len(unique) > limit:
                self._data, self._rows, self._store = table.data, {}, None
            known = self._rows
            rows = numpy.empty(len(unique), dtype=numpy.intp)
            missing = []
            for i, key in enumerate(unique.tolist()):
                row = known.get(key)
                if row is None:
                    missing.append(i)
                else:
                    rows[i] = row
            if missing:
                fresh = compute(features[first[missing]], table)
                at = len(known)
                if self._store is None:
                    # full size at once: zero pages cost nothing until written, and growing by
                    # copying (up to 19 MB) was a 5-15 ms pause in whichever comment hit it
                    self._store = _zeros_small_pages((limit, fresh.shape[1]))
                if at + len(missing) > len(self._store):
                    grown = max(2 * len(self._store), at + len(missing))
                    store = numpy.zeros((min(grown, limit), self._store.shape[1]), dtype="f")
                    store[:at] = self._store[:at]
                    self._store = store
                self._store[at : at + len(missing)] = fresh
                keys = unique.tolist()
                for offset, i in enumerate(missing):
                    known[keys[i]] = rows[i] = at + offset
            return self._store[rows[inverse.reshape(-1)]]


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
                self._store = _zeros_small_pages((self.limit, table.data.shape[1]))  # as EmbedCache's
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


def _zeros_small_pages(shape: tuple[int, int]) -> Any:
    """A float32 array of zeros whose memory is faulted in 4 kB at a time as rows are written.

    With transparent huge pages on (Linux's default, `always`), the first row written in each
    2 MB of a large zeroed array made the kernel clear a whole huge page there and then: 5-6 ms
    of CPU inside whichever comment wrote it (seven such comments in the bench's 3,000, measured
    with PR_SET_THP_DISABLE against without). Small pages spread that over many comments."""
    size = max(1, shape[0] * shape[1]) * 4
    try:
        buffer = mmap.mmap(-1, size)
        buffer.madvise(mmap.MADV_NOHUGEPAGE)
    except (AttributeError, OSError, ValueError):  # not Linux, or no madvise: plain zeros
        return numpy.zeros(shape, dtype="f")
    return numpy.frombuffer(buffer, dtype="f").reshape(shape)


class BatchEntityParser:
    """spaCy's greedy entity recognizer (TransitionBasedParser.v2, state type `ner`, BILUO moves)
    over a batch of fresh docs, decoded with numpy one token position at a time for all texts.

    The network is spaCy's own: the same tok2vec and lower layer (`lower.predict`, the precomputed
    feature rows), the same per-state sums in the same order (first, entity-start and previous
    token's rows, then the bias), the max over pieces, the upper layer (numpy's product where
    spaCy's loop calls BLIS: the same entities on 43,254 texts of the corpus, challenge_c and
    NorNE dev, as written and lower-cased), unseen classes at the step's lowest score, the first
    best valid move. Only the bookkeeping is vectorised: every move consumes one token, so at step
    t every unfinished text is at token t.

    The validity rules are those of spaCy's BiluoPushDown for a doc without preset entities or
    sentence starts (what `models.to_model_doc` makes); any other doc, and a batch of 2 to
    MIN_BATCH - 1 texts (where the vectorised steps cost about what spaCy's C loop does), is left
    to spaCy: `__call__` returns False. One text alone is decoded with its state in Python numbers
    (`_decode_one`): 0.19 ms for a 16-word sentence against spaCy's 0.52 ms.
    """

    MIN_BATCH = 8
    _KINDS = {"B": 1, "I": 2, "L": 3, "U": 4}

    def __init__(self, component: Any) -> None:
        self.component = component
        moves = component.moves
        self.n_moves = int(moves.n_moves)
        names = [moves.get_class_name(i) for i in range(self.n_moves)]
        labels = sorted({name[2:] for name in names if len(name) > 2})
        self.label_names = labels
        # kind per class: 0 O, 1 B, 2 I, 3 L, 4 U; -1 never valid here (a move with label 0)
        kinds, label_ids = [], []
        for name in names:
            if name == "O":
                kinds.append(0)
                label_ids.append(-1)
            elif len(name) > 2:
                kinds.append(self._KINDS[name[0]])
                label_ids.append(labels.index(name[2:]))
            else:
                kinds.append(-1)
                label_ids.append(-1)
        self.kinds = numpy.array(kinds)
        self.labels = numpy.array(label_ids)
        self._penalty: Any = None

    @staticmethod
    def fits(component: Any) -> bool:
        from spacy.pipeline import EntityRecognizer

        if not isinstance(component, EntityRecognizer) or component.cfg.get("beam_width", 1) != 1:
            return False
        model = component.model
        if model.name != "parser_model" or not model.attrs.get("has_upper"):
            return False
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        if lower.name != "precomputable_affine" or upper.name != "linear":
            return False
        if lower.get_dim("nF") != 3:
            return False
        moves = component.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        return "O" in names and all(
            name == "O" or (len(name) >= 2 and name[0] in "BILU" and name[1] == "-") for name in names
        )

    def __call__(self, docs: Sequence[Doc]) -> bool:
        """Set the entities of `docs` as the component would; False (nothing done) if not ours to do."""
        if 1 < len(docs) < self.MIN_BATCH or self.component.moves.n_moves != self.n_moves:
            return False
        present = [doc for doc in docs if len(doc)]
        if not present:
            return False
        flags = numpy.concatenate([doc.to_array([ENT_IOB, SENT_START, IS_SPACE]) for doc in present])
        starts = numpy.concatenate([doc.to_array([SENT_START])[1:] for doc in present])
        if flags[:, 0].any() or (starts == 1).any():
            return False  # preset entities or sentence starts: spaCy's rules for those
        found = self._decode(present, flags[:, 2].astype(bool))
        from spacy.tokens import Span

        for doc, ents in zip(present, found, strict=True):
            doc.set_ents(
                [Span(doc, s, e, label=self.label_names[lab]) for s, e, lab in ents], default="outside"
            )
        for doc in docs:
            if not len(doc):
                doc.set_ents([], default="outside")
        return True

    def _decode(self, docs: list[Doc], space: Any) -> list[list[tuple[int, int, int]]]:
        model = self.component.model
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        tokvecs = model.get_ref("tok2vec").predict(docs)
        # (tokens + 1, 3 features, hidden, pieces), row 0 the padding; one 2-d table per feature
        rows = lower.predict(tokvecs)
        n_hidden, n_pieces = rows.shape[2], rows.shape[3]
        feature = [numpy.ascontiguousarray(rows[:, f].reshape((rows.shape[0], -1))) for f in range(3)]
        bias = lower.get_param("b").reshape(-1)
        W = upper.get_param("W")
        b = upper.get_param("b")
        unseen = sorted(model.attrs.get("unseen_classes", ()))
        if len(docs) == 1:
            return [self._decode_one(feature, bias, W, b, unseen, space, n_pieces)]
        lengths = numpy.array([len(doc) for doc in docs])
        offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
        order = numpy.argsort(-lengths, kind="stable")
        length, offset = lengths[order], offsets[order]
        n = len(docs)
        ent_start = numpy.full(n, -1)
        ent_label = numpy.zeros(n, dtype=numpy.intp)
        kinds, labels = self.kinds, self.labels
        penalty = self._penalties()
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        active = n
        for t in range(int(length[0])):
            while length[active - 1] <= t:
                active -= 1
            opened = ent_start[:active] >= 0
            row0 = offset[:active] + t + 1
            row1 = numpy.where(opened, offset[:active] + ent_start[:active] + 1, 0)
            row2 = numpy.where(opened, row0 - 1, 0)
            summed = feature[0][row0] + feature[1][row1]
            summed += feature[2][row2]
            summed += bias
            # the max over pieces (columns hidden-major, piece-minor), as spaCy's loop takes it
            pieces = summed.reshape((active, n_hidden, n_pieces))
            hidden = pieces[:, :, 0].copy()
            for piece in range(1, n_pieces):  # numpy's max over a short last axis is slow
                numpy.maximum(hidden, pieces[:, :, piece], out=hidden)
            scores = hidden @ W.T
            scores += b
            if unseen:
                scores[:, unseen] = scores.min()
            two_left = length[:active] - t >= 2
            # which moves are valid: a row of the penalty table (0 valid, -inf not) by the state
            closed_code = 2 * two_left + ~space[row0 - 1]
            code = numpy.where(opened, 4 + 2 * ent_label[:active] + two_left, closed_code)
            scores += penalty[code]
            guess = scores.argmax(axis=1)
            kind, label = kinds[guess], labels[guess]
            for i in numpy.flatnonzero(kind == 3).tolist():
                found[order[i]].append((int(ent_start[i]), t + 1, int(ent_label[i])))
            for i in numpy.flatnonzero(kind == 4).tolist():
                found[order[i]].append((t, t + 1, int(label[i])))
            begin = kind == 1
            ent_start[:active][begin] = t
            ent_label[:active][begin] = label[begin]
            ent_start[:active][kind == 3] = -1
        return found

    def _decode_one(
        self, feature: list[Any], bias: Any, W: Any, b: Any, unseen: list[int], space: Any, n_pieces: int
    ) -> list[tuple[int, int, int]]:
        """`_decode` for one text, its state in Python numbers: the same sums, in the same order.

        Most tokens are read with no entity open, and then a token's scores depend on the token
        alone: those are computed for every token at once, and only the tokens read while an
        entity is open one at a time. The product is numpy's vector-matrix one for each token in
        both (a stack of one-row products, not one matrix product: that would sum in another
        order and change the last bits)."""
        penalty = self._penalties()
        kinds, labels = self.kinds.tolist(), self.labels.tolist()
        n = len(space)
        # every token's scores with no entity open, as the loop below would compute them
        summed = feature[0][1 : n + 1] + feature[1][0]
        summed += feature[2][0]
        summed += bias
        hidden = summed[:, 0::n_pieces].copy()
        for piece in range(1, n_pieces):
            numpy.maximum(hidden, summed[:, piece::n_pieces], out=hidden)
        scores = (hidden[:, None, :] @ W.T)[:, 0, :]
        scores += b
        if unseen:
            scores[:, unseen] = scores.min(axis=1, keepdims=True)
        two_left = numpy.arange(n, 0, -1) >= 2
        scores += penalty[2 * two_left + ~space]
        closed_guess = scores.argmax(axis=1).tolist()
        found: list[tuple[int, int, int]] = []
        start, label = -1, 0
        for t in range(n):
            if start < 0:
                guess = closed_guess[t]
            else:
                summed = feature[0][t + 1] + feature[1][start + 1]
                summed += feature[2][t]
                summed += bias
                hidden = summed[0::n_pieces].copy()
                for piece in range(1, n_pieces):
                    numpy.maximum(hidden, summed[piece::n_pieces], out=hidden)
                scores = hidden @ W.T
                scores += b
                if unseen:
                    scores[unseen] = scores.min()
                scores += penalty[4 + 2 * label + (n - t >= 2)]
                guess = int(scores.argmax())
            kind = kinds[guess]
            if kind == 1:
                start, label = t, labels[guess]
            elif kind == 3:
                found.append((start, t + 1, label))
                start = -1
            elif kind == 4:
                found.append((t, t + 1, labels[guess]))
        return found

    def _penalties(self) -> Any:
        """0 where a move is valid and -inf where not, by the state's code: 0-3 no entity open
        (2 * at least two tokens left + the token is not a space), then 4 + 2 * the open
        entity's label + at least two tokens left."""
        if self._penalty is not None:
            return self._penalty
        kinds, labels = self.kinds, self.labels
        n_labels = len(self.label_names)
        table = numpy.full((4 + 2 * n_labels, len(kinds)), -numpy.inf, dtype="f")
        for two_left in (0, 1):
            for letter in (0, 1):
                valid = (
                    (kinds == 0) | ((kinds == 1) & bool(two_left and letter)) | ((kinds == 4) & bool(letter))
                )
                table[2 * two_left + letter, valid] = 0.0
            for label in range(n_labels):
                same = labels == label
                valid = ((kinds == 2) & same & bool(two_left)) | ((kinds == 3) & same)
                table[4 + 2 * label + two_left, valid] = 0.0
        self._penalty = table
        return table


def _predict_with(model: Model, predict: Callable[[Sequence[Doc]], Any]) -> None:
    """Make `model`'s forward pass `predict` when predicting; training keeps thinc's own."""
    original: Callable[..., Any] = model._func

    def forward(model: Model, docs: Sequence[Doc], is_train: bool) -> tuple[Any, Callable[..., Any]]:
        if is_train:
            return original(model, docs, is_train)
        return predict(docs), _no_backprop

    model._func = forward


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
