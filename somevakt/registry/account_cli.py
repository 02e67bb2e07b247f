"""What `somevakt account` shares with the apps that add subcommands to it.

The registry owns the `account` command, but some of what is done to an account belongs to
apps above it (the integrations set its credentials). Those apps register a subcommand here
in their `ready()`; the command adds its parser and hands it the parsed options.
"""

from __future__ import annotations

from argparse import ArgumentParser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from somevakt.registry.models import Account


@dataclass(frozen=True)
class AccountSubcommand:
    name: str
    help: str
    add_arguments: Callable[[ArgumentParser], None]
    handle: Callable[[BaseCommand, dict[str, Any]], None]


_subcommands: dict[str, AccountSubcommand] = {}


def register_account_subcommand(subcommand: AccountSubcommand) -> None:
    _subcommands[subcommand.name] = subcommand


def account_subcommands() -> list[AccountSubcommand]:
    return list(_subcommands.values())


def subcommand(name: str) -> AccountSubcommand:
    return _subcommands[name]


def bad_input(message: str) -> CommandError:
    """A user's mistake: one line on stderr and exit code 2 (DESIGN.md §4)."""
    return CommandError(message, returncode=2)


def account_or_fail(pk: int) -> Account:
    found = Account.objects.select_related("municipality", "unit", "responsible").filter(pk=pk).first()
    if found is None:
        raise bad_input(f"no account with id {pk}")
    return found
