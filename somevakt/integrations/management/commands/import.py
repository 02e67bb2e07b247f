"""`somevakt import FILE --account ID`: comments from a JSON Lines or CSV export into the inbox.

Each comment is stored in its own transaction, so an interrupted import keeps what it did, and
running it again adds only what is missing (the inbox is idempotent per account and platform id).
A progress bar goes to standard error; the summary says what was new, what was already there
and which lines were rejected and why. Exit code 2 if any line was rejected.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from somevakt.inbox.ingest import ingest_comment
from somevakt.integrations.base import Credentials
from somevakt.integrations.file.adapter import FileAdapter, RowRejected
from somevakt.integrations.file.client import UnreadableFile, count_lines, detect_format, read_rows
from somevakt.registry.models import Account, AccountState

MAX_REASONS_SHOWN = 50


class Command(BaseCommand):
    help = "Import comments from a JSON Lines (.jsonl) or CSV (.csv) export into an account's inbox."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, metavar="FILE")
        parser.add_argument(
            "--account", type=int, required=True, metavar="ID", help="from `somevakt account add`"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, file: Path, account: int, no_progress: bool, **options: Any) -> None:
        target = Account.objects.filter(pk=account).select_related("municipality").first()
        if target is None:
            raise CommandError(f"no account with id {account} (see `somevakt account list`)", returncode=2)
        if target.state == AccountState.RETIRED:
            raise CommandError(f"account {account} is retired; nothing is imported into it", returncode=2)
        if not file.is_file():
            raise CommandError(f"{file}: no such file", returncode=2)
        try:
            file_format = detect_format(file)
            total = count_lines(file)
        except (UnreadableFile, OSError) as exc:
            raise CommandError(str(exc), returncode=2) from None

        adapter = FileAdapter(target.external_id, Credentials())
        counts: Counter[str] = Counter()
        rejected: list[tuple[int, str]] = []
        progress = tqdm(
            total=total,
            unit=" lines",
            file=sys.stderr,
            disable=no_progress or None,
            desc=file.name,
            leave=False,
        )
        try:
            with progress:
                for row in read_rows(file, file_format):
                    progress.update(row.line - progress.n)
                    try:
                        if row.data is None:
                            raise RowRejected(row.error)
                        parsed = adapter.parse_row(row.data)
                        _item, created = ingest_comment(target, parsed)
                    except RowRejected as exc:
                        rejected.append((row.line, str(exc)))
                        counts["rejected"] += 1
                        continue
                    counts["new" if created else "duplicate"] += 1
        except UnreadableFile as exc:
            raise CommandError(str(exc), returncode=2) from None
        except KeyboardInterrupt:
            self.summary(file, target, counts, rejected, interrupted=True)
            raise CommandError(
                "interrupted; run the same command again to import the rest", returncode=130
            ) from None
        self.summary(file, target, counts, rejected)
        if rejected:
            raise CommandError(f"{len(rejected)} line(s) rejected", returncode=2)

    def summary(
        self,
        file: Path,
        account: Account,
        counts: Counter[str],
        rejected: list[tuple[int, str]],
        *,
        interrupted: bool = False,
    ) -> None:
        write = self.stdout.write
        state = " (interrupted)" if interrupted else ""
        write(f"{file.name} -> account {account.pk} ({account}){state}")
        write(f"  new:       {counts['new']}")
        write(f"  duplicate: {counts['duplicate']}")
        write(f"  rejected:  {counts['rejected']}")
        for line, reason in rejected[:MAX_REASONS_SHOWN]:
            write(f"    line {line}: {reason}")
        if len(rejected) > MAX_REASONS_SHOWN:
            write(f"    ... and {len(rejected) - MAX_REASONS_SHOWN} more")
