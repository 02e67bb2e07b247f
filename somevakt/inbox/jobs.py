"""The inbox's periodic jobs, run by `somevakt worker`; `ready()` imports this module to register them."""

from __future__ import annotations

import datetime as dt

from somevakt.inbox.closures import switch_due_comments
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


@periodic("inbox.closure_comments", every=dt.timedelta(minutes=5))
def closure_comments() -> None:
    # Comments go off when a closure begins and on again when it ends, also when nobody is at work.
    switch_due_comments()
