"""When a journal entry goes to the archive: after the records office's screening decision, or
after a number of working hours with somevakt's proposal.

Screening (and the rest of the metadata) can only be changed until the entry is handed to the
archive, so an entry the records office has not decided on is held. Each municipality chooses
how (Archive > Settings): wait for the decision (the default), or wait N working hours — the
municipality's office hours, the calendar the inbox counts deadlines on — and then deliver
with somevakt's proposal. A decided entry goes with the next delivery run. The delivery job,
`somevakt archive deliver` and the entry page all read the plan from here.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any, Literal

from somevakt.archive.models import DELIVERED_STATES, ArchiveProfile, Hold, JournalEntry
from somevakt.inbox.deadlines import calendar_for
from somevakt.policy.packs import PackError
from somevakt.policy.worktime import WorkCalendar, due

log = logging.getLogger(__name__)

PlanKind = Literal["delivered", "next_run", "waits_for_decision", "automatic"]


@dataclass(frozen=True)
class DeliveryPlan:
    """What happens to an entry next: handed over already, goes with the next run, waits for the
    records office's decision, or goes automatically at `at` with somevakt's proposal."""

    kind: PlanKind
    at: dt.datetime | None = None


def profile_of(municipality: Any) -> ArchiveProfile:
    """The municipality's archive profile, or an unsaved one with the defaults."""
    return ArchiveProfile.objects.filter(municipality=municipality).first() or ArchiveProfile(
        municipality=municipality
    )


def after_working_hours(start: dt.datetime, hours: float, calendar: WorkCalendar) -> dt.datetime:
    """`start` plus `hours` of office time on `calendar`, up to the next whole minute."""
    if hours <= 0:
        return start
    end = due(start, hours * 3600 / calendar.day_length.total_seconds(), calendar)
    assert end is not None  # due() gives None only without a number of days
    # The days are a float: round away the microseconds that costs, then up to the minute.
    end = (end + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    if end.second:
        end += dt.timedelta(seconds=60 - end.second)
    return end


class Planner:
    """Plans for the entries of one municipality (the profile and the calendar read once)."""

    def __init__(self, municipality: Any, profile: ArchiveProfile | None = None) -> None:
        self.municipality = municipality
        self.profile = profile or profile_of(municipality)
        self._calendar: WorkCalendar | None = None

    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = calendar_for(self.municipality)
        return self._calendar

    def automatic_at(self, entry: JournalEntry) -> dt.datetime | None:
        """When an undecided entry goes with the proposal; None when it waits for the decision.

        A calendar that cannot be counted on (no office hours, an unknown pack) holds the entry
        for the decision: nothing leaves undecided on a guess.
        """
        if self.profile.hold != Hold.HOURS:
            return None
        try:
            return after_working_hours(entry.created_at, self.profile.hold_hours, self.calendar)
        except (ValueError, PackError) as exc:
            log.warning(
                "archive: %s: no working hours to count (%s); waiting for the decision", entry.pk, exc
            )
            return None

    def plan(self, entry: JournalEntry) -> DeliveryPlan:
        if entry.state in DELIVERED_STATES:
            return DeliveryPlan("delivered", entry.sent_at)
        if entry.skjermet is not None:
            return DeliveryPlan("next_run")
        at = self.automatic_at(entry)
        if at is None:
            return DeliveryPlan("waits_for_decision")
        return DeliveryPlan("automatic", at)

    def released(self, entry: JournalEntry, now: dt.datetime) -> bool:
        """May the entry be handed to the archive now?"""
        plan = self.plan(entry)
        if plan.kind == "automatic":
            return plan.at is not None and now >= plan.at
        return plan.kind == "next_run"

    def held(self, entry: JournalEntry, now: dt.datetime) -> bool:
        return not self.released(entry, now)
