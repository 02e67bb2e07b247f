"""Words for crisis mode's events and people, shared by its pages, report and command line."""

from __future__ import annotations

from typing import Any

from somevakt.crisis.models import CrisisEventType

EVENT_LABELS: dict[str, Any] = dict(CrisisEventType.choices)


def person_name(person: Any) -> str:
    if person is None:
        return "–"
    return person.get_full_name() or person.get_username()
