"""The `somevakt` command.

The pure-Python core (check, due, policy, eval, train, bench) runs without Django
or a database. Every other subcommand is a Django management command, run with
the settings module set, so `somevakt migrate`, `somevakt demo` and friends work.
"""

from __future__ import annotations

import importlib
import os
import sys

# Subcommands that never touch Django; each module exposes `main(argv) -> int`.
CORE_COMMANDS: dict[str, str] = {
    "check": "somevakt.commands.check",
    "due": "somevakt.commands.due",
    "policy": "somevakt.commands.policy",
    "eval": "somevakt.commands.evaluate",
    "train": "somevakt.commands.train",
    "bench": "somevakt.commands.bench",
}

USAGE = """usage: somevakt COMMAND [ARGS]

Guidelines and text (no database):
  check       check a text against a municipality's guideline
  due         the answer deadline for an item received at a given time
  policy      list, show, coverage and compare the guideline packs
  eval        measure the NER and sentiment models on a data file
  train       rebuild a shipped model from the training data
  bench       analysis speed benchmark

The application (Django; DATABASE_URL selects the database, SQLite by default):
  demo, serve, worker, migrate, account, import, items, rebuild-status,
  archive, export, createsuperuser, django-check (Django's system checks),
  ... (`somevakt help` lists them all)
"""


def main(argv: list[str] | None = None) -> int:
    try:
        code = _main(argv)
        if argv is None and sys.argv[1:2] == ["check"]:
            _exit_now(code)
        return code
    except BrokenPipeError:
        # `somevakt items --json | head`: the reader left; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _exit_now(code: int) -> None:
    """End the process once its output is written, without freeing every object one by one: after
    `check --jsonl` over thousands of lines (the models, their vocab, the documents) that teardown
    took a few tenths of a second of nothing. Only from the command line, where nothing follows."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _main(argv: list[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(USAGE)
        return 0
    if args[0] in {"--version", "version"}:
        from somevakt import __version__

        print(__version__)
        return 0
    command = args[0]
    if command == "django-check":
        # `somevakt check` is the guideline checker; Django's system checks live here.
        return run_django(["somevakt", "check", *args[1:]])
    if command in CORE_COMMANDS:
        module = importlib.import_module(CORE_COMMANDS[command])
        return int(module.main(args[1:]) or 0)
    return run_django(["somevakt", *args])


def run_django(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "somevakt.settings")
    from somevakt.config import ConfigError

    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except ConfigError as exc:
        print(f"somevakt: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
