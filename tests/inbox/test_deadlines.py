"""Deadlines: the pack's response time on the municipality's calendar, paused by account closures."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from somevakt.inbox.deadlines import due_for, response_time
from somevakt.registry.models import Closure

OSLO = ZoneInfo("Europe/Oslo")


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=OSLO)


def test_it_gives_gausdal_one_working_day(municipality, account):
    assert due_for(at(2026, 3, 4, 10), municipality, account) == at(2026, 3, 5, 10)
    assert due_for(at(2026, 3, 7, 20), municipality, account) == at(2026, 3, 9, 15, 30)
    assert due_for(at(2026, 4, 1, 14), municipality, account) == at(2026, 4, 7, 14)  # Easter


def test_it_pauses_the_clock_while_the_account_is_closed(municipality, account):
    Closure.objects.create(account=account, starts_at=at(2026, 3, 5, 8), ends_at=at(2026, 3, 5, 12))
    account.refresh_from_db()
    assert due_for(at(2026, 3, 4, 10), municipality, account) == at(2026, 3, 5, 14)


def test_it_follows_the_municipalitys_own_office_hours_and_closed_days(municipality, account):
    municipality.office_opens = dt.time(9, 0)
    municipality.office_closes = dt.time(15, 0)
    municipality.closed_days = ["2026-03-05"]
    municipality.save()
    # Six-hour days; Thursday closed: Wed 10–15 (5 h) + Fri 09–10 (1 h).
    assert due_for(at(2026, 3, 4, 10), municipality, account) == at(2026, 3, 6, 10)


def test_it_gives_no_deadline_where_the_guideline_sets_none(municipality, account):
    municipality.policy_pack = "hustadvika"
    municipality.save()
    assert due_for(at(2026, 3, 4, 10), municipality, account) is None


def test_it_counts_response_time_in_office_hours_only(municipality, account):
    # Friday 15:00 to Monday 09:00: half an hour on Friday and one hour on Monday.
    assert response_time(at(2026, 3, 6, 15), at(2026, 3, 9, 9), municipality, account) == dt.timedelta(
        hours=1.5
    )


def test_it_gives_no_deadline_on_an_account_that_is_not_open(municipality, account):
    for state in ("planned", "approved", "retired"):
        account.state = state
        assert due_for(at(2026, 3, 4, 10), municipality, account) is None, state
    account.state = "closed_temporarily"
    assert due_for(at(2026, 3, 4, 10), municipality, account) == at(2026, 3, 5, 10)
