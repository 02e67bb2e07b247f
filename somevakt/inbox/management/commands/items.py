"""`somevakt items --municipality SLUG [--state S] --json`: the municipality's items (DESIGN.md §4)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from somevakt.command_errors import OneLineErrors
from somevakt.inbox.models import ItemStatus
from somevakt.inbox.projection import STATES
from somevakt.tenants.models import Municipality


def local(moment) -> str | None:
    """ISO 8601 in Europe/Oslo with its offset, as `somevakt due` prints deadlines."""
    return timezone.localtime(moment).isoformat() if moment else None


def item_record(status: ItemStatus) -> dict:
    item = status.item
    return {
        "id": item.pk,
        "account": item.account_id,
        "platform": status.account.platform,
        "platform_id": item.platform_id,
        "kind": item.kind,
        "state": status.state,
        "action": status.action or None,
        "also": list(status.also),
        "due": local(status.due),
        "codes": list(status.codes),
        "clauses": list(status.clauses),
        "hidden": status.hidden,
        "deleted": status.deleted,
        "assignee": status.assignee.get_username() if status.assignee_id else None,
        "received_at": local(item.received_at),
        "answered_at": local(status.answered_at),
    }


class Command(OneLineErrors, BaseCommand):
    help = "List a municipality's inbox items (with --json: one JSON list, DESIGN.md §4)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--municipality", required=True, metavar="SLUG")
        parser.add_argument("--state", choices=STATES, help="only items in this state")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print a JSON list")

    def handle(self, *args, municipality: str, state: str | None, as_json: bool, **options) -> None:
        found = Municipality.objects.filter(slug=municipality).first()
        if found is None:
            raise CommandError(f"unknown municipality {municipality!r}", returncode=2)
        statuses = (
            ItemStatus.objects.filter(municipality=found)
            .select_related("item", "account", "assignee")
            .order_by("received_at", "item_id")
        )
        if state:
            statuses = statuses.filter(state=state)
        records = (item_record(s) for s in statuses.iterator(chunk_size=1000))
        if as_json:
            self._print_json(records)
            return
        for r in records:
            due = r["due"] or "-"
            self.stdout.write(
                f"{r['id']:>7}  {r['state']:<9} {r['action'] or '-':<16} {due:<26} {r['platform_id']}"
            )

    def _print_json(self, records) -> None:
        # Streamed, so a large municipality does not need its whole list in memory.
        self.stdout.write("[", ending="")
        for number, record in enumerate(records):
            self.stdout.write(("," if number else "") + "\n" + json_dumps(record), ending="")
        self.stdout.write("\n]")


def json_dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)
