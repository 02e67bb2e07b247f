"""Answer deadlines for items: the pack's response time on the municipality's own calendar.

The pack gives the guideline's deadline (in working days) and default office hours; the
municipality's row says when its offices actually open and which extra days are closed;
the account's temporary closures stop the clock (DESIGN.md §4, "Working time").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from somevakt.policy.packs import load_pack
from somevakt.policy.schema import Pack
from somevakt.policy.worktime import WorkCalendar, due, office_time_between

# The account states whose items have answer deadlines (registry.models.AccountState values): an
# active account, and one closed for a while, whose closures pause the clock.
ANSWERED_STATES = ("active", "closed_temporarily")


def pack_of(municipality: Any) -> Pack:
    return load_pack(municipality.policy_pack)


def calendar_for(municipality: Any, account: Any = None, pack: Pack | None = None) -> WorkCalendar:
    pack = pack or pack_of(municipality)
    closures = account.closure_intervals() if account is not None else []
    calendar = WorkCalendar.from_office_hours(pack.office_hours, closures)
    opens = municipality.office_opens.strftime("%H:%M")
    closes = municipality.office_closes.strftime("%H:%M")
    closed_dates = set(calendar.closed_dates)
    for value in municipality.closed_days or []:
        try:
            closed_dates.add(dt.date.fromisoformat(str(value)))
        except ValueError:
            continue  # validated where it is entered; a bad value must not stop triage
    return dataclasses.replace(
        calendar,
        days=tuple((weekday, opens, closes) for weekday, _o, _c in calendar.days),
        closed_dates=frozenset(closed_dates),
    )


def due_for(
    received_at: dt.datetime,
    municipality: Any,
    account: Any = None,
    pack: Pack | None = None,
    calendar: WorkCalendar | None = None,
):
    """The deadline for an item received at `received_at`, or None where the guideline sets none.

    `calendar` is `calendar_for(municipality, account, pack)`, passed in when many items of
    one account are dated at once.
    """
    if account is not None and getattr(account, "state", None) not in ANSWERED_STATES:
        # An account not yet opened (approved) or retired is not answered from: no deadline.
        return None
    pack = pack or pack_of(municipality)
    calendar = calendar or calendar_for(municipality, account, pack)
    return due(received_at, pack.response.working_days, calendar)


def response_time(
    start: dt.datetime, end: dt.datetime, municipality: Any, account: Any = None
) -> dt.timedelta:
    """Office time between receiving and answering (nights, weekends and holidays not counted)."""
    return office_time_between(start, end, calendar_for(municipality, account))
