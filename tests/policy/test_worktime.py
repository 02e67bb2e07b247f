"""Working-time deadlines (DESIGN.md §4): hand-computed cases and properties."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from somevakt.policy.packs import load_pack
from somevakt.policy.worktime import WorkCalendar, due, office_time_between

OSLO = ZoneInfo("Europe/Oslo")
UTC = dt.UTC
GAUSDAL = WorkCalendar.from_office_hours(load_pack("gausdal").office_hours)


def oslo(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=OSLO)


def deadline(received: str, days: float | None = 1, cal: WorkCalendar = GAUSDAL) -> str | None:
    result = due(dt.datetime.fromisoformat(received), days, cal)
    return result.isoformat() if result else None


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        # The three Gausdal examples of DESIGN.md §4.
        ("2026-03-04T10:00", "2026-03-05T10:00:00+01:00"),
        ("2026-03-07T20:00", "2026-03-09T15:30:00+01:00"),
        ("2026-04-01T14:00", "2026-04-07T14:00:00+02:00"),
        # Easter 2026: Maundy Thursday 2 Apr, Good Friday 3 Apr, Easter Monday 6 Apr.
        ("2026-04-02T09:00", "2026-04-07T15:30:00+02:00"),
        ("2026-04-06T23:59", "2026-04-07T15:30:00+02:00"),
        # Christmas: 24 Dec closed, 25-26 Dec holidays, 31 Dec closed, 1 Jan holiday.
        ("2026-12-23T14:00", "2026-12-28T14:00:00+01:00"),
        ("2026-12-24T10:00", "2026-12-28T15:30:00+01:00"),
        ("2026-12-30T12:00", "2027-01-04T12:00:00+01:00"),
        # Ascension Day, Thursday 14 May 2026.
        ("2026-05-13T12:00", "2026-05-15T12:00:00+02:00"),
        # Whit Monday, 25 May 2026.
        ("2026-05-22T15:00", "2026-05-26T15:00:00+02:00"),
        # 17 May 2026 is a Sunday: no day off in lieu, Monday 18 May is a working day.
        ("2026-05-15T14:00", "2026-05-18T14:00:00+02:00"),
        ("2026-05-17T10:00", "2026-05-18T15:30:00+02:00"),
        # Summer time starts Sunday 29 March 2026; the deadline keeps its wall-clock time.
        ("2026-03-27T14:00", "2026-03-30T14:00:00+02:00"),
        # ... and ends Sunday 25 October 2026.
        ("2026-10-23T14:00", "2026-10-26T14:00:00+01:00"),
        # Received at closing time: the clock starts at the next opening.
        ("2026-03-04T15:30", "2026-03-05T15:30:00+01:00"),
        ("2026-03-04T07:00", "2026-03-04T15:30:00+01:00"),
        # A timestamp with an offset is that instant (09:00Z is 10:00 in Oslo in winter).
        ("2026-03-04T09:00:00+00:00", "2026-03-05T10:00:00+01:00"),
    ],
)
def test_it_computes_hand_checked_deadlines(received, expected):
    assert deadline(received) == expected


def test_it_counts_real_hours_across_the_change_to_summer_time():
    received = oslo("2026-03-27T14:00")
    result = due(received, 1, GAUSDAL)
    assert result is not None
    # 14:00 CET is 13:00Z; 14:00 CEST on Monday is 12:00Z: one hour less of wall clock, same office time.
    assert (received.astimezone(UTC).hour, result.astimezone(UTC).hour) == (13, 12)
    assert office_time_between(received, result, GAUSDAL) == dt.timedelta(hours=7, minutes=30)


def test_it_gives_no_deadline_where_the_guideline_sets_none():
    for slug in ("romskog", "hustadvika"):
        assert load_pack(slug).response.working_days is None
        assert deadline("2026-03-04T10:00", load_pack(slug).response.working_days) is None
    assert load_pack("batsfjord").response.working_days == 1


def test_it_pauses_the_clock_during_a_temporary_closure():
    closed = GAUSDAL.with_closures([(oslo("2026-03-05T00:00"), oslo("2026-03-06T00:00"))])
    assert deadline("2026-03-04T10:00", cal=closed) == "2026-03-06T10:00:00+01:00"
    midday = GAUSDAL.with_closures([(oslo("2026-03-05T09:00"), oslo("2026-03-05T11:00"))])
    assert deadline("2026-03-04T10:00", cal=midday) == "2026-03-05T12:00:00+01:00"


def test_it_starts_the_clock_after_a_closure_that_covers_the_receipt():
    closed = GAUSDAL.with_closures([(oslo("2026-03-04T09:00"), oslo("2026-03-04T12:00"))])
    assert closed.next_opening(oslo("2026-03-04T10:00")) == oslo("2026-03-04T12:00")


def test_it_lets_a_municipality_change_its_office_hours():
    from somevakt.policy.schema import OfficeHours

    hours = OfficeHours(days={"mon": ("09:00", "15:00"), "tue": ("09:00", "15:00")}, closed_days=())
    cal = WorkCalendar.from_office_hours(hours)
    assert cal.day_length == dt.timedelta(hours=6)
    # Tuesday 10:00 -> 5 h on Tuesday, 1 h the next Monday.
    assert deadline("2026-03-03T10:00", cal=cal) == "2026-03-09T10:00:00+01:00"
    assert deadline("2026-03-03T10:00", 0.5, cal) == "2026-03-03T13:00:00+01:00"


def test_it_measures_office_time_between_two_instants():
    assert office_time_between(oslo("2026-03-04T10:00"), oslo("2026-03-04T11:30"), GAUSDAL) == dt.timedelta(
        hours=1, minutes=30
    )
    # Friday 15:00 to Monday 09:00: half an hour on Friday, one on Monday.
    assert office_time_between(oslo("2026-03-06T15:00"), oslo("2026-03-09T09:00"), GAUSDAL) == dt.timedelta(
        hours=1, minutes=30
    )
    # Over Easter only the two open days count.
    assert office_time_between(oslo("2026-04-01T08:00"), oslo("2026-04-08T08:00"), GAUSDAL) == dt.timedelta(
        hours=15
    )
    assert office_time_between(oslo("2026-03-05T10:00"), oslo("2026-03-04T10:00"), GAUSDAL) == dt.timedelta(0)


def test_it_refuses_a_calendar_that_never_opens():
    cal = WorkCalendar(days=())
    with pytest.raises(ValueError):
        due(oslo("2026-03-04T10:00"), 1, cal)


instants = st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2028, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC)
)


def _inside_office_hours(cal: WorkCalendar, instant: dt.datetime) -> bool:
    day = instant.astimezone(cal.tz).date()
    return any(
        start < instant <= end
        for d in (day - dt.timedelta(days=1), day)
        for start, end in cal.open_intervals(d)
    )


@settings(max_examples=150, deadline=None)
@given(received=instants)
def test_it_never_puts_a_deadline_before_receipt_or_in_closed_time(received):
    result = due(received, 1, GAUSDAL)
    assert result is not None
    assert result > received
    assert _inside_office_hours(GAUSDAL, result)
    assert result.tzinfo is not None and result.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))
    assert office_time_between(received, result, GAUSDAL) == GAUSDAL.day_length


@settings(max_examples=150, deadline=None)
@given(a=instants, b=instants)
def test_it_is_monotone_in_receipt_time(a, b):
    early, late = sorted((a, b))
    assert due(early, 1, GAUSDAL) <= due(late, 1, GAUSDAL)  # type: ignore[operator]


@settings(max_examples=100, deadline=None)
@given(received=instants, start=instants, hours=st.integers(min_value=1, max_value=24 * 20))
def test_it_never_puts_a_deadline_inside_a_closure(received, start, hours):
    closure = (start, start + dt.timedelta(hours=hours))
    cal = GAUSDAL.with_closures([closure])
    result = due(received, 1, cal)
    assert result is not None
    assert not (closure[0] < result < closure[1])
    assert _inside_office_hours(cal, result)
    assert result >= due(received, 1, GAUSDAL)  # type: ignore[operator]
