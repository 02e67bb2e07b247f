"""`somevakt crisis declare|end|status --municipality SLUG --as USERNAME`: crisis mode without the
web pages, through the same services (crisis.services), checked against the pack like a web user.

A refusal (someone the pack does not allow, an unknown account, no crisis to end) is one line in
Norwegian on stderr and exit code 2.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from somevakt.command_errors import OneLineErrors
from somevakt.crisis import services
from somevakt.crisis.gate import active_crisis_in
from somevakt.crisis.models import CrisisMode
from somevakt.tenants.models import Membership, Municipality


def bad_input(message: str) -> CommandError:
    return CommandError(message, returncode=2)


def status_of(municipality: Municipality, crisis: CrisisMode | None) -> dict[str, Any]:
    """`status --json`: {"active", "declared_by", "since", "accounts"} (accounts: ids, or "all")."""
    if crisis is None or not crisis.active:
        return {"active": False, "declared_by": None, "since": None, "accounts": []}
    return {
        "active": True,
        "declared_by": crisis.declared_by.get_username() if crisis.declared_by else None,
        "since": crisis.started_at.isoformat(),
        "accounts": "all"
        if crisis.whole_municipality
        else sorted(crisis.accounts.values_list("pk", flat=True)),
        "reason": crisis.reason,
        "id": crisis.pk,
    }


class Command(OneLineErrors, BaseCommand):
    help = "Declare or end crisis mode, or show whether it is in force, as a member the pack allows."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="declare|end|status")
        for name, text in (
            ("declare", "declare crisis mode for the whole municipality, or --accounts"),
            ("end", "end the crisis mode in force (--reason is kept as the note at the end)"),
            ("status", "whether crisis mode is in force, since when, by whom, for which accounts"),
        ):
            step = sub.add_parser(name, help=text)
            step.add_argument("--municipality", required=True, metavar="SLUG")
            step.add_argument(
                "--as", dest="as_user", required=True, metavar="USERNAME", help="the member who acts"
            )
            if name != "status":
                step.add_argument("--reason", default="", metavar="TEXT", help="why (required to declare)")
            if name == "declare":
                step.add_argument(
                    "--accounts",
                    default="",
                    metavar="ID,...",
                    help="only these accounts (ids, comma-separated)",
                )
            step.add_argument("--json", action="store_true")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        # What the command says is in bokmål, as the screens are by default.
        with translation.override("nb"):
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                raise bad_input(
                    _("No municipality has the slug %(slug)s.") % {"slug": options["municipality"]}
                )
            person = get_user_model().objects.filter(username=options["as_user"]).first()
            if (
                person is None
                or not Membership.objects.filter(person=person, municipality=municipality).exists()
            ):
                raise bad_input(
                    _("%(name)s is not a member of %(municipality)s.")
                    % {"name": options["as_user"], "municipality": municipality.slug}
                )
            try:
                crisis = getattr(self, action)(municipality, person, options)
            except services.CrisisRefused as refused:
                raise bad_input(str(refused)) from None
        status = status_of(municipality, crisis)
        if options["json"]:
            self.stdout.write(json.dumps(status, ensure_ascii=False))
        elif status["active"]:
            accounts = status["accounts"]
            scope = "all" if accounts == "all" else ",".join(map(str, accounts))
            self.stdout.write(f"active since {status['since']} by {status['declared_by']} accounts {scope}")
        else:
            self.stdout.write("not active")

    def declare(self, municipality: Municipality, person: Any, options: dict[str, Any]) -> CrisisMode:
        ids = _ids(options["accounts"])
        accounts = services.accounts_for(municipality, ids) if ids else []
        return services.declare(municipality, person, options["reason"], accounts)

    def end(self, municipality: Municipality, person: Any, options: dict[str, Any]) -> CrisisMode | None:
        crisis = active_crisis_in(municipality)
        if crisis is None:
            raise services.CrisisRefused(_("Crisis mode is not in force."))
        services.end(crisis, person, options["reason"])
        return None

    def status(self, municipality: Municipality, person: Any, options: dict[str, Any]) -> CrisisMode | None:
        return active_crisis_in(municipality)


def _ids(raw: str) -> list[int]:
    parts = [p.strip() for p in (raw or "").split(",") if p.strip()]
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise bad_input(_("--accounts takes account ids separated by commas, e.g. 3,7.")) from None
