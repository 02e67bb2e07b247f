"""The case tables of tests/analysis/data (`expected<TAB>text[<TAB>known_miss]`), read one way."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"


def read_table(name: str, prefix: str) -> list[tuple[set[str], str, bool]]:
    """(expected codes, text, known miss) per row; `prefix` turns "threat" into "abuse.threat"."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        expected, text, *flags = line.split("\t")
        codes = set() if expected == "-" else {f"{prefix}.{c}" for c in expected.split(",")}
        rows.append((codes, text, "known_miss" in flags))
    return rows
