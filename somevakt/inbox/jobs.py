"""The inbox's periodic jobs (run by `somevakt worker`)."""

from __future__ import annotations

import datetime as dt

from somevakt.inbox.periodic import periodic


@periodic("inbox.triage_sweep", every=dt.timedelta(seconds=30))
def triage_sweep() -> None:
    from somevakt.inbox.triage import sweep

    sweep()


@periodic("inbox.reminders", every=dt.timedelta(minutes=5))
def reminders() -> None:
    from somevakt.inbox.reminders import send_reminders

    send_reminders()
