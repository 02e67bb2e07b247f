"""The inbox's periodic jobs, run by `somevakt worker`; `ready()` imports this module to register them."""

from __future__ import annotations

import datetime as dt

from somevakt.inbox.followup import check_follow_up
from somevakt.inbox.reminders import send_reminders
from somevakt.inbox.triage import sweep
from somevakt.jobs.periodic import periodic


@periodic("inbox.triage_sweep", every=dt.timedelta(seconds=30))
def triage_sweep() -> None:
    sweep()


@periodic("inbox.reminders", every=dt.timedelta(minutes=5))
def reminders() -> None:
    send_reminders()


@periodic("inbox.follow_up", every=dt.timedelta(hours=24))
def follow_up() -> None:
    check_follow_up()
