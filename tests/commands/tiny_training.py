"""A tiny training run of `somevakt train KIND`, twice, for the tests of the small text classifiers:
each run must give the same model to the byte."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from somevakt.cli import main


def write_jsonl(folder: Path, name: str, rows: list[dict[str, Any]]) -> Path:
    """`rows` as `folder/name`, one JSON object a line; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (folder / name).write_text(lines, encoding="utf-8")
    return folder


def _train(root: Path, kind: str, data: Path, name: str) -> Path:
    models = root / name / "models"
    argv = ["train", kind, "--data", str(data), "--max-steps", "30", "--set", "training.eval_frequency=10"]
    assert main([*argv, "--work-dir", str(root / name / "work"), "--models-dir", str(models)]) == 0
    return models / kind


def trained_twice_alike(root: Path, kind: str, data: Path) -> tuple[Path, dict[str, Any]]:
    """Trains a tiny model twice; asserts the weights and meta.json are the same to the byte, and
    returns the first model's folder and its meta."""
    first = _train(root, kind, data, "first")
    again = _train(root, kind, data, "again")
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    for part in ("textcat_multilabel/model", "meta.json"):
        assert digest(first / part) == digest(again / part), part
    return first, json.loads((first / "meta.json").read_text("utf-8"))
