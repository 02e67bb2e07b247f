"""`somevakt worker`: takes in deliveries, runs queued tasks (triage, platform calls) and the periodic jobs.

Three loops share the process. The ingest loop (a side thread) takes fresh stored
deliveries in batches and triages their items in batches (`integrations.deliveries.drain`),
so triage never waits behind a slow platform call; the task loop is django-tasks-db's own
worker; the periodic jobs (sweeps, deadline reminders, the archive, and what other apps
register in their `jobs` module) run in another side thread and wait while the ingest loop
has a backlog. Several workers may run at once: deliveries are taken with `SKIP LOCKED`,
tasks with row locks, periodic runs with a conditional update. Stopping it (Ctrl+C,
SIGTERM) loses nothing: a delivery or item whose processing was interrupted is picked up by
its task or the sweeps.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from somevakt.inbox import periodic
from somevakt.inbox.management.commands._one_line import OneLineErrors

log = logging.getLogger(__name__)

# The language models multiply small matrices, a batch of comments at a time: a BLAS thread
# pool costs more CPU than it saves (its threads spin while they wait) and takes it from the
# web server and the database on the same machine. More throughput comes from more workers.
SINGLE_THREADED = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def single_threaded_models() -> None:
    """Ask the numerical libraries for one thread each; only works before numpy is loaded."""
    for name, value in SINGLE_THREADED.items():
        os.environ.setdefault(name, value)
    if "numpy" in sys.modules:
        log.info("worker: numpy was loaded before the worker started; its thread pool is as it was")


def ingest_loop(stop: Callable[[], bool], busy: threading.Event, interval: float) -> None:
    """Drain stored deliveries until `stop()`; `busy` is set while a batch was full of work."""
    from somevakt.integrations.deliveries import drain

    while not stop():
        try:
            taken = drain()
        except Exception:
            log.exception("ingest: a round failed")
            taken = 0
        if taken:
            busy.set()
            continue  # more may be waiting: no sleep while there is work
        busy.clear()
        close_old_connections()
        time.sleep(interval)


def drain_all() -> int:
    from somevakt.integrations.deliveries import drain

    total = 0
    while taken := drain():
        total += taken
    return total


class Command(OneLineErrors, BaseCommand):
    help = (
        "Take in deliveries, run queued tasks (triage, platform calls) and periodic jobs (sweeps, reminders)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="run the periodic jobs that are due, every stored delivery and every queued task, then stop",
        )
        parser.add_argument(
            "--interval", type=float, default=0.2, help="seconds to wait when the queue is empty (0.2)"
        )
        parser.add_argument(
            "--tick", type=float, default=5.0, help="seconds between checks for due periodic jobs (5)"
        )

    def handle(self, *args, once: bool, interval: float, tick: float, verbosity: int, **options) -> None:
        if interval < 0 or tick <= 0:
            raise CommandError("--interval must be 0 or more and --tick more than 0", returncode=2)
        single_threaded_models()
        jobs = periodic.discover()
        worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=once,
            backend_name="default",
            startup_delay=not once,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if once:
            ran = periodic.run_due()
            drain_all()
            worker.run()
            if verbosity:
                self.stdout.write(f"worker: ran {', '.join(ran) or 'no periodic jobs'}; queue empty")
            return
        if verbosity:
            self.stdout.write(f"worker: {len(jobs)} periodic jobs ({', '.join(sorted(jobs))})")
        stopping = threading.Event()
        busy = threading.Event()
        threads = [
            threading.Thread(
                target=ingest_loop, args=(stopping.is_set, busy, interval), name="ingest", daemon=True
            ),
            threading.Thread(
                target=periodic.loop,
                args=(stopping.is_set, tick, busy.is_set),
                name="periodic-jobs",
                daemon=True,
            ),
        ]
        for thread in threads:
            thread.start()
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stopping.set()
