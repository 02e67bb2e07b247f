"""`somevakt due`: the answer deadline for an item received at a given time (DESIGN.md §4).

    somevakt due --policy SLUG --received ISO8601 [--closure START/END ...] [--json]

Prints the deadline in ISO 8601 with its UTC offset (Europe/Oslo), or `none` where the
guideline sets no deadline. A timestamp without an offset is Europe/Oslo local time.
"""

from __future__ import annotations

import datetime as dt
import json

from somevakt.policy.cli_support import EXIT_OK, Parser, UsageError, fail
from somevakt.policy.packs import PackError, load_pack
from somevakt.policy.worktime import WorkCalendar, due

PROG = "somevakt due"


def build_parser() -> Parser:
    p = Parser(prog=PROG, description="The answer deadline for an item, in the municipality's office hours.")
    p.add_argument("--policy", required=True, metavar="SLUG")
    p.add_argument("--received", required=True, metavar="ISO8601", help="e.g. 2026-03-04T10:00 (Oslo time)")
    p.add_argument(
        "--closure",
        action="append",
        default=[],
        metavar="START/END",
        help="a temporary closure of the account that pauses the clock (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="print a JSON object instead of the bare deadline")
    return p


def parse_instant(value: str, what: str, calendar: WorkCalendar) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        example = "2026-03-04T10:00 or 2026-03-04T10:00+01:00"
        raise UsageError(f"cannot read {what} {value!r}: expected ISO 8601, e.g. {example}") from None
    return calendar.aware(parsed)


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        pack = load_pack(args.policy)
        calendar = WorkCalendar.from_office_hours(pack.office_hours)
        received = parse_instant(args.received, "--received", calendar)
        closures = []
        for raw in args.closure:
            start, sep, end = raw.partition("/")
            if not sep:
                raise UsageError(f"--closure {raw!r} must be START/END")
            closures.append(
                (
                    parse_instant(start, "--closure start", calendar),
                    parse_instant(end, "--closure end", calendar),
                )
            )
        deadline = due(received, pack.response.working_days, calendar.with_closures(closures))
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except (UsageError, PackError, ValueError) as exc:
        return fail(PROG, str(exc))
    shown = deadline.isoformat() if deadline else "none"
    if args.json:
        print(
            json.dumps(
                {
                    "policy": pack.slug,
                    "policy_revision": pack.revision,
                    "received": received.astimezone(calendar.tz).isoformat(),
                    "due": deadline.isoformat() if deadline else None,
                    "working_days": pack.response.working_days,
                    "clause": pack.response.clause,
                }
            )
        )
    else:
        print(shown)
    return EXIT_OK
