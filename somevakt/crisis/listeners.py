"""How apps above crisis mode learn of it and add to its report, without crisis importing them.

- `on_crisis_ended(listener)`: called with the ended CrisisMode after the ending is committed
  (the archive journals the report).
- `register_report_section(section)`: called with a CrisisMode; returns a ReportSection of what
  that app did during it (the inbox: answered and escalated; publishing: published).

Apps register in their AppConfig.ready(), as with the inbox's `on_events_recorded`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReportRow:
    at: dt.datetime
    account: str
    what: str
    text: str
    who: str = ""
    url: str = ""


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: Any
    rows: list[ReportRow] = field(default_factory=list)
    # Said when there are no rows ("Nothing was answered").
    empty: Any = ""


CrisisListener = Callable[[Any], None]
SectionMaker = Callable[[Any], ReportSection | None]

_ended: dict[str, CrisisListener] = {}
_sections: dict[str, SectionMaker] = {}


def _name(func: Callable[..., Any]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def on_crisis_ended(listener: CrisisListener) -> CrisisListener:
    _ended[_name(listener)] = listener  # by name, so a second ready() does not register twice
    return listener


def register_report_section(section: SectionMaker) -> SectionMaker:
    _sections[_name(section)] = section
    return section


def crisis_ended(crisis: Any) -> None:
    """Tell every listener; one that fails is logged and does not stop the others or the ending."""
    for name, listener in list(_ended.items()):
        try:
            listener(crisis)
        except Exception:
            log.exception("crisis: listener %s failed for crisis %s", name, crisis.pk)


def report_sections(crisis: Any) -> list[ReportSection]:
    out = []
    for section in _sections.values():
        made = section(crisis)
        if made is not None:
            out.append(made)
    return sorted(out, key=lambda s: s.key)
