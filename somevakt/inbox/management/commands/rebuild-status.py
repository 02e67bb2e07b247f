"""`somevakt rebuild-status`: replay every item's event log into its status row.

The status is always the projection of the log (`inbox.projection.apply`); this command
proves it, and repairs a status row if one was ever changed by hand. It prints how many
rows it rebuilt and how many differed; `--check` changes nothing and exits 1 on a difference.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from somevakt.command_errors import OneLineErrors
from somevakt.inbox.events import new_status, write_status
from somevakt.inbox.models import Item, ItemEvent, ItemStatus
from somevakt.inbox.projection import initial_status, replay
from somevakt.tenants.models import Municipality

BATCH = 500


class Command(OneLineErrors, BaseCommand):
    help = "Rebuild every item's status by replaying its event log (inbox.projection.apply)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--municipality", metavar="SLUG", help="only this municipality")
        parser.add_argument(
            "--check", action="store_true", help="change nothing; exit 1 if any status differs"
        )

    def handle(self, *args, municipality: str | None, check: bool, **options) -> None:
        items = Item.objects.order_by("id")
        if municipality:
            found = Municipality.objects.filter(slug=municipality).first()
            if found is None:
                raise CommandError(f"unknown municipality {municipality!r}", returncode=2)
            items = items.filter(municipality=found)
        total = differed = 0
        ids = list(items.values_list("id", flat=True))
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            total += len(chunk)
            differed += self._rebuild(chunk, check)
        verb = "checked" if check else "rebuilt"
        self.stdout.write(f"rebuild-status: {total} items {verb}, {differed} differed")
        if check and differed:
            raise CommandError(f"{differed} item statuses differ from their event logs", returncode=1)

    def _rebuild(self, ids: list[int], check: bool) -> int:
        events: dict[int, list[dict]] = {pk: [] for pk in ids}
        for event in ItemEvent.objects.filter(item_id__in=ids).order_by("id").iterator(chunk_size=2000):
            events[event.item_id].append(event.as_event())
        differed = 0
        with transaction.atomic():
            statuses = {s.pk: s for s in ItemStatus.objects.select_for_update().filter(pk__in=ids)}
            items = {i.pk: i for i in Item.objects.filter(pk__in=ids)} if len(statuses) < len(ids) else {}
            for pk in ids:
                values = replay(events[pk]) if events[pk] else initial_status()
                status = statuses.get(pk)
                if status is not None and status.as_status() == values:
                    continue
                differed += 1
                if check:
                    continue
                if status is None:
                    status = new_status(items[pk])
                write_status(status, values)
                status.save()
        return differed
