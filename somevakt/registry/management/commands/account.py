"""`somevakt account add|list|show|...`: official accounts without the web UI (DESIGN.md §4).

Apps above the registry add their own subcommands (`set-credentials` comes from the
integrations); see `registry.account_cli`.
"""

from __future__ import annotations

import getpass
import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from somevakt.registry.account_cli import account_or_fail, account_subcommands, bad_input, subcommand
from somevakt.registry.models import Account, AccountState, Platform
from somevakt.registry.services import Approver, add_account
from somevakt.tenants.models import Membership, Municipality, Unit


class Command(BaseCommand):
    help = "Add, list and show official accounts (and what other apps add, such as credentials)."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(
            dest="action",
            required=True,
            metavar="|".join(["add", "list", "show", *(extra.name for extra in account_subcommands())]),
        )

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

        for extra in account_subcommands():
            extra.add_arguments(sub.add_parser(extra.name, help=extra.help))

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        handlers = {
            "add": self.add,
            "list": self.list,
            "show": self.show,
        }
        if action in handlers:
            handlers[action](**options)
        else:
            subcommand(action).handle(self, options)

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
