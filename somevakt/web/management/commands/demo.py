"""`somevakt demo [--port N] [--load-only] [--no-fake-platforms]`: migrate, load the demo data,
start the fake platforms, print the logins, serve."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from somevakt.demo import fake_platforms
from somevakt.demo.loader import DEMO_PASSWORD, load_demo, logins
from somevakt.web.management.commands import _serving

HOST = "127.0.0.1"


class Command(BaseCommand):
    help = (
        "Migrate, load the demo data (four municipalities), start fake Facebook, Instagram, "
        "Mastodon and websites for it, then serve on 127.0.0.1."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
        parser.add_argument("--load-only", action="store_true", help="stop after loading the demo data")
        parser.add_argument(
            "--no-fake-platforms",
            action="store_true",
            help="connect the demo's accounts to nothing (replies, hides and posts fail as 'not connected')",
        )

    def handle(self, *args, port: int, load_only: bool, no_fake_platforms: bool, **options) -> None:
        if settings.PRODUCTION:
            raise CommandError(
                "the demo data has public passwords; it is not loaded when SOMEVAKT_ENV=production",
                returncode=2,
            )
        if not load_only:
            # Before the slow steps, so a busy port is reported at once.
            _serving.check_port(HOST, port)
        call_command("migrate", interactive=False, verbosity=0)
        context = load_demo(log=self.stdout.write)
        municipalities = list(context.municipalities.values())
        if load_only or no_fake_platforms:
            # The fakes live only as long as this process; credentials for them would point at nothing.
            fake_platforms.disconnect(municipalities)
        self.print_logins(port, load_only)
        if load_only:
            return
        # The web server and the worker read it: links in the demo's e-mails open this server.
        os.environ.setdefault("SOMEVAKT_BASE_URL", f"http://{HOST}:{port}")
        fakes = None
        if no_fake_platforms:
            self.stdout.write(
                "No fake platforms (--no-fake-platforms): the demo's accounts are connected to nothing, so "
                "replies, hides, deletes and posts fail as 'not connected' and link checks reach no website."
            )
        else:
            fakes = fake_platforms.start(settings.DATA_DIR, municipalities, write=self.stdout.write)
            # For the web server and the worker started below, and for nothing else.
            os.environ.update(fakes.env)
            for line in fakes.summary():
                self.stdout.write(line)
        self.stdout.write("")
        try:
            code = _serving.run(HOST, port, self.stdout.write)
        finally:
            if fakes is not None:
                fakes.stop()
        if code:
            raise CommandError(f"the web server stopped with exit code {code}", returncode=code)

    def print_logins(self, port: int, load_only: bool) -> None:
        write = self.stdout.write
        write("")
        if not load_only:
            write(f"somevakt demo: http://{HOST}:{port}/")
        write(f"Every demo person logs in with the password: {DEMO_PASSWORD}")
        for municipality, people in logins():
            write(f"  {municipality}:")
            for username, roles in people:
                write(f"    {username:<28} {roles}")
        write("")
