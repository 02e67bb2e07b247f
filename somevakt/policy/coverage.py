"""Coverage: is every line of the real guideline carried by a clause or marked as no rule?

`unmapped` counts lines of the guideline file, not entries of our own list: a non-empty
line that no clause's source range and no `not_a_rule` range covers is unmapped. Where the
guideline file is not on disk, the pack's fingerprint of it (which lines carry text) is used.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from somevakt.policy.packs import guidelines_dir
from somevakt.policy.schema import GuidelineFile, Pack


def text_lines(text: str) -> frozenset[int]:
    """1-based numbers of the lines that carry anything but whitespace (as `cat -n` numbers them)."""
    return frozenset(i for i, line in enumerate(text.split("\n"), start=1) if line.strip())


def fingerprint(path: Path) -> GuidelineFile:
    """A pack's record of a guideline file: its hash and which lines carry text."""
    raw = path.read_bytes()
    return GuidelineFile(
        name=path.name,
        sha256=hashlib.sha256(raw).hexdigest(),
        text_lines=_ranges(sorted(text_lines(raw.decode("utf-8")))),
    )


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ",".join(parts)


@dataclass(frozen=True)
class FileCoverage:
    file: str
    checked_against: str  # "file" (read from disk) or "fingerprint" (the pack's record)
    stale: bool  # the file on disk differs from the one the pack was written against
    text_lines: int
    unmapped_lines: tuple[int, ...]


def file_coverage(pack: Pack, name: str, directory: Path | None = None) -> FileCoverage:
    record = next(f for f in pack.guideline.files if f.name == name)
    directory = directory or guidelines_dir()
    path = directory / name if directory else None
    if path is not None and path.is_file():
        raw = path.read_bytes()
        lines, how = text_lines(raw.decode("utf-8")), "file"
        stale = hashlib.sha256(raw).hexdigest() != record.sha256
    else:
        lines, how, stale = record.line_numbers(), "fingerprint", False
    covered: set[int] = set()
    for clause in pack.clauses:
        for src in (clause.source, *clause.also_source):
            if src.file == name:
                covered.update(range(src.lines[0], src.lines[1] + 1))
    for n in pack.not_a_rule:
        if n.file == name:
            covered.update(range(n.lines[0], n.lines[1] + 1))
    return FileCoverage(name, how, stale, len(lines), tuple(sorted(lines - covered)))


def coverage(pack: Pack, directory: Path | None = None) -> dict[str, Any]:
    """The `somevakt policy coverage --json` object (DESIGN.md §4), anchored in the pack's anchor file."""
    anchor = file_coverage(pack, pack.guideline.anchor, directory)
    return {
        "policy": pack.slug,
        "policy_revision": pack.revision,
        "clauses": [
            {
                "id": c.id,
                "topic": c.topic,
                "status": c.honoured_by.status,
                "implemented": c.honoured_by.implemented,
                "by": list(c.honoured_by.by),
                "source": {"file": c.source.file, "lines": list(c.source.lines)},
            }
            for c in pack.clauses
        ],
        "unmapped": len(anchor.unmapped_lines),
        "unmapped_lines": list(anchor.unmapped_lines),
        "file": anchor.file,
        "checked_against": anchor.checked_against,
        "stale": anchor.stale,
    }
