"""`somevakt serve [--port N] [--host H]`: the web app (and worker) without demo data."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from somevakt.web.management.commands import _serving


class Command(BaseCommand):
    help = "Serve the web app with gunicorn (and the task worker, when there is one)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")

    def handle(self, *args, port: int, host: str, **options) -> None:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("the database is not up to date; run `somevakt migrate` first", returncode=2)
        _serving.check_port(host, port)
        code = _serving.run(host, port, self.stdout.write)
        if code:
            raise CommandError(f"the web server stopped with exit code {code}", returncode=code)
