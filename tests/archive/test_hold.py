"""When an entry goes to the archive: after the records office's decision (the default), or after
N working hours in the municipality's office hours with somevakt's proposal."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from somevakt.archive.hold import Planner, after_working_hours
from somevakt.archive.models import ArchiveProfile, Hold, JournalEntry
from somevakt.archive.services import decide_screening
from somevakt.inbox.deadlines import calendar_for

OSLO = ZoneInfo("Europe/Oslo")


def entry_of(acted, name="hidden"):
    return JournalEntry.objects.select_related("item__status", "source_event").get(item=acted[name])


def test_it_waits_for_the_records_office_by_default(acted, municipality, records_officer):
    entry = entry_of(acted)
    planner = Planner(municipality)
    assert planner.profile.hold == Hold.DECISION
    assert planner.plan(entry).kind == "waits_for_decision"
    assert planner.held(entry, entry.created_at + dt.timedelta(days=365))
    decide_screening(entry, records_officer, True, "Offentleglova § 13")
    assert planner.plan(entry).kind == "next_run"
    assert not planner.held(entry, entry.created_at)


def test_it_lets_an_undecided_entry_go_after_working_hours_with_the_proposal(acted, municipality, profile):
    profile.hold, profile.hold_hours = Hold.HOURS, 8
    profile.save()
    entry = entry_of(acted)
    # Journaled Friday 4 December at 10:00: 5.5 hours that day, 2.5 on Monday.
    entry.created_at = dt.datetime(2026, 12, 4, 10, 0, tzinfo=OSLO)
    plan = Planner(municipality).plan(entry)
    assert plan.kind == "automatic"
    assert plan.at == dt.datetime(2026, 12, 7, 10, 30, tzinfo=OSLO)
    planner = Planner(municipality)
    assert planner.held(entry, dt.datetime(2026, 12, 7, 10, 29, tzinfo=OSLO))
    assert not planner.held(entry, dt.datetime(2026, 12, 7, 10, 30, tzinfo=OSLO))


def test_it_counts_the_municipalitys_own_office_hours(municipality):
    municipality.office_opens, municipality.office_closes = dt.time(9, 0), dt.time(15, 0)
    municipality.save()
    calendar = calendar_for(municipality)
    # Saturday: the clock starts at Monday's opening; six hours a day.
    start = dt.datetime(2026, 12, 5, 20, 0, tzinfo=OSLO)
    assert after_working_hours(start, 8, calendar) == dt.datetime(2026, 12, 8, 11, 0, tzinfo=OSLO)


def test_a_municipality_without_a_profile_waits_for_the_decision(acted, municipality):
    assert not ArchiveProfile.objects.filter(municipality=municipality).exists()
    assert Planner(municipality).plan(entry_of(acted)).kind == "waits_for_decision"


def test_an_entry_waits_for_the_decision_when_the_working_hours_cannot_be_counted(
    acted, municipality, profile
):
    profile.hold = Hold.HOURS
    profile.save()
    municipality.policy_pack = "finnes-ikke"
    municipality.save()
    assert Planner(municipality).plan(entry_of(acted)).kind == "waits_for_decision"
