"""`somevakt train confidential`: the texts written at work are read from the corpus, the own-text
triage sets and the challenge files that are training data, with `confidential.case_details` as the
label and every other text of those kinds a negative; comments are left out; the sets it is chosen
and measured on are refused and share no text with the training data; and the command trains a tiny
model that ships with its threshold and the record of its build, the same to the byte twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somevakt.analysis.training import comments, confidential, owntexts
from somevakt.analysis.training.errors import DataError
from somevakt.cli import main
from tests.commands.tiny_training import trained_twice_alike, write_jsonl

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TRIAGE = [CORPUS / "own" / name for name in owntexts.TRIAGE_TRAINING]
CHALLENGE = [CORPUS / "challenge" / name for name in comments.CHALLENGE_TRAINING]
# The sets the confidential floor is chosen on, and the held-out ones (docs/models.md).
MEASURED_OWN = ["own_texts_dev2.jsonl", "own_texts_dev3.jsonl", "confidential_probe.jsonl"]
CODE = "confidential.case_details"
MEASURED_CHALLENGE = [f"challenge_{x}.jsonl" for x in "dnopuvwxyz"]


def _key(text: str) -> str:
    return comments._FOLD.sub(" ", text.lower()).strip() or text.strip()


def test_it_reads_the_repository_sources_with_the_label_in_both_splits() -> None:
    items = confidential.read_training(CORPUS / "confidential", TRIAGE, CHALLENGE)
    splits = confidential.split(items)
    for name in ("train", "dev"):
        positives = sum(1 for c in splits[name] if c.labels)
        assert 0 < positives < len(splits[name]), name
    assert len(splits["train"]) > 5 * len(splits["dev"]) > 0


def test_it_reads_only_texts_written_at_work_and_maps_the_code(tmp_path: Path) -> None:
    rows = [
        {
            "text": "En av elevene mine kommer uten mat hver dag.",
            "kind": "private",
            "codes": ["confidential.case_details"],
        },
        {"text": "Vi kan ikke svare på enkeltsaker her. Ring oss.", "kind": "reply", "codes": []},
        {
            "text": "Barnet i blokka vår blir slått.",
            "kind": "comment",
            "codes": ["confidential.case_details"],
        },
        {"text": "Uten koder", "kind": "post"},
    ]
    path = tmp_path / "coded.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    read = confidential.read_coded(path)
    assert [(c.text[:10], sorted(c.labels)) for c in read] == [
        ("En av elev", ["confidential"]),
        ("Vi kan ikk", []),
    ]


def test_a_malformed_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"text": "Hei", "kind": "reply", "codes": "confidential.case_details"}\n', encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"bad\.jsonl:1"):
        confidential.read_coded(path)


@pytest.mark.parametrize("name", MEASURED_OWN)
def test_it_refuses_the_own_text_sets_it_is_chosen_on(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "own" / name
    with pytest.raises(DataError, match="not an own-text set for training"):
        confidential.read_training(CORPUS / "confidential", [path])
    argv = ["train", "confidential", "--data", str(CORPUS / "confidential"), "--also-triage", str(path)]
    assert main(argv) == 2
    assert "not an own-text set for training" in capsys.readouterr().err


@pytest.mark.parametrize("name", MEASURED_CHALLENGE)
def test_it_refuses_the_challenge_sets_it_is_chosen_or_measured_on(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = CORPUS / "challenge" / name
    with pytest.raises(DataError, match="not a challenge file for training"):
        confidential.read_training(CORPUS / "confidential", (), [path])
    argv = ["train", "confidential", "--data", str(CORPUS / "confidential"), "--also-challenge", str(path)]
    assert main(argv) == 2
    assert "not a challenge file for training" in capsys.readouterr().err


def test_it_keeps_the_measured_sets_apart_from_the_training_data() -> None:
    training = {_key(c.text) for c in confidential.read_training(CORPUS / "confidential", TRIAGE, CHALLENGE)}
    files = [CORPUS / "own" / name for name in MEASURED_OWN] + [
        CORPUS / "challenge" / name for name in MEASURED_CHALLENGE
    ]
    checked = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("kind", "comment") in confidential.KINDS:
                    assert _key(row["text"]) not in training, (path.name, row["id"])
                    checked += 1
    assert checked > 1000


TOLD = [
    "En av brukerne mine på avdeling {i} har sluttet å spise",
    "Gutten i klasse {i} kom uten matpakke igjen i dag",
]
PLAIN = [
    "Vi kan ikke svare på enkeltsaker her, ring oss på sentralbord {i}",
    "Kommunen hadde {i} bekymringsmeldinger i fjor",
]


def _tiny_corpus(root: Path) -> Path:
    rows = []
    for i in range(30):
        rows += [{"text": t.format(i=i), "kind": "private", "codes": [CODE]} for t in TOLD]
        rows += [{"text": t.format(i=i), "kind": "reply", "codes": []} for t in PLAIN]
    return write_jsonl(root / "corpus", "tiny.jsonl", rows)


def test_the_command_trains_a_tiny_model_the_same_to_the_byte_twice(tmp_path: Path) -> None:
    first, meta = trained_twice_alike(tmp_path, "confidential", _tiny_corpus(tmp_path))

    from somevakt.analysis import owntext
    from somevakt.analysis.base import Document
    from somevakt.analysis.models import VERSIONS
    from somevakt.analysis.training.build import TRAINING_META_KEY

    assert meta["version"] == VERSIONS["confidential"]
    assert set(meta[owntext.THRESHOLDS_META_KEY]) == {"confidential"}
    assert meta[TRAINING_META_KEY]["seed"] == 1 and meta[TRAINING_META_KEY]["data"]
    told = Document("Gutten i klasse 99 kom uten matpakke igjen i dag", "private")
    judged = owntext.judgement(told, str(first), owntext.CONFIDENTIAL)
    assert judged is not None and set(judged.scores) == {"confidential"}
    plain = owntext.judgement(
        Document("Kommunen hadde 99 bekymringsmeldinger i fjor", "reply"), str(first), owntext.CONFIDENTIAL
    )
    assert plain is not None and judged.scores["confidential"] > plain.scores["confidential"]
    assert owntext.judgement(Document(told.text, "comment"), str(first), owntext.CONFIDENTIAL) is None


def test_review_sentences_are_added_as_texts_that_tell_no_matter(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    from somevakt.analysis.training.build import TrainOptions, convert_confidential
    from somevakt.analysis.training.comments import calibration_half

    reviews = [f"Konserten nummer {i} var en fest fra første tone" for i in range(40)]
    negatives = tmp_path / "norec.json"
    negatives.write_text(
        json.dumps([{"sent_id": str(i), "text": t, "label": "Positive"} for i, t in enumerate(reviews)]),
        encoding="utf-8",
    )
    data = _tiny_corpus(tmp_path)
    without = convert_confidential(TrainOptions(data=data, work_dir=tmp_path), tmp_path / "a")
    with_reviews = TrainOptions(data=data, work_dir=tmp_path, negatives=negatives)
    counted = convert_confidential(with_reviews, tmp_path / "b")
    trained = [t for t in reviews if not calibration_half(t)]  # the other half is never trained on
    assert 0 < len(trained) < len(reviews)
    assert counted["train"] == without["train"] + len(trained) and counted["dev"] == without["dev"]
    docs = list(DocBin().from_disk(tmp_path / "b" / "train.spacy").get_docs(spacy.blank("nb").vocab))
    added = [d for d in docs if d.text in trained]
    assert len(added) == len(trained) and all(d.cats == {"confidential": 0.0} for d in added)
