"""Continuous jobs run by `somevakt worker`: work that must not wait for a periodic tick.

An app registers one in the `jobs` module its `AppConfig.ready()` imports:

    from somevakt.jobs.continuous import continuous

    @continuous("integrations.ingest")
    def ingest() -> int: ...  # takes one batch, returns how much it took

The worker runs each in a side thread of its own. While a round takes something, the next
round starts at once, so a backlog is worked off without a pause; when a round takes
nothing, the thread waits `--interval` before it looks again, so an idle worker sees new
work within that time. While any of them has a backlog the periodic jobs wait (see
`periodic.loop`). Several workers may run the same job: it must take its work with row
locks (`SKIP LOCKED`) or the like.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import close_old_connections

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContinuousJob:
    name: str
    func: Callable[[], int]


LOOPS: dict[str, ContinuousJob] = {}


def continuous(name: str) -> Callable[[Callable[[], int]], Callable[[], int]]:
    """Register `func` (one round; returns how much it took) to run continuously in the worker."""

    def register(func: Callable[[], int]) -> Callable[[], int]:
        LOOPS[name] = ContinuousJob(name, func)
        return func

    return register


def registered() -> dict[str, ContinuousJob]:
    """The continuous jobs the installed apps registered (all of them once Django is set up)."""
    return dict(LOOPS)


def run(job: ContinuousJob, stop: Callable[[], bool], busy: threading.Event, interval: float) -> None:
    """Run `job` round after round until `stop()`; `busy` is set while its last round took work."""
    while not stop():
        try:
            taken = job.func()
        except Exception:
            log.exception("%s: a round failed", job.name)
            taken = 0
        if taken:
            busy.set()
            continue  # more may be waiting: no sleep while there is work
        busy.clear()
        close_old_connections()
        time.sleep(interval)


def run_until_idle() -> int:
    """Run every continuous job until a round takes nothing (`worker --once`); returns what they took."""
    total = 0
    for job in sorted(LOOPS.values(), key=lambda j: j.name):
        while taken := job.func():
            total += taken
    return total
