"""NorNE files: `token<TAB>IOB2-tag`, one token a line, a blank line between sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from somevakt.analysis.training.errors import DataError

_TAG = re.compile(r"O|[BI]-[A-Z][A-Z_]*")


@dataclass(frozen=True)
class TaggedSentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]


def read_tsv(path: Path) -> list[TaggedSentence]:
    """Every sentence of a file; raises DataError naming the first bad line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a directory, not a .tsv file") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text") from None
    sentences = list(_sentences(path, text))
    if not sentences:
        raise DataError(f"{path}: no sentences found")
    return sentences


def _sentences(path: Path, text: str) -> Iterator[TaggedSentence]:
    words: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if words:
                yield TaggedSentence(tuple(words), tuple(tags))
                words, tags = [], []
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not _TAG.fullmatch(parts[1].strip()):
            raise DataError(f"{path}:{number}: expected 'token<TAB>IOB2-tag', got {line[:60]!r}")
        words.append(parts[0])
        tags.append(parts[1].strip())
    if words:
        yield TaggedSentence(tuple(words), tuple(tags))


def entity_spans(tags: tuple[str, ...] | list[str]) -> set[tuple[int, int, str]]:
    """Strict IOB2 spans (token start, end exclusive, label); a stray I- starts a new entity."""
    spans: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and label == tag[2:] and start >= 0
        if inside:
            continue
        if start >= 0:
            spans.add((start, i, label))
            start, label = -1, ""
        if tag != "O":
            start, label = i, tag[2:]
    return spans
