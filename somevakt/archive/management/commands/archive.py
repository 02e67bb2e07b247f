"""`somevakt archive deliver --municipality SLUG [--outbox DIR]`: capture and deliver what is pending.
`somevakt archive ping --municipality SLUG`: check the municipality's Fiks IO path, one line a part."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from somevakt.archive.services import deliver_pending, transport_for
from somevakt.archive.transports.fiksio.ping import ping
from somevakt.tenants.models import Municipality


class Command(BaseCommand):
    help = "Journal, capture and deliver to the archive everything pending (no worker needed)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="deliver|ping")
        deliver = sub.add_parser("deliver", help="capture and deliver what is pending, then print a summary")
        deliver.add_argument("--municipality", required=True, metavar="SLUG")
        deliver.add_argument(
            "--outbox", metavar="DIR", help="the outbox folder (default SOMEVAKT_ARCHIVE_OUTBOX)"
        )
        ping = sub.add_parser(
            "ping", help="check the Fiks IO settings, certificate, token, catalogue and queue, one line each"
        )
        ping.add_argument("--municipality", required=True, metavar="SLUG")

    def handle(
        self, *args: object, action: str, municipality: str, outbox: str | None = None, **options: object
    ) -> None:
        found = Municipality.objects.filter(slug=municipality).first()
        if found is None:
            raise CommandError(f"unknown municipality {municipality!r}", returncode=2)
        if action == "ping":
            checks = ping(found)
            # English, as the rest of this command speaks; the settings page says the same in the
            # reader's language.
            with translation.override("en"):
                for check in checks:
                    self.stdout.write(check.line())
            if not all(check.ok for check in checks):
                raise CommandError("the Fiks IO path does not work; see above", returncode=1)
            return
        if outbox is not None and Path(outbox).exists() and not Path(outbox).is_dir():
            raise CommandError(f"--outbox {outbox} is not a folder", returncode=2)
        summary = deliver_pending(found, transport_for(outbox, found), force=True)
        for line in summary.lines():
            self.stdout.write(line)
        if summary.failed:
            raise CommandError("some entries were not delivered; see above", returncode=1)
