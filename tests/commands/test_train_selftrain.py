"""Self-training for sentiment: which unlabelled sentences the teacher labels, and the CLI around it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from somevakt.analysis.training.norec import LabelledSentence
from somevakt.analysis.training.selftrain import SelfTraining, candidate_lines, pseudo_labelled
from somevakt.cli import main
from tests.commands.test_train import _tiny_vectors

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


def test_the_shipped_teacher_labels_only_what_it_is_sure_of(tmp_path: Path) -> None:
    text = _text(tmp_path / "t.gz", PRAISE + PAN + PLAIN)
    labelled = _labelled(
        ("Bra.", "Positive"), ("Bra!", "Positive"), ("Dårlig.", "Negative"), ("Den.", "Neutral")
    )
    sure = pseudo_labelled(SelfTraining(text, "sentiment", threshold=0.6, ratio=10), labelled, [])
    expected = {t: "Positive" for t in PRAISE} | {t: "Negative" for t in PAN} | {t: "Neutral" for t in PLAIN}
    assert {s.text: s.label for s in sure} == expected
    # A threshold no probability reaches keeps nothing.
    assert pseudo_labelled(SelfTraining(text, "sentiment", threshold=1.01), labelled, []) == []
    # Per class at most ratio x the labelled count (2 / 1 / 1 here), the most confident first.
    capped = pseudo_labelled(SelfTraining(text, "sentiment", threshold=0.6, ratio=1), labelled, [])
    assert {s.text for s in capped} == {PRAISE[1], PRAISE[2], PAN[0], PLAIN[0]}


def _norec(root: Path) -> Path:
    root.mkdir()
    items = [
        {"sent_id": str(i), "text": t, "label": lab}
        for i, (t, lab) in enumerate(
            [
                ("Fantastisk bra!", "Positive"),
                ("Elendig og dårlig.", "Negative"),
                ("Den åpner ti.", "Neutral"),
            ]
            * 3
        )
    ]
    for split in ("train", "dev"):
        (root / f"{split}.json").write_text(json.dumps(items), encoding="utf-8")
    return root


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
    # The shipped teacher is at least 0.85 sure of three of the lines (see the test above).
    assert "self-training: 3 sentences labelled by sentiment" in capsys.readouterr().out
    corpus = DocBin().from_disk(tmp_path / "w" / "sentiment" / "corpus" / "train.spacy")
    labels = {d.text: max(d.cats, key=d.cats.get) for d in corpus.get_docs(spacy.blank("nb").vocab)}
    assert labels[PRAISE[1]] == labels[PRAISE[2]] == "Positive" and labels[PLAIN[0]] == "Neutral"
    assert PAN[0] not in labels
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
