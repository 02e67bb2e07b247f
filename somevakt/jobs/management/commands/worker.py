"""`somevakt worker`: takes in deliveries, runs queued tasks (triage, platform calls) and the periodic jobs.

Three kinds of loop share the process. The continuous jobs (each in a side thread; the
integrations register their ingest loop, which takes fresh stored deliveries in batches and
triages their items in batches, so triage never waits behind a slow platform call) run
round after round while they find work; the task loop is django-tasks-db's own worker; the
periodic jobs (sweeps, deadline reminders, the archive) run in another side thread and wait
while a continuous job has a backlog. The apps register both kinds in their own `ready()`
(see `somevakt.jobs.periodic` and `somevakt.jobs.continuous`); this command imports no app.
Several workers may run at once: deliveries are taken with `SKIP LOCKED`, tasks with row
locks, periodic runs with a conditional update. Stopping it (Ctrl+C, SIGTERM) loses nothing:
a delivery or item whose processing was interrupted is picked up by its task or the sweeps.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from somevakt.analysis.models import SINGLE_THREADED
from somevakt.command_errors import OneLineErrors
from somevakt.jobs import continuous, periodic

log = logging.getLogger(__name__)

# The models run single-threaded (`models.SINGLE_THREADED`): more throughput comes from more
# workers.


def single_threaded_models() -> None:
    """Ask the numerical libraries for one thread each; only works before numpy is loaded."""
    for name, value in SINGLE_THREADED.items():
        os.environ.setdefault(name, value)
    if "numpy" in sys.modules:
        log.info("worker: numpy was loaded before the worker started; its thread pool is as it was")


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
        jobs = periodic.registered()
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
            continuous.run_until_idle()
            worker.run()
            if verbosity:
                self.stdout.write(f"worker: ran {', '.join(ran) or 'no periodic jobs'}; queue empty")
            return
        if verbosity:
            self.stdout.write(f"worker: {len(jobs)} periodic jobs ({', '.join(sorted(jobs))})")
        stopping = threading.Event()
        # One flag per continuous job: the periodic jobs wait while any of them has a backlog.
        loops = [(job, threading.Event()) for job in continuous.registered().values()]
        threads = [
            threading.Thread(
                target=continuous.run, args=(job, stopping.is_set, busy, interval), name=job.name, daemon=True
            )
            for job, busy in loops
        ]
        threads.append(
            threading.Thread(
                target=periodic.loop,
                args=(stopping.is_set, tick, lambda: any(busy.is_set() for _, busy in loops)),
                name="periodic-jobs",
                daemon=True,
            )
        )
        for thread in threads:
            thread.start()
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stopping.set()
