"""Working time: answer deadlines counted in office hours (DESIGN.md §4, "Working time").

"One working day" is the length of the municipality's office day (7.5 hours by default),
counted only inside office hours on working days. Public holidays (the `holidays`
package), the yearly closed days (24 and 31 December by default) and temporary account
closures stop the clock; an item received while closed starts its clock at the next
opening. All wall-clock reasoning is done in the municipality's zone (Europe/Oslo), all
arithmetic in UTC, so the change to and from summer time is counted in real hours.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from somevakt.policy.schema import WEEKDAYS, OfficeHours

UTC = dt.UTC
# A calendar with no opening for this long is a configuration error, not a deadline.
_MAX_DAYS_AHEAD = 3 * 366

Interval = tuple[dt.datetime, dt.datetime]


@cache
def _public_holidays(country: str, year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays(country, years=year).keys())


def _hhmm(value: str) -> tuple[int, int]:
    hours, minutes = value.split(":")
    return int(hours), int(minutes)


@dataclass(frozen=True)
class WorkCalendar:
    """Office hours of one municipality, with its closed days and temporary closures."""

    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Oslo"))
    # weekday (0 = Monday) -> ("HH:MM", "HH:MM"); "24:00" closes at midnight.
    days: tuple[tuple[int, str, str], ...] = tuple((d, "08:00", "15:30") for d in range(5))
    closed_days: frozenset[tuple[int, int]] = frozenset({(12, 24), (12, 31)})
    closed_dates: frozenset[dt.date] = frozenset()
    holidays_country: str | None = "NO"
    closures: tuple[Interval, ...] = ()
    working_day: dt.timedelta | None = None

    @classmethod
    def from_office_hours(cls, hours: OfficeHours, closures: Iterable[Interval] = ()) -> WorkCalendar:
        return cls(
            tz=ZoneInfo(hours.timezone),
            days=tuple((WEEKDAYS.index(d), o, c) for d, (o, c) in sorted(hours.days.items())),
            closed_days=frozenset((int(md[:2]), int(md[3:])) for md in hours.closed_days),
            holidays_country=hours.holidays_country or None,
            working_day=(dt.timedelta(hours=hours.working_day_hours) if hours.working_day_hours else None),
        ).with_closures(closures)

    def with_closures(self, closures: Iterable[Interval]) -> WorkCalendar:
        """The same calendar with temporary closures (aware datetimes, [start, end))."""
        normalised = []
        for start, end in closures:
            if start.tzinfo is None or end.tzinfo is None:
                raise ValueError("closure times must carry a UTC offset")
            if end > start:
                normalised.append((start.astimezone(UTC), end.astimezone(UTC)))
        return WorkCalendar(
            tz=self.tz,
            days=self.days,
            closed_days=self.closed_days,
            closed_dates=self.closed_dates,
            holidays_country=self.holidays_country,
            closures=tuple(sorted((*self.closures, *normalised))),
            working_day=self.working_day,
        )

    @property
    def day_length(self) -> dt.timedelta:
        """One working day: the explicit setting, else the most common length of an office day."""
        if self.working_day is not None:
            return self.working_day
        lengths = Counter(self._span(dt.date(2024, 1, 1), o, c) for _, o, c in self.days)
        if not lengths:
            raise ValueError("the office hours have no opening on any weekday")
        top = max(lengths.values())
        return max(length for length, n in lengths.items() if n == top)

    def _span(self, day: dt.date, opens: str, closes: str) -> dt.timedelta:
        start, end = self._local_interval(day, opens, closes)
        return end - start

    def _local_interval(self, day: dt.date, opens: str, closes: str) -> Interval:
        oh, om = _hhmm(opens)
        ch, cm = _hhmm(closes)
        start = dt.datetime.combine(day, dt.time(oh, om), tzinfo=self.tz)
        if ch == 24:
            end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, cm), tzinfo=self.tz)
        else:
            end = dt.datetime.combine(day, dt.time(ch, cm), tzinfo=self.tz)
        return start.astimezone(UTC), end.astimezone(UTC)

    def is_working_day(self, day: dt.date) -> bool:
        if (day.month, day.day) in self.closed_days or day in self.closed_dates:
            return False
        if self.holidays_country and day in _public_holidays(self.holidays_country, day.year):
            return False
        return any(weekday == day.weekday() for weekday, _, _ in self.days)

    def open_intervals(self, day: dt.date) -> list[Interval]:
        """The day's office hours in UTC, with temporary closures cut out."""
        if not self.is_working_day(day):
            return []
        intervals = [
            self._local_interval(day, o, c) for weekday, o, c in self.days if weekday == day.weekday()
        ]
        for c_start, c_end in self.closures:
            cut: list[Interval] = []
            for start, end in intervals:
                if c_end <= start or c_start >= end:
                    cut.append((start, end))
                    continue
                if start < c_start:
                    cut.append((start, c_start))
                if c_end < end:
                    cut.append((c_end, end))
            intervals = cut
        return sorted(intervals)

    def _intervals_from(self, instant: dt.datetime) -> Iterator[Interval]:
        """Open intervals that end after `instant`, clipped to start no earlier than it."""
        # A day's hours may run past midnight ("24:00"), so start one local day early.
        day = instant.astimezone(self.tz).date() - dt.timedelta(days=1)
        for offset in range(_MAX_DAYS_AHEAD):
            for start, end in self.open_intervals(day + dt.timedelta(days=offset)):
                if end > instant:
                    yield max(start, instant), end
        raise ValueError(f"no office hours within {_MAX_DAYS_AHEAD} days of {instant.isoformat()}")

    def is_open(self, instant: dt.datetime) -> bool:
        instant = self.aware(instant)
        day = instant.astimezone(self.tz).date()
        return any(
            start <= instant < end
            for d in (day - dt.timedelta(days=1), day)
            for start, end in self.open_intervals(d)
        )

    def next_opening(self, instant: dt.datetime) -> dt.datetime:
        """When the clock starts for an item received at `instant` (itself, if open)."""
        start, _ = next(self._intervals_from(self.aware(instant).astimezone(UTC)))
        return start.astimezone(self.tz)

    def aware(self, instant: dt.datetime) -> dt.datetime:
        """A naive time is the municipality's local time."""
        return instant.replace(tzinfo=self.tz) if instant.tzinfo is None else instant


def due(
    received: dt.datetime, working_days: float | None, calendar: WorkCalendar | None = None
) -> dt.datetime | None:
    """The answer deadline, in the calendar's zone; None where the guideline sets no deadline."""
    if working_days is None:
        return None
    if working_days < 0:
        raise ValueError("working_days cannot be negative")
    cal = calendar or WorkCalendar()
    remaining = cal.day_length * working_days
    for start, end in cal._intervals_from(cal.aware(received).astimezone(UTC)):
        if remaining <= end - start:
            return (start + remaining).astimezone(cal.tz)
        remaining -= end - start
    raise AssertionError("unreachable: _intervals_from raises when it runs out")  # pragma: no cover


def office_time_between(
    start: dt.datetime, end: dt.datetime, calendar: WorkCalendar | None = None
) -> dt.timedelta:
    """Office time elapsed from `start` to `end` (zero if end is not after start).

    The inbox uses it for response times that do not count nights, weekends and holidays.
    """
    cal = calendar or WorkCalendar()
    start, end = cal.aware(start).astimezone(UTC), cal.aware(end).astimezone(UTC)
    total = dt.timedelta(0)
    if end <= start:
        return total
    day = start.astimezone(cal.tz).date() - dt.timedelta(days=1)
    last = end.astimezone(cal.tz).date()
    while day <= last:
        for i_start, i_end in cal.open_intervals(day):
            lo, hi = max(i_start, start), min(i_end, end)
            if hi > lo:
                total += hi - lo
        day += dt.timedelta(days=1)
    return total
