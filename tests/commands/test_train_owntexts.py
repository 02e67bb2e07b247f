"""`somevakt train owntexts`: the own-text corpus and the triage sets that are training data are
read with their labels mapped (sarcasm -> irony, political -> opinion), the sets the reply check is
measured on are refused and share no text with the training data, and the command trains a tiny
model that ships with its thresholds and the record of its build, the same to the byte twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somevakt.analysis.training import comments, owntexts
from somevakt.analysis.training.errors import DataError
from somevakt.cli import main
from tests.commands.tiny_training import trained_twice_alike, write_jsonl

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TRIAGE = [CORPUS / "own" / name for name in owntexts.TRIAGE_TRAINING]
# The sets the reply check is measured on (docs/models.md, *The own-text classifier*).
MEASURED = ["own_texts_dev2.jsonl", "own_texts_probe10.jsonl", "own_texts_dev3.jsonl"]


def _key(text: str) -> str:
    return comments._FOLD.sub(" ", text.lower()).strip() or text.strip()


def test_it_reads_the_repository_own_texts_with_both_labels_in_both_splits() -> None:
    files = owntexts.corpus_files(CORPUS / "comments")
    assert [p.name for p in files][:2] == ["voices_own_texts.jsonl", "voices_own_texts_2.jsonl"]
    items = owntexts.read_training(CORPUS / "comments", TRIAGE)
    assert all(c.labels <= set(owntexts.LABELS) for c in items)
    splits = owntexts.split(items)
    for name in ("train", "dev"):
        present = {label for c in splits[name] for label in c.labels}
        assert present == set(owntexts.LABELS), name
    assert len(splits["train"]) > 5 * len(splits["dev"]) > 0


def test_it_maps_the_corpus_labels_and_leaves_every_other_text_a_negative(tmp_path: Path) -> None:
    rows = [
        {"text": "Takk for den utrolig nyttige tilbakemeldingen 🙄", "labels": ["sarcasm"]},
        {"text": "Personlig mener jeg at skolen bør bestå.", "labels": ["political"]},
        {"text": "Jeg knuser dere alle på bowlingen i kveld!", "labels": ["threat"]},
        {"text": "Saken behandles i kommunestyret 12. mai.", "labels": []},
    ]
    (tmp_path / "voices_own_texts_x.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    (tmp_path / "citizens.jsonl").write_text('{"text": "Dere er noen idioter", "labels": ["insult"]}\n')
    read = owntexts.read_corpus(tmp_path)
    assert [sorted(c.labels) for c in read] == [["irony"], ["opinion"], [], []]


def test_it_reads_only_the_replies_and_posts_of_a_triage_set() -> None:
    read = owntexts.read_triage(TRIAGE[0])
    rows = [json.loads(line) for line in TRIAGE[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    public = [r for r in rows if r["kind"] in ("reply", "post")]
    assert len(read) == len(public) < len(rows)
    ironic = sum(1 for r in public if "style.irony" in r.get("codes", []))
    assert sum(1 for c in read if "irony" in c.labels) == ironic > 0


@pytest.mark.parametrize("name", MEASURED)
def test_it_refuses_the_sets_it_is_measured_on_as_training_data(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = CORPUS / "own" / name
    with pytest.raises(DataError, match="not an own-text set for training"):
        owntexts.read_triage(path)
    assert main(["train", "owntexts", "--data", str(CORPUS / "comments"), "--also-triage", str(path)]) == 2
    assert "not an own-text set for training" in capsys.readouterr().err


def test_it_keeps_the_measured_sets_apart_from_the_training_data() -> None:
    training = {_key(c.text) for c in owntexts.read_training(CORPUS / "comments", TRIAGE)}
    files = [CORPUS / "own" / name for name in MEASURED] + [CORPUS / "challenge" / "challenge_c.jsonl"]
    checked = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                assert _key(row["text"]) not in training, (path.name, row["id"])
                checked += 1
    assert checked > 800


IRONIC = [
    "Takk for den utrolig nyttige tilbakemeldingen nummer {i} 🙄",
    "Ja, for det er jo så vanskelig å lese {i} sider",
]
OPINION = [
    "Personlig mener jeg at skole nummer {i} bør bestå",
    "Vi i administrasjonen synes vedtak {i} var feil",
]
PLAIN = [
    "Takk for at du sa ifra om lys nummer {i}, vi ordner det",
    "Saken behandles i kommunestyret {i}. mai",
]


def _tiny_corpus(root: Path) -> Path:
    rows = []
    for i in range(30):
        rows += [{"text": t.format(i=i), "labels": ["sarcasm"]} for t in IRONIC]
        rows += [{"text": t.format(i=i), "labels": ["political"]} for t in OPINION]
        rows += [{"text": t.format(i=i), "labels": []} for t in PLAIN]
    return write_jsonl(root / "corpus", "voices_own_texts_tiny.jsonl", rows)


def test_the_command_trains_a_tiny_model_the_same_to_the_byte_twice(tmp_path: Path) -> None:
    first, meta = trained_twice_alike(tmp_path, "owntexts", _tiny_corpus(tmp_path))

    from somevakt.analysis import owntext
    from somevakt.analysis.base import Document
    from somevakt.analysis.models import VERSIONS
    from somevakt.analysis.training.build import TRAINING_META_KEY

    assert meta["version"] == VERSIONS["owntexts"]
    assert set(meta[owntext.THRESHOLDS_META_KEY]) == set(owntext.LABELS)
    assert meta[TRAINING_META_KEY]["seed"] == 1 and meta[TRAINING_META_KEY]["data"]
    assert not (first.parent / "vectors.npy").exists()  # a bag of words reads no vectors
    judged = owntext.judgement(
        Document("Takk for den utrolig nyttige tilbakemeldingen nummer 99 🙄", "reply"), str(first)
    )
    assert judged is not None and set(judged.scores) == {"irony", "opinion"}
