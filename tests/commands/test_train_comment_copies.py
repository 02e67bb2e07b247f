"""Training data for the comment classifier: threats and group hate get a second changed copy."""

from __future__ import annotations

import json
from pathlib import Path

from somevakt.analysis.training import comments
from somevakt.analysis.training.build import EXTRA_COPY_LABELS, TrainOptions, convert_comments


def _train_texts(corpus_dir: Path) -> list[tuple[str, dict[str, float]]]:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("nb")
    return [(d.text, d.cats) for d in DocBin().from_disk(corpus_dir / "train.spacy").get_docs(nlp.vocab)]


def test_threats_and_hate_get_more_changed_copies_than_other_labels(tmp_path: Path) -> None:
    assert {"threat", "hate"} <= EXTRA_COPY_LABELS
    data = tmp_path / "corpus"
    data.mkdir()
    rows = [
        {"text": f"Jeg vet hvor du bor, saksbehandler nummer {i}. Pass deg.", "labels": ["threat"]}
        for i in range(60)
    ] + [
        {"text": f"Veien til hytte nummer {i} er ikke brøytet enda.", "labels": ["complaint"]}
        for i in range(60)
    ]
    (data / "c.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    split = comments.split(comments.read_corpus(data))["train"]
    originals = {label: sum(1 for c in split if label in c.labels) for label in ("threat", "complaint")}

    convert_comments(TrainOptions(data=data, work_dir=tmp_path / "w"), tmp_path / "out")

    train = _train_texts(tmp_path / "out")
    per_original = {
        label: sum(1 for _, cats in train if cats.get(label) == 1.0) / originals[label]
        for label in ("threat", "complaint")
    }
    # every original once, about one changed copy each, and for threats about one more
    assert 1.5 < per_original["complaint"] < 2.2
    assert per_original["threat"] > per_original["complaint"] + 0.6
    texts = [t for t, cats in train if cats.get("threat") == 1.0]
    assert len(set(texts)) > 0.8 * len(texts)  # changed copies, not the same text again
