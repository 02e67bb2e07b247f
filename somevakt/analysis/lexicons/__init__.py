"""Word lists written for somevakt, one file per purpose (see docs/analysis.md).

A line is one entry; `#` starts a comment. The lists are data, loaded once.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> tuple[str, ...]:
    """The entries of `lexicons/<name>.txt`, comments and blank lines removed."""
    raw = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = []
    for line in raw.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)
