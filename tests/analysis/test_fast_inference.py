"""The faster inference (`analysis/models/fast.py`) gives what spaCy/thinc give, only sooner."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
import spacy
from thinc.api import NumpyOps

from somevakt.analysis import models
from somevakt.analysis.base import Document
from somevakt.analysis.models import VECTORS_FILE, VECTORS_META_KEY, load, to_model_doc, words_of
from somevakt.analysis.models.fast import FusedTok2Vec, MatmulOps, speed_up

pytestmark = pytest.mark.slow  # loads the spaCy models and their fast twins

DEMO = Path(models.__file__).resolve().parents[2] / "demo" / "comments.jsonl"

# Our own sentences of the kinds a municipality gets, plus the awkward shapes: one word, emoji only,
# upper case, a long run-on text, numbers, a line break, nynorsk.
TEXTS = [
    "Takk til Kari Nordmann og alle på Gausdal sjukeheim for en fantastisk innsats!",
    "Hvorfor er ikke veien til Follebu brøytet ennå? Dette er helt uforsvarlig.",
    "ok",
    "🙂🙂🙂",
    "SKANDALE AT KOMMUNESTYRET STEMTE FOR NEDLEGGING",
    "Kva tid opnar symjehallen i Elnesvågen att?\nEg har venta lenge.",
    "Ring meg på 912 34 567, spør etter Ola.",
    " ".join(["Saken om skolen i Båtsfjord er viktig for alle"] * 60),
]


def _texts() -> list[str]:
    demo = [json.loads(line)["text"] for line in DEMO.read_text(encoding="utf-8").splitlines() if line]
    return TEXTS + demo


def _plain(name: str) -> spacy.language.Language:
    """The shipped model as spaCy loads it, without our speed-up: the reference."""
    path = models.model_path(name)
    nlp = spacy.load(path)
    digest = nlp.meta[VECTORS_META_KEY]
    nlp.vocab.vectors.data = models._shared_vectors(path.parent / VECTORS_FILE, digest)
    return nlp


def _model_docs(nlp: spacy.language.Language, texts: list[str]) -> list[spacy.tokens.Doc]:
    out = []
    for text in texts:
        w = words_of(Document(text))
        out.append(to_model_doc(nlp, w.words, w.spaces))
    return out


@pytest.mark.parametrize(
    ("name", "tok2vec_of"),
    [
        ("ner", lambda nlp: nlp.get_pipe("tok2vec").model),
        ("sentiment", lambda nlp: nlp.get_pipe("textcat").model.get_ref("tok2vec")),
    ],
)
def test_it_computes_the_token_vectors_thinc_computes(name, tok2vec_of) -> None:
    plain = _plain(name)
    reference_model = tok2vec_of(plain)
    fused = FusedTok2Vec(reference_model)
    texts = _texts()
    docs = _model_docs(plain, texts)
    docs.insert(2, to_model_doc(plain, [], []))  # an empty text inside a batch
    expected = reference_model.predict([d for d in docs if len(d)])
    got = [y for y in fused(docs) if len(y)]
    assert len(got) == len(expected)
    for want, have in zip(expected, got, strict=True):
        assert have.shape == want.shape
        numpy.testing.assert_allclose(have, want, atol=1e-4)
    # One text at a time gives the same as in a batch (no text sees its neighbour).
    one = fused([docs[0]])[0]
    numpy.testing.assert_allclose(one, got[0], atol=1e-5)
    assert fused([to_model_doc(plain, [], [])])[0].shape == (0, fused.width)


def test_it_finds_the_same_names_and_tones_as_plain_spacy() -> None:
    texts = _texts()
    plain_ner, plain_sentiment = _plain("ner"), _plain("sentiment")
    fast_ner, fast_sentiment = load("ner"), load("sentiment")
    for text in texts:
        want = [(e.start, e.end, e.label_) for e in plain_ner(_model_docs(plain_ner, [text])[0]).ents]
        have = models.annotate(fast_ner, _model_docs(fast_ner, [text]))[0]
        assert [(e.start, e.end, e.label_) for e in have.ents] == want, text
        want_cats = plain_sentiment(_model_docs(plain_sentiment, [text])[0]).cats
        have_cats = models.annotate(fast_sentiment, _model_docs(fast_sentiment, [text]))[0].cats
        for label, score in want_cats.items():
            assert have_cats[label] == pytest.approx(score, abs=1e-4), text


def test_it_fuses_the_tok2vec_of_both_shipped_models() -> None:
    assert speed_up(_plain("ner")) == ["tok2vec"]
    assert speed_up(_plain("sentiment")) == ["textcat"]


def test_it_leaves_another_architecture_to_thinc() -> None:
    nlp = spacy.blank("nb")
    nlp.add_pipe("tok2vec")  # spaCy's default: no static vectors, so not ours to fuse
    nlp.initialize()
    before = nlp.get_pipe("tok2vec").model.predict([nlp("Hei på deg")])[0]
    assert speed_up(nlp) == []
    after = nlp.get_pipe("tok2vec").model.predict([nlp("Hei på deg")])[0]
    numpy.testing.assert_allclose(after, before, atol=1e-5)


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True), (True, True)])
def test_it_multiplies_matrices_as_thinc_does(trans1, trans2) -> None:
    rng = numpy.random.default_rng(7)
    m, k, n = 7, 5, 3
    x = rng.standard_normal((k, m) if trans1 else (m, k)).astype("f")
    y = rng.standard_normal((n, k) if trans2 else (k, n)).astype("f")
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    numpy.testing.assert_allclose(MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2), want, rtol=1e-5)
    out = numpy.empty_like(want)
    assert MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, want, rtol=1e-5)


def test_it_shares_one_vocab_between_the_shipped_models() -> None:
    assert load("ner").vocab is load("sentiment").vocab
    assert load("ner").vocab.vectors.data is load("sentiment").vocab.vectors.data


def test_it_reloads_the_models_when_their_vocab_has_grown_too_large(monkeypatch) -> None:
    text = "Takk til Kari Nordmann for hjelpen med søknaden"
    before = load("ner")
    want = [(e.start, e.end, e.label_) for e in models.annotate(before, _model_docs(before, [text]))[0].ents]
    monkeypatch.setattr(models, "MAX_LEXEMES", 10)
    models.annotate(before, _model_docs(before, ["noen helt nye ord her"]))
    monkeypatch.setattr(models, "MAX_LEXEMES", 400_000)
    after = load("ner")
    assert after is not before
    got = [(e.start, e.end, e.label_) for e in models.annotate(after, _model_docs(after, [text]))[0].ents]
    assert got == want
    assert load("sentiment").vocab is after.vocab


def test_it_may_skip_the_character_scan_for_printable_words() -> None:
    """`words_of` trusts `str.isprintable()` for words without a space: that holds only if no
    character the models must not see is printable."""
    import sys

    from somevakt.analysis.models import _invisible

    leaks = [c for c in map(chr, range(sys.maxunicode + 1)) if c != " " and c.isprintable() and _invisible(c)]
    assert leaks == []


def test_it_remembers_floret_vectors_exactly_and_stays_bounded() -> None:
    from somevakt.analysis.models.fast import FloretCache

    table = load("ner").vocab.vectors
    strings = load("ner").vocab.strings
    words = [f"ord{i}" for i in range(30)] + ["kommune", "kommune", "skole"]
    keys = numpy.array([strings.add(w.lower()) for w in words], dtype="uint64")
    cache = FloretCache(limit=40)
    first = cache.get(table, keys)
    numpy.testing.assert_array_equal(first, table.get_batch(keys))
    numpy.testing.assert_array_equal(cache.get(table, keys[::-1]), table.get_batch(keys[::-1]))
    more = numpy.array([strings.add(f"nytt{i}") for i in range(25)], dtype="uint64")
    numpy.testing.assert_array_equal(cache.get(table, more), table.get_batch(more))  # started afresh
    huge = numpy.array([strings.add(f"stort{i}") for i in range(60)], dtype="uint64")
    numpy.testing.assert_array_equal(cache.get(table, huge), table.get_batch(huge))  # past the limit


def _spacy_entities(nlp: spacy.language.Language, docs: list[spacy.tokens.Doc]) -> list[list[tuple]]:
    out = list(nlp.get_pipe("tok2vec").pipe(docs))
    out = list(nlp.get_pipe("ner").pipe(out))
    return [[(e.start, e.end, e.label_) for e in d.ents] + [t.ent_iob_ for t in d] for d in out]


def test_the_batch_entity_decoder_finds_what_spacys_decoder_finds() -> None:
    from somevakt.analysis.models.fast import batch_parser

    nlp = load("ner")
    decode = batch_parser(nlp, "ner")
    assert decode is not None
    texts = _texts()
    texts += [t.lower() for t in texts] + [t.upper() for t in TEXTS]
    want = _spacy_entities(nlp, _model_docs(nlp, texts))
    docs = list(nlp.get_pipe("tok2vec").pipe(_model_docs(nlp, texts)))
    empty = to_model_doc(nlp, [], [])
    assert decode([*docs[:5], empty, *docs[5:]])
    have = [[(e.start, e.end, e.label_) for e in d.ents] + [t.ent_iob_ for t in d] for d in docs]
    assert have == want
    assert sum(len(d.ents) for d in docs) > 20  # names were there to find
    assert list(empty.ents) == []
    # One text alone (its own decoding loop) gives the same.
    alone = list(nlp.get_pipe("tok2vec").pipe(_model_docs(nlp, texts)))
    for doc in alone:
        assert decode([doc])
    assert [[(e.start, e.end, e.label_) for e in d.ents] + [t.ent_iob_ for t in d] for d in alone] == want
    # The pipeline's own batch path takes it, with the same result.
    via_annotate = models.annotate(nlp, _model_docs(nlp, texts))
    assert [
        [(e.start, e.end, e.label_) for e in d.ents] + [t.ent_iob_ for t in d] for d in via_annotate
    ] == want


def test_the_batch_entity_decoder_leaves_small_batches_and_preset_entities_to_spacy() -> None:
    from spacy.tokens import Span

    from somevakt.analysis.models.fast import batch_parser

    nlp = load("ner")
    decode = batch_parser(nlp, "ner")
    assert decode is not None
    docs = list(nlp.get_pipe("tok2vec").pipe(_model_docs(nlp, _texts())))
    assert not decode(docs[: decode.MIN_BATCH - 1])
    assert not decode(docs[:2])
    docs[0].set_ents([Span(docs[0], 0, 1, label="ORG")])
    assert not decode(docs)
    assert [e.label_ for e in docs[0].ents] == ["ORG"]


def test_the_batch_entity_decoder_is_only_for_the_greedy_biluo_recognizer() -> None:
    from somevakt.analysis.models.fast import BatchEntityParser

    assert BatchEntityParser.fits(load("ner").get_pipe("ner"))
    assert not BatchEntityParser.fits(load("sentiment").get_pipe("textcat"))
    nlp = spacy.blank("nb")
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": 8,
                "maxout_pieces": 2,
                "use_upper": False,
            }
        },
    )
    nlp.get_pipe("ner").add_label("PER")
    nlp.initialize()
    assert not BatchEntityParser.fits(nlp.get_pipe("ner"))  # no upper layer


def test_remembered_token_embeddings_give_the_token_vectors_computed_afresh(monkeypatch) -> None:
    from somevakt.analysis.models import fast

    plain = _plain("ner")
    texts = _texts()
    docs = _model_docs(plain, texts + [t.lower() for t in texts])
    monkeypatch.setattr(fast, "EMBED_CACHE_WORDS", 0)
    afresh = FusedTok2Vec(plain.get_pipe("tok2vec").model)
    want = afresh(docs)
    monkeypatch.setattr(fast, "EMBED_CACHE_WORDS", 50_000)
    cached = FusedTok2Vec(plain.get_pipe("tok2vec").model)
    for batch in (docs[:3], docs, docs[::-1][:10], docs):  # cold, partly warm, warm
        got = cached(batch)
        for have, expected in zip(got, [want[docs.index(d)] for d in batch], strict=True):
            numpy.testing.assert_allclose(have, expected, atol=1e-5)
    # Bounded: past the limit it starts afresh, with the same vectors.
    monkeypatch.setattr(fast, "EMBED_CACHE_WORDS", 40)
    small = FusedTok2Vec(plain.get_pipe("tok2vec").model)
    for batch in (docs[:2], docs[2:4], docs):
        for have, expected in zip(small(batch), [want[docs.index(d)] for d in batch], strict=True):
            numpy.testing.assert_allclose(have, expected, atol=1e-5)
        assert len(small._cache._rows) <= 40


def _leave_outs(nlp: spacy.language.Language, text: str) -> tuple[spacy.tokens.Doc, list[spacy.tokens.Doc]]:
    """A text's model doc, and the docs of the text less each run of three words (as
    `classifier.carrying_spans` makes them), less the first word and less the last."""
    w = words_of(Document(text))
    n = len(w.words)
    pieces = [(i, min(i + 3, n)) for i in range(0, max(n - 3, 0) + 1, 2)] + [(0, 1), (n - 1, n)]
    docs = [to_model_doc(nlp, w.words[:a] + w.words[b:], w.spaces[:a] + w.spaces[b:]) for a, b in pieces]
    return to_model_doc(nlp, w.words, w.spaces), [d for d in docs if len(d)]


def test_the_fused_comment_classifier_scores_as_thinc_does_to_the_bit() -> None:
    from thinc.layers.chain import forward as thincs_chain

    from somevakt.analysis.models.fast import FusedTextCat

    fast = load("comments")
    model = fast.get_pipe("textcat_multilabel").model
    assert FusedTextCat.fits(model)
    assert not FusedTextCat.fits(load("sentiment").get_pipe("textcat").model)  # one label of several: softmax
    assert not FusedTextCat.fits(load("ner").get_pipe("ner").model)
    fused = FusedTextCat(model)
    texts = _texts()
    docs = _model_docs(fast, texts)
    # the same layers (numpy's products, the fused tok2vec) through thinc's own chain
    want = thincs_chain(model, docs, False)[0]
    assert numpy.array_equal(fused(docs), want)
    for doc in docs[:6]:
        assert numpy.array_equal(fused([doc]), thincs_chain(model, [doc], False)[0])
    # and plain spaCy (BLIS, thinc's tok2vec) to float rounding, with the same labels said
    plain = _plain("comments")
    plain_docs = _model_docs(plain, texts)
    expected = plain.get_pipe("textcat_multilabel").model.predict(plain_docs)
    numpy.testing.assert_allclose(model.predict(docs), expected, atol=1e-5)
    annotated = models.annotate(fast, _model_docs(fast, texts))
    for text, doc in zip(texts, annotated, strict=True):
        want_cats = plain(_model_docs(plain, [text])[0]).cats
        assert {k: v >= 0.5 for k, v in doc.cats.items()} == {k: v >= 0.5 for k, v in want_cats.items()}, text


def test_texts_sharing_a_beginning_or_end_with_the_last_text_reuse_its_rows(monkeypatch) -> None:
    from somevakt.analysis.models import fast

    plain = _plain("comments")
    tok2vec = plain.get_pipe("textcat_multilabel").model.get_ref("tok2vec")
    afresh, reusing = FusedTok2Vec(tok2vec), FusedTok2Vec(tok2vec)
    checked = 0
    for text in _texts():
        base, docs = _leave_outs(plain, text)
        if len(base) < 3 or len(docs) < 2:
            continue
        reusing([base])
        assert reusing._reference is not None
        computed = []
        original = fast._apply
        monkeypatch.setattr(fast, "_apply", lambda layer, X: computed.append(len(X)) or original(layer, X))
        got = reusing(docs)
        monkeypatch.setattr(fast, "_apply", original)
        want = afresh(docs)
        # Within float rounding, not to the bit: whether a matrix product gives a row the same bits
        # for any number of rows depends on the BLAS kernels of the CPU (equal on session 10's
        # machine, a few ulps apart on an AMD EPYC of session 12).
        for have, expected in zip(got, want, strict=True):
            numpy.testing.assert_allclose(have, expected, rtol=1e-5, atol=1e-5, err_msg=text)
        # afresh, each of the 4 layers computes every token's row (and pad rows): here far fewer
        if len(base) >= 8 and len(docs) <= FusedTok2Vec.REUSE_MAX_TEXTS:
            assert sum(computed[-4:]) < 3 * sum(len(d) for d in docs), text
        elif len(docs) > FusedTok2Vec.REUSE_MAX_TEXTS:  # a large batch is not looked through
            assert sum(computed[-4:]) >= 4 * sum(len(d) for d in docs), text
        checked += 1
    assert checked >= 5
    # a batch of other texts is encoded as before, nothing taken from the reference
    others = _model_docs(plain, ["Helt andre ord her i dag", "Og enda noen ord om brøyting"])
    assert (
        reusing._encode_reusing(reusing._embed(others), [len(d) for d in others], reusing._reference) is None
    )
    for have, expected in zip(reusing(others), afresh(others), strict=True):
        assert numpy.array_equal(have, expected)


def test_the_words_carrying_a_label_are_the_same_with_reused_rows(monkeypatch) -> None:
    from somevakt.analysis import classifier
    from somevakt.analysis.models import fast

    texts = [
        "Dere burde passe dere, jeg vet hvor saksbehandleren bor og når hun går hjem.",
        "Du er en idiot og en løgner, ordføreren, og alle vet det i denne bygda.",
        "Takk for svaret. Men dere er noen udugelige tullinger hele gjengen på rådhuset.",
    ]
    labels = list(load("comments").get_pipe("textcat_multilabel").labels)
    found = {}
    for share in (2.0, fast.FusedTok2Vec.REUSE_SHARE):  # never, then as shipped
        monkeypatch.setattr(fast.FusedTok2Vec, "REUSE_SHARE", share)
        found[share] = [classifier.carrying_spans(Document(text), labels) for text in texts]
    assert found[2.0] == found[fast.FusedTok2Vec.REUSE_SHARE]


def test_ranges_are_laid_end_to_end() -> None:
    from somevakt.analysis.models.fast import _ranges

    got = _ranges(numpy.array([2, 5, 9, 0]), numpy.array([4, 5, 12, 1]))
    assert got.tolist() == [2, 3, 9, 10, 11, 0]
    assert _ranges(numpy.array([3]), numpy.array([1])).tolist() == []
