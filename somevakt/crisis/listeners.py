"""How apps above crisis mode learn of it and add to its report, without crisis importing them.

- `on_crisis_ended(listener)`: called with the ended CrisisMode after the ending is committed
  (the archive journals the report).
- `register_report_section(section)`: called with a CrisisMode; returns a ReportSection of what
  that app did during it (the inbox: answered, not confirmed by the platform, and escalated;
  publishing: published, not published and sent to crisis management).

- `register_waiting(maker)`: called with the active CrisisMode; returns the rows still waiting
  for crisis management (held answers escalated to them, held posts sent to them), which the
  crisis page lists with links, so the team does not learn of them only by e-mail.

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
    # Where the row stands on the platform when it did not get there (failed, waiting), in the
    # reader's words, and the tag's colour: a report never says done for what was not.
    state: str = ""
    tone: str = ""
    # Why, when the state needs one ("The account is not connected ..."): said beside the tag.
    detail: str = ""
    # How many times it was sent to crisis management, when the row is its latest sending: the
    # crisis page lists each held answer or post once however often it was sent.
    times: int = 1


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
WaitingMaker = Callable[[Any], list[ReportRow]]
_waiting: dict[str, WaitingMaker] = {}


def _name(func: Callable[..., Any]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def on_crisis_ended(listener: CrisisListener) -> CrisisListener:
    _ended[_name(listener)] = listener  # by name, so a second ready() does not register twice
    return listener


def register_report_section(section: SectionMaker) -> SectionMaker:
    _sections[_name(section)] = section
    return section


def register_waiting(maker: WaitingMaker) -> WaitingMaker:
    _waiting[_name(maker)] = maker
    return maker


def waiting(crisis: Any) -> list[ReportRow]:
    """What waits for crisis management in this crisis, oldest first."""
    rows = [row for maker in _waiting.values() for row in maker(crisis)]
    return sorted(rows, key=lambda r: r.at)


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
