"""`somevakt eval`: one JSON object of the documented shape; bad input is exit 2 with one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from somevakt.cli import main

NER_TSV = """Takk\tO
til\tO
Kari\tB-PER
Nordmann\tI-PER
i\tO
Oslo\tB-GPE_LOC
kommune\tI-GPE_LOC
.\tO

Når\tO
åpner\tO
biblioteket\tO
?\tO
"""

SENTENCES = [
    {"sent_id": "1", "text": "Tusen takk for fantastisk hjelp!", "label": "Positive"},
    {"sent_id": "2", "text": "Dette var elendig og en skandale.", "label": "Negative"},
    {"sent_id": "3", "text": "Biblioteket åpner klokka ti.", "label": "Neutral"},
]


def _prf(obj: dict) -> None:
    assert set(obj) == {"p", "r", "f1"}
    assert all(0 <= v <= 1 for v in obj.values())


def test_it_prints_ner_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "ner.tsv"
    data.write_text(NER_TSV, encoding="utf-8")
    assert main(["eval", "ner", "--data", str(data)]) == 0
    result = json.loads(capsys.readouterr().out)
    _prf(result["per"])
    _prf(result["all"])
    assert result["items"] == 2 and result["items_per_s"] > 0
    assert result["per"]["r"] == 1.0  # Kari Nordmann is not hard


def test_it_prints_sentiment_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "sent.json"
    data.write_text(json.dumps(SENTENCES), encoding="utf-8")
    assert main(["eval", "sentiment", "--data", str(data)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["per_class"]) == {"Positive", "Negative", "Neutral"}
    for scores in result["per_class"].values():
        _prf(scores)
    assert 0 <= result["macro_f1"] <= 1 and 0 <= result["accuracy"] <= 1
    assert result["items"] == 3 and result["items_per_s"] > 0


@pytest.mark.parametrize(
    ("kind", "content", "message"),
    [
        ("ner", None, "no such file"),
        ("ner", "Kari\tB-PER\nNordmann\n", ":2: expected"),
        ("ner", "Kari\tB-PERSON!\n", ":1: expected"),
        ("ner", "\n\n", "no sentences"),
        ("sentiment", None, "no such file"),
        ("sentiment", "[{", "not valid JSON"),
        ("sentiment", json.dumps([{"text": "Hei", "label": "Glad"}]), "item 0"),
        ("sentiment", json.dumps({"text": "Hei"}), "JSON list"),
    ],
)
def test_it_rejects_bad_input_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, content: str | None, message: str
) -> None:
    data = tmp_path / "data.txt"
    if content is not None:
        data.write_text(content, encoding="utf-8")
    assert main(["eval", kind, "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_it_rejects_an_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["eval", "pos", "--data", "x"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_it_rejects_a_model_folder_that_is_not_a_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "ner.tsv"
    data.write_text(NER_TSV, encoding="utf-8")
    assert main(["eval", "ner", "--data", str(data), "--model", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and err.count("\n") == 1


def test_it_scores_a_lower_cased_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "ner.tsv"
    data.write_text(NER_TSV, encoding="utf-8")
    assert main(["eval", "ner", "--data", str(data), "--lower"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["items"] == 2 and set(result["per"]) == {"p", "r", "f1"}


ALL_INBOUND = ["none", "thank", "reply", "refer_formal", "refer_political", "escalate_manager"]
ALL_INBOUND += ["escalate_crisis", "hide", "delete"]


def _triage_file(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "set.jsonl"
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_it_scores_triage_per_municipality_and_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Any inbound action is acceptable for the first item; "ok" (an outgoing action) never is
    # for a comment, so the second is a miss under Gausdal whatever the models say.
    data = _triage_file(
        tmp_path,
        [
            {
                "id": "e-mail",
                "text": "Send svaret til ola.hansen@example.com, takk.",
                "accept": {"gausdal": ALL_INBOUND, "romskog": ALL_INBOUND},
                "codes": ["personal_data.email"],
                "pattern": "contact",
            },
            {
                "id": "never",
                "text": "Når åpner biblioteket?",
                "accept": {"gausdal": ["ok"]},
                "pattern": "impossible",
            },
        ],
    )
    errors = tmp_path / "errors.jsonl"
    assert main(["eval", "triage", "--data", str(data), "--errors", str(errors)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["items"] == 2
    assert result["actions"]["gausdal"] == {"accuracy": 0.5, "n": 2}
    assert result["actions"]["romskog"] == {"accuracy": 1.0, "n": 1}
    assert result["codes"]["personal_data.email"]["r"] == 1.0
    assert result["patterns"] == {
        "contact": {"accuracy": 1.0, "n": 2},
        "impossible": {"accuracy": 0.0, "n": 1},
    }
    assert 0 <= result["finding_recall"] <= 1 and result["items_per_s"] > 0
    misses = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(m["id"], m["policy"], m["accept"]) for m in misses] == [("never", "gausdal", ["ok"])]
    assert misses[0]["action"] == "reply"


def test_it_lists_malformed_triage_lines_and_scores_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = {"id": "ok", "text": "Når åpner biblioteket?", "accept": {"gausdal": ALL_INBOUND}}
    data = _triage_file(
        tmp_path,
        [
            "{broken",
            {"id": "no-text", "text": " ", "accept": {"gausdal": ["reply"]}},
            {"id": "where", "text": "Hei", "accept": {"oslo": ["reply"]}},
            {"id": "kind", "text": "Hei", "kind": "tweet", "accept": {"gausdal": ["reply"]}},
            good,
        ],
    )
    assert main(["eval", "triage", "--data", str(data)]) == 2
    result = json.loads(capsys.readouterr().out)
    assert result["items"] == 1 and result["actions"]["gausdal"]["accuracy"] == 1.0
    errors = {e["line"]: (e["id"], e["error"]) for e in result["malformed"]}
    assert errors[1][0] is None and errors[1][1].startswith("not JSON")
    assert errors[2] == ("no-text", '"text" must be a non-empty string')
    assert "unknown municipality 'oslo'" in errors[3][1]
    assert '"kind" must be one of' in errors[4][1]


def test_it_rejects_a_missing_triage_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "triage", "--data", str(tmp_path / "nope.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and err.count("\n") == 1


def test_it_scores_the_comment_classifier_per_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from somevakt.analysis.training.comments import LABELS, split_of

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [f"Når åpner biblioteket på dag {i}?" for i in range(80)]
    dev = [t for t in texts if split_of(t) == "dev"]
    assert dev  # eighty texts give the dev split some
    rows = [json.dumps({"text": t, "labels": ["question"]}, ensure_ascii=False) for t in texts]
    (corpus / "q.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["eval", "comments", "--data", str(corpus)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["items"] == len(dev) and result["split"] == "dev"
    assert set(result["per_label"]) == set(LABELS)
    assert result["per_label"]["question"]["n"] == len(dev)
    assert set(result["analysers"]["per_label"]) == set(LABELS)
