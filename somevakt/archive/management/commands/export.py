"""`somevakt export noark5 --municipality SLUG --from DATE --to DATE OUT`: a Noark 5 extract."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser

from somevakt.archive.extract import ExportError, export_noark5
from somevakt.tenants.models import Municipality


def _date(flag: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{flag} {value!r} is not a date (YYYY-MM-DD)", returncode=2) from None


class Command(BaseCommand):
    help = "Write a Noark 5 extract (arkivuttrekk) of a municipality's journal entries for a period."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="format", required=True, metavar="noark5")
        noark5 = sub.add_parser(
            "noark5", help="Noark 5 arkivuttrekk: arkivstruktur, endringslogg, ADDML, documents"
        )
        noark5.add_argument("--municipality", required=True, metavar="SLUG")
        noark5.add_argument(
            "--from", dest="start", required=True, metavar="DATE", help="first day, inclusive"
        )
        noark5.add_argument("--to", dest="end", required=True, metavar="DATE", help="last day, inclusive")
        noark5.add_argument("out", metavar="OUT", help="a folder that does not exist yet, or is empty")

    def handle(
        self, *args: object, municipality: str, start: str, end: str, out: str, **options: object
    ) -> None:
        first, last = _date("--from", start), _date("--to", end)
        if last < first:
            raise CommandError(f"--to {end} is before --from {start}", returncode=2)
        found = Municipality.objects.filter(slug=municipality).first()
        if found is None:
            raise CommandError(f"unknown municipality {municipality!r}", returncode=2)
        try:
            result = export_noark5(found, first, last, out)
        except ExportError as exc:
            raise CommandError(str(exc), returncode=exc.returncode) from None
        self.stdout.write(
            f"{result.summary.registrations} journal entries, {result.summary.documents} documents, "
            f"{result.summary.changes} changes: {result.out}"
        )
        for record_id, error in result.missing_documents:
            self.stderr.write(f"without its document (capture failed): {record_id}: {error}")
