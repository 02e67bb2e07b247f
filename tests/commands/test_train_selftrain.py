"""Self-training for sentiment: which unlabelled sentences the teacher labels, and the CLI around it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from somevakt.analysis.training.evaluation import predict_sentiment
from somevakt.analysis.training.norec import LabelledSentence
from somevakt.analysis.training.selftrain import SelfTraining, candidate_lines, pseudo_labelled
from somevakt.cli import main
from tests.commands.test_train import _norec, _tiny_vectors

pytestmark = pytest.mark.slow  # trains a tiny student model

PRAISE = [
    "Dette er en fantastisk film som jeg virkelig elsker og anbefaler varmt",
    "Skuespillerne er strålende og musikken er helt nydelig fra start til slutt",
    "En herlig og morsom bok som jeg gleder meg til å lese igjen",
]
PAN = [
    "Dette er den dårligste filmen jeg har sett og den er kjedelig hele veien",
    "Elendig lyd , elendig bilde og et helt håpløst manus",
    "Spillet er fullt av feil og jeg angrer på at jeg kjøpte det",
]
PLAIN = [
    "Filmen har premiere på kino i hele landet fredag",
    "Boka kom ut på forlaget i fjor høst",
]


def _text(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path


def _labelled(*pairs: tuple[str, str]) -> list[LabelledSentence]:
    return [LabelledSentence(str(i), text, label) for i, (text, label) in enumerate(pairs)]


def test_it_leaves_out_labelled_sentences_and_lines_of_odd_length(tmp_path: Path) -> None:
    text = _text(tmp_path / "t.gz", [*PRAISE, "Terningkast 5", "ord " * 80, "  ", PAN[0].upper()])
    lines = candidate_lines(text, [PAN[0].replace(" ", "  "), PRAISE[1]])
    # Headings and run-on lines are out, and so is a labelled sentence however it is spaced or cased.
    assert lines == [PRAISE[0], PRAISE[2]]


def _teacher_says(lines: list[str]) -> dict[str, tuple[str, float]]:
    """What the shipped model says of each line: its label and how sure it is."""
    out = {}
    for text, cats in zip(lines, predict_sentiment(lines, "sentiment"), strict=True):
        label = max(cats, key=cats.__getitem__)
        out[text] = (label, cats[label])
    return out


def test_the_teacher_labels_only_what_it_is_sure_of(tmp_path: Path) -> None:
    lines = PRAISE + PAN + PLAIN
    text = _text(tmp_path / "t.gz", lines)
    says = _teacher_says(lines)
    labelled = _labelled(
        ("Bra.", "Positive"), ("Bra!", "Positive"), ("Dårlig.", "Negative"), ("Den.", "Neutral")
    )
    # The praise and the plain statements are beyond doubt for any usable model.
    assert all(says[t][0] == "Positive" for t in PRAISE) and all(says[t][0] == "Neutral" for t in PLAIN)
    threshold = 0.6
    sure = pseudo_labelled(SelfTraining(text, "sentiment", threshold=threshold, ratio=10), labelled, [])
    assert {s.text: s.label for s in sure} == {t: lab for t, (lab, p) in says.items() if p >= threshold}
    # A threshold no probability reaches keeps nothing.
    assert pseudo_labelled(SelfTraining(text, "sentiment", threshold=1.01), labelled, []) == []
    # Per class at most ratio x the labelled count (2 / 1 / 1 here), the surest first.
    capped = pseudo_labelled(SelfTraining(text, "sentiment", threshold=0.0, ratio=1), labelled, [])
    for label, cap in (("Positive", 2), ("Negative", 1), ("Neutral", 1)):
        mine = sorted((p for t, (lab, p) in says.items() if lab == label), reverse=True)
        kept = [says[s.text][1] for s in capped if s.label == label]
        assert len(kept) == min(cap, len(mine)) and sorted(kept, reverse=True) == mine[:cap]


def test_it_trains_a_student_on_the_teachers_labels_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import spacy

    text = _text(tmp_path / "t.gz", PRAISE + PAN + PLAIN)
    argv = [
        "train",
        "sentiment",
        "--data",
        str(_norec(tmp_path / "norec")),
        "--work-dir",
        str(tmp_path / "w"),
    ]
    argv += ["--models-dir", str(tmp_path / "student"), "--vectors", str(_tiny_vectors(tmp_path / "vectors"))]
    argv += ["--self-train", str(text), "--teacher", "sentiment", "--max-steps", "2"]
    assert main(argv) == 0
    # The default threshold is 0.85; every line the teacher is that sure of is trained on, with its label.
    sure = {t: lab for t, (lab, p) in _teacher_says(PRAISE + PAN + PLAIN).items() if p >= 0.85}
    assert sure and f"self-training: {len(sure)} sentences labelled by sentiment" in capsys.readouterr().out
    corpus = DocBin().from_disk(tmp_path / "w" / "sentiment" / "corpus" / "train.spacy")
    labels = {d.text: max(d.cats, key=d.cats.get) for d in corpus.get_docs(spacy.blank("nb").vocab)}
    assert {t: labels[t] for t in sure} == sure
    assert not set(PRAISE + PAN + PLAIN) - set(sure) & set(labels)
    assert (tmp_path / "student" / "sentiment" / "meta.json").is_file()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--self-train", "t.gz"], "--self-train TEXT and --teacher MODEL go together"),
        (["--teacher", "sentiment"], "--self-train TEXT and --teacher MODEL go together"),
        (["--self-train", "t.gz", "--teacher", "nowhere"], "--teacher nowhere: not a model folder"),
    ],
)
def test_it_rejects_self_training_without_its_parts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    data = _norec(tmp_path / "norec")
    argv = ["train", "sentiment", "--data", str(data), "--work-dir", str(tmp_path / "w"), *extra]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_it_rejects_a_teacher_that_is_no_sentiment_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _norec(tmp_path / "norec")
    argv = ["train", "sentiment", "--data", str(data), "--work-dir", str(tmp_path / "w")]
    assert main([*argv, "--self-train", "t.gz", "--teacher", "ner"]) == 2
    assert "not a sentiment model" in capsys.readouterr().err
