"""Reading export files: JSON Lines (one object a line) and CSV (a header row), streamed line by line.

The "client" of the file platform is the file itself. Rows come out with their line number
(for CSV, the line where the record starts), or with the reason the line could not be read.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


@dataclass(frozen=True)
class Row:
    line: int
    data: dict[str, Any] | None
    error: str = ""


class UnreadableFile(ValueError):
    """The file as a whole cannot be read (wrong format, not UTF-8, no header)."""


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise UnreadableFile(f"{path.name}: unknown file type (use .jsonl or .csv)")


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def read_rows(path: Path, file_format: str) -> Iterator[Row]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from (read_jsonl(handle) if file_format == "jsonl" else read_csv(handle, path))
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{path.name}: not UTF-8 text (byte {exc.start})") from None


def read_jsonl(handle: IO[str]) -> Iterator[Row]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Row(number, None, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(data, dict):
            yield Row(number, None, "not a JSON object")
            continue
        yield Row(number, data)


def read_csv(handle: IO[str], path: Path) -> Iterator[Row]:
    sample = handle.read(4096)
    handle.seek(0)
    delimiter = (
        "\t" if path.suffix.lower() == ".tsv" else ";" if sample.count(";") > sample.count(",") else ","
    )
    reader = csv.DictReader(handle, delimiter=delimiter)
    if not reader.fieldnames:
        raise UnreadableFile(f"{path.name}: no header row")
    line = reader.line_num + 1
    try:
        for record in reader:
            if None in record:
                yield Row(line, None, "more fields than the header has")
            else:
                yield Row(line, {key.strip(): value for key, value in record.items() if key})
            line = reader.line_num + 1
    except csv.Error as exc:
        yield Row(reader.line_num, None, f"unreadable CSV ({exc})")
