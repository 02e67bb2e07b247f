"""Argument errors of the management commands as one line on stderr and exit code 2 (no usage dump),
as the core commands give them (DESIGN.md §4). Mixed into a command class before BaseCommand."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from django.core.management.base import CommandError


class OneLineErrors:
    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any):
        parser = super().create_parser(prog_name, subcommand, **kwargs)  # type: ignore[misc]

        def error(message: str) -> NoReturn:
            if not parser.called_from_command_line:
                raise CommandError(f"Error: {message}")
            sys.stderr.write(f"somevakt {subcommand}: {message}\n")
            sys.exit(2)

        parser.error = error
        return parser
