"""`somevakt account set-credentials ID [--env]`: an account's access token (and instance URL).

Read from standard input (one per line, never echoed at a terminal) or from the environment,
so a token never appears in a shell history or a process list; never printed or logged.
Registered with the registry's `account` command in `IntegrationsConfig.ready()`.
"""

from __future__ import annotations

import getpass
import os
import sys
from argparse import ArgumentParser
from typing import Any
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand

from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import set_credentials
from somevakt.integrations.registry import adapter_class
from somevakt.registry.account_cli import AccountSubcommand, account_or_fail, bad_input

TOKEN_ENV = "SOMEVAKT_ACCOUNT_TOKEN"  # noqa: S105 - the name of a variable, not a secret
URL_ENV = "SOMEVAKT_ACCOUNT_URL"


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("id", type=int)
    parser.add_argument("--env", action="store_true", help=f"read {TOKEN_ENV} and {URL_ENV}")


def handle(command: BaseCommand, options: dict[str, Any]) -> None:
    account = account_or_fail(options["id"])
    if options["env"]:
        token = os.environ.get(TOKEN_ENV, "").strip()
        base_url = os.environ.get(URL_ENV, "").strip()
        if not token and not base_url:
            raise bad_input(f"neither {TOKEN_ENV} nor {URL_ENV} is set")
    else:
        token, base_url = read_secret_lines()
    if base_url:
        parts = urlsplit(base_url)
        if parts.scheme not in ("https", "http") or not parts.netloc:
            raise bad_input("the instance URL must be an http(s) URL such as https://social.example")
        base_url = base_url.rstrip("/")
    if adapter_class(account.platform).needs_instance_url and not base_url:
        raise bad_input(
            f"a {account.get_platform_display()} account needs its instance URL (the second line)"
        )
    set_credentials(account, Credentials(token=token, base_url=base_url))
    command.stdout.write(f"credentials set for account {account.pk}")


def read_secret_lines() -> tuple[str, str]:
    if sys.stdin.isatty():
        token = getpass.getpass("Access token: ").strip()
        base_url = input("Instance URL (Mastodon; empty for Meta): ").strip()
        return token, base_url
    lines = [line.strip() for line in sys.stdin.read().splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise bad_input("nothing on standard input: give the token on the first line")
    if len(lines) > 2:
        raise bad_input("standard input: expected the token and at most an instance URL, one per line")
    return lines[0], lines[1] if len(lines) == 2 else ""


SET_CREDENTIALS = AccountSubcommand(
    name="set-credentials",
    help=(
        "set the access token (and instance URL) from standard input, one per line, "
        f"or with --env from {TOKEN_ENV} and {URL_ENV}"
    ),
    add_arguments=add_arguments,
    handle=handle,
)
