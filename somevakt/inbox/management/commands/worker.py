"""`somevakt worker`: runs queued tasks (triage, platform calls) and the periodic jobs.

The task loop is django-tasks-db's own worker; the periodic jobs (triage sweep, deadline
reminders, and what other apps register in their `jobs` module) run in a side thread.
Several workers may run at once: tasks are claimed with row locks, periodic runs with a
conditional update. Stopping it (Ctrl+C, SIGTERM) loses nothing: an item whose triage was
interrupted is picked up by the next triage sweep.
"""

from __future__ import annotations

import threading

from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from somevakt.inbox import periodic
from somevakt.inbox.management.commands._one_line import OneLineErrors


class Command(OneLineErrors, BaseCommand):
    help = "Run queued tasks (triage, platform calls) and periodic jobs (sweeps, reminders)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="run the periodic jobs that are due and every queued task, then stop",
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
            worker.run()
            if verbosity:
                self.stdout.write(f"worker: ran {', '.join(ran) or 'no periodic jobs'}; queue empty")
            return
        if verbosity:
            self.stdout.write(f"worker: {len(jobs)} periodic jobs ({', '.join(sorted(jobs))})")
        stopping = threading.Event()
        side = threading.Thread(
            target=periodic.loop, args=(stopping.is_set, tick), name="periodic-jobs", daemon=True
        )
        side.start()
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stopping.set()
