"""`somevakt account add|list|show|set-credentials`: official accounts without the web UI (DESIGN.md §4)."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from somevakt.integrations.base import Credentials
from somevakt.registry.models import Account, AccountState, Platform
from somevakt.registry.services import Approver, add_account, set_credentials
from somevakt.tenants.models import Membership, Municipality, Unit

TOKEN_ENV = "SOMEVAKT_ACCOUNT_TOKEN"  # noqa: S105 - the name of a variable, not a secret
URL_ENV = "SOMEVAKT_ACCOUNT_URL"


def bad_input(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Add, list and show official accounts, and set their credentials."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="add|list|show|set-credentials")

        add = sub.add_parser("add", help="add an account (active at once); prints its id")
        add.add_argument("--municipality", required=True, metavar="SLUG")
        add.add_argument("--platform", required=True, choices=Platform.values)
        add.add_argument(
            "--external-id", required=True, metavar="ID", help="page / account id on the platform"
        )
        add.add_argument("--name", required=True)
        add.add_argument("--handle", default="")
        add.add_argument("--unit", default=None, metavar="SLUG")
        add.add_argument("--responsible", default=None, metavar="USERNAME")
        add.add_argument("--info-text", default="")
        add.add_argument(
            "--approved-by",
            default=None,
            metavar="USERNAME",
            help="the member recorded as approver (default: the system user running the command)",
        )

        listing = sub.add_parser("list", help="list accounts")
        listing.add_argument("--municipality", default=None, metavar="SLUG")
        listing.add_argument("--json", action="store_true")

        show = sub.add_parser("show", help="show one account (never its credentials)")
        show.add_argument("id", type=int)
        show.add_argument("--json", action="store_true")

        creds = sub.add_parser(
            "set-credentials",
            help=(
                "set the access token (and instance URL) from standard input, one per line, "
                f"or with --env from {TOKEN_ENV} and {URL_ENV}"
            ),
        )
        creds.add_argument("id", type=int)
        creds.add_argument("--env", action="store_true", help=f"read {TOKEN_ENV} and {URL_ENV}")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        handlers = {
            "add": self.add,
            "list": self.list,
            "show": self.show,
            "set-credentials": self.set_credentials,
        }
        handlers[action](**options)

    def add(self, *, municipality: str, platform: str, external_id: str, name: str, **options: Any) -> None:
        tenant = municipality_or_fail(municipality)
        fields: dict[str, Any] = {"handle": options["handle"], "info_text": options["info_text"]}
        if options["unit"]:
            fields["unit"] = Unit.objects.filter(municipality=tenant, slug=options["unit"]).first()
            if fields["unit"] is None:
                raise bad_input(f"no unit {options['unit']!r} in {tenant.slug}")
        if options["responsible"]:
            fields["responsible"] = member_or_fail(tenant, options["responsible"])
        if options["approved_by"]:
            approver = Approver(person=member_or_fail(tenant, options["approved_by"]))
        else:
            approver = Approver(label=f"cli:{system_user()}")
        try:
            account, _created = add_account(
                tenant, platform, external_id, name, approver=approver, state=AccountState.ACTIVE, **fields
            )
        except ValueError as exc:
            raise bad_input(str(exc)) from None
        self.stdout.write(str(account.pk))

    def list(self, *, municipality: str | None, json: bool, **options: Any) -> None:
        accounts = Account.objects.select_related("municipality").order_by("municipality__slug", "pk")
        if municipality:
            accounts = accounts.filter(municipality=municipality_or_fail(municipality))
        rows = [describe(account) for account in accounts]
        if json:
            self.stdout.write(dumps(rows))
            return
        for row in rows:
            self.stdout.write(
                f"{row['id']:>5}  {row['municipality']:<14} {row['platform']:<10} {row['external_id']:<22} "
                f"{row['state']:<19} {row['name']}"
            )

    def show(self, *, id: int, json: bool, **options: Any) -> None:
        account = account_or_fail(id)
        row = describe(account, full=True)
        if json:
            self.stdout.write(dumps(row))
            return
        for key, value in row.items():
            shown = ", ".join(value) if isinstance(value, list) else ("" if value is None else value)
            self.stdout.write(f"{key + ':':<20} {shown}")

    def set_credentials(self, *, id: int, env: bool, **options: Any) -> None:
        account = account_or_fail(id)
        if env:
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
        if account.platform == Platform.MASTODON and not base_url:
            raise bad_input("a Mastodon account needs its instance URL (the second line)")
        set_credentials(account, Credentials(token=token, base_url=base_url))
        self.stdout.write(f"credentials set for account {account.pk}")


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


def system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def municipality_or_fail(slug: str) -> Municipality:
    found = Municipality.objects.filter(slug=slug).first()
    if found is None:
        raise bad_input(f"no municipality with the slug {slug!r}")
    return found


def member_or_fail(municipality: Municipality, username: str) -> Any:
    person = get_user_model().objects.filter(username=username).first()
    if person is None or not Membership.objects.filter(person=person, municipality=municipality).exists():
        raise bad_input(f"{username!r} is not a member of {municipality.slug}")
    return person


def account_or_fail(pk: int) -> Account:
    found = Account.objects.select_related("municipality", "unit", "responsible").filter(pk=pk).first()
    if found is None:
        raise bad_input(f"no account with id {pk}")
    return found


def describe(account: Account, *, full: bool = False) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": account.pk,
        "municipality": account.municipality.slug,
        "platform": account.platform,
        "external_id": account.external_id,
        "name": account.name,
        "state": account.state,
        "credentials": "set" if account.has_credentials else "not set",
    }
    if full:
        row.update(
            {
                "handle": account.handle,
                "unit": account.unit.slug if account.unit else None,
                "responsible": account.responsible.get_username() if account.responsible else None,
                "admins": sorted(person.get_username() for person in account.admins.all()),
                "approved_by": account.approved_by_name,
                "approved_at": iso(account.approved_at),
                "last_delivery_at": iso(account.last_delivery_at),
                "quiet_spell_hours": account.quiet_spell.total_seconds() / 3600,
                "info_text": account.info_text,
            }
        )
    return row


def iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
