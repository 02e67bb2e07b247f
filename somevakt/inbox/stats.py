"""For leaders: were comments answered by their deadline, per account and month, and how fast.

"Answered" is the first public answer (a reply, a thank-you or a referral). The share
counts items that had a deadline; the median response time is counted in office hours
(nights, weekends, holidays and account closures do not count), as the deadline is.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from somevakt.inbox.deadlines import calendar_for, pack_of
from somevakt.inbox.models import ItemEvent, ItemStatus
from somevakt.inbox.projection import CORRECTION
from somevakt.policy.worktime import office_time_between
from somevakt.registry.models import Account

MONTHS = 12


@dataclass
class Row:
    account: Any
    month: dt.date
    items: int = 0
    with_deadline: int = 0
    in_time: int = 0
    answered: int = 0
    # Factual errors corrected (Rømskog, Gausdal 6), counted in the month of the correction.
    corrections: int = 0
    response_times: list[dt.timedelta] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        return self.in_time / self.with_deadline if self.with_deadline else None

    @property
    def median(self) -> dt.timedelta | None:
        if not self.response_times:
            return None
        return statistics.median(self.response_times)

    @property
    def median_hours(self) -> float | None:
        median = self.median
        return None if median is None else median.total_seconds() / 3600


def _month_start(now: dt.datetime, months_back: int) -> dt.datetime:
    local = timezone.localtime(now)
    year, month = local.year, local.month - months_back
    while month < 1:
        month += 12
        year -= 1
    return local.replace(year=year, month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


def report(
    municipality: Any, now: dt.datetime | None = None, months: int = MONTHS, accounts: Any = None
) -> dict[str, Any]:
    """The figures per account and month; `accounts` (a queryset) limits them to those accounts,
    e.g. a unit leader's (`inbox.access`)."""
    now = now or timezone.now()
    only = accounts
    since = _month_start(now, months - 1)
    pack = pack_of(municipality)
    found = Account.objects.filter(municipality=municipality).prefetch_related("closures")
    if only is not None:
        found = found.filter(pk__in=only.values("pk"))
    accounts = {a.pk: a for a in found}
    calendars = {pk: calendar_for(municipality, account, pack) for pk, account in accounts.items()}
    rows: dict[tuple[int, dt.date], Row] = {}
    totals: dict[int, Row] = {}
    statuses = (
        ItemStatus.objects.filter(municipality=municipality, received_at__gte=since)
        .values_list("account_id", "received_at", "due", "answered_at")
        .order_by()
    )
    for account_id, received_at, due, answered_at in statuses.iterator(chunk_size=2000):
        account = accounts.get(account_id)
        if account is None:
            continue
        month = timezone.localtime(received_at).date().replace(day=1)
        for row in (
            rows.setdefault((account_id, month), Row(account, month)),
            totals.setdefault(account_id, Row(account, since.date())),
        ):
            row.items += 1
            if due is not None:
                row.with_deadline += 1
                if answered_at is not None and answered_at <= due:
                    row.in_time += 1
            if answered_at is not None:
                row.answered += 1
                row.response_times.append(
                    office_time_between(received_at, answered_at, calendars[account_id])
                )
    corrections = (
        ItemEvent.objects.filter(
            type="replied", payload__purpose=CORRECTION, at__gte=since, item__account_id__in=list(accounts)
        )
        .values_list("item__account_id", "at")
        .order_by()
    )
    for account_id, at in corrections:
        month = timezone.localtime(at).date().replace(day=1)
        rows.setdefault((account_id, month), Row(accounts[account_id], month)).corrections += 1
        totals.setdefault(account_id, Row(accounts[account_id], since.date())).corrections += 1
    by_account: dict[int, list[Row]] = defaultdict(list)
    for (account_id, _month), row in sorted(rows.items(), key=lambda kv: (kv[1].account.name, kv[0][1])):
        by_account[account_id].append(row)
    return {
        "since": since.date(),
        "has_deadline": pack.response.working_days is not None,
        "working_days": pack.response.working_days,
        # Which plural form the sentence takes: "1 arbeidsdag", "0,5 arbeidsdag", "2 arbeidsdager".
        "working_days_form": math.ceil(pack.response.working_days or 0),
        "accounts": [
            {"account": accounts[pk], "months": months_rows, "total": totals[pk]}
            for pk, months_rows in by_account.items()
        ],
    }
