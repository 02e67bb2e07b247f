"""NoReC_sentence files: a JSON list of {"sent_id", "text", "label"}, label Positive/Negative/Neutral."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from somevakt.analysis.training.errors import DataError

LABELS: tuple[str, ...] = ("Positive", "Negative", "Neutral")


@dataclass(frozen=True)
class LabelledSentence:
    sent_id: str
    text: str
    label: str


def read_json(path: Path) -> list[LabelledSentence]:
    """Every sentence of a file; raises DataError naming the first bad item."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a directory, not a .json file") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(raw, list) or not raw:
        raise DataError(f"{path}: expected a non-empty JSON list of {{sent_id, text, label}}")
    out: list[LabelledSentence] = []
    for index, item in enumerate(raw):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("text"), str)
            or item.get("label") not in LABELS
        ):
            raise DataError(
                f"{path}: item {index}: expected {{sent_id, text, label}}"
                f" with label one of {', '.join(LABELS)}"
            )
        out.append(LabelledSentence(str(item.get("sent_id", index)), item["text"], item["label"]))
    return out
