"""`somevakt account add|list|show|plan|submit|approve|...`: official accounts without the web UI.

The lifecycle subcommands act as the member named by `--as USERNAME` and go through the same
checks as the web pages (`registry.lifecycle`): a refusal is one line on stderr and exit 2.
Apps above the registry add their own subcommands (`set-credentials` comes from the
integrations); see `registry.account_cli`.
"""

from __future__ import annotations

import getpass
import json
import sys
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from somevakt.registry import lifecycle
from somevakt.registry.account_cli import account_or_fail, account_subcommands, bad_input, subcommand
from somevakt.registry.models import Account, AccountState, Platform
from somevakt.registry.services import Actor, add_account
from somevakt.tenants.models import Membership, Municipality, Unit


class Command(BaseCommand):
    help = "Add, list and show official accounts (and what other apps add, such as credentials)."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(
            dest="action",
            required=True,
            metavar="|".join(
                ["add", "list", "show", *LIFECYCLE, *(extra.name for extra in account_subcommands())]
            ),
        )

        add = sub.add_parser(
            "add",
            help="add an account, planned unless --approved-by names a member allowed to approve it; "
            "prints its id",
        )
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
            help="a member allowed to approve under the pack, who approved it outside somevakt: the "
            "account is approved (active, if --responsible is given too)",
        )
        add.add_argument("--comment", default="", help="the approval's comment (with --approved-by)")

        listing = sub.add_parser("list", help="list accounts")
        listing.add_argument("--municipality", default=None, metavar="SLUG")
        listing.add_argument("--json", action="store_true")

        show = sub.add_parser("show", help="show one account (never its credentials)")
        show.add_argument("id", type=int)
        show.add_argument("--json", action="store_true")

        plan = sub.add_parser(
            "plan",
            help="write or revise a planned account's plan (the pack's questions); prints what is missing",
        )
        plan.add_argument("id", type=int)
        plan.add_argument(
            "--answer",
            action="append",
            default=[],
            metavar="QUESTION=TEXT",
            help="an answer by question id (repeat); see `account show ID` for the questions",
        )
        plan.add_argument(
            "--answers-file",
            default=None,
            metavar="FILE",
            help="a JSON object of answers by question id (- for stdin)",
        )
        plan.add_argument("--responsible", default=None, metavar="USERNAME")
        plan.add_argument("--admins", default=None, metavar="USERNAME,...")
        as_member(plan)

        for name, text in (
            ("submit", "send the plan for approval (the approvers are e-mailed)"),
            ("approve", "approve the plan: the account becomes approved"),
            ("reject", "reject the plan; it can be revised and sent again"),
        ):
            step = sub.add_parser(name, help=text)
            step.add_argument("id", type=int)
            if name != "submit":
                step.add_argument("--comment", required=True, help="why (required)")
            as_member(step)

        activate = sub.add_parser("activate", help="approved -> active; needs a responsible person")
        activate.add_argument("id", type=int)
        activate.add_argument("--responsible", default=None, metavar="USERNAME")
        activate.add_argument("--admins", default=None, metavar="USERNAME,...")
        as_member(activate)
        for name, text, required in (
            ("close", "active -> closed temporarily", True),
            ("reopen", "closed temporarily -> active", False),
            ("retire", "close the account for good (its items stay readable)", True),
        ):
            step = sub.add_parser(name, help=text)
            step.add_argument("id", type=int)
            step.add_argument(
                "--reason", required=required, default="", help="why" + (" (required)" if required else "")
            )
            as_member(step)

        for extra in account_subcommands():
            extra.add_arguments(sub.add_parser(extra.name, help=extra.help))

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        handlers = {
            "add": self.add,
            "list": self.list,
            "show": self.show,
            **{name: self.lifecycle for name in LIFECYCLE},
        }
        if action in handlers:
            handlers[action](**options, _action=action) if action in LIFECYCLE else handlers[action](
                **options
            )
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
        approver = member_or_fail(tenant, options["approved_by"]) if options["approved_by"] else None
        try:
            with transaction.atomic():
                account, created = add_account(
                    tenant,
                    platform,
                    external_id,
                    name,
                    approver=Actor(label=f"cli:{system_user()}"),
                    state=AccountState.PLANNED,
                    **fields,
                )
                if created and approver is not None:
                    with translation.override("en"):
                        actor = Actor(person=approver)
                        comment = options["comment"] or "approved outside somevakt; recorded by `account add`"
                        lifecycle.approve_without_plan(account, actor, comment)
                        if fields.get("responsible") is not None:
                            lifecycle.activate(account, actor)
        except ValueError as exc:
            raise bad_input(str(exc)) from None
        except lifecycle.Refused as exc:
            raise bad_input(exc.message) from None
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
        plan, history = row.pop("plan"), row.pop("history")
        for key, value in row.items():
            shown = ", ".join(value) if isinstance(value, list) else ("" if value is None else value)
            self.stdout.write(f"{key + ':':<20} {shown}")
        self.stdout.write(
            f"{'plan:':<20} {plan['decision'] or 'none'} (approved by: {', '.join(plan['approvers']) or '-'})"
        )
        for question in plan["questions"]:
            mark = "*" if question["required"] else " "
            choices = f" [{'|'.join(question['choices'])}]" if question["choices"] else ""
            self.stdout.write(f"  {mark}{question['id']}{choices}: {question['answer'] or '-'}")
        self.stdout.write("history:")
        for line in history:
            self.stdout.write(f"  {line}")

    def lifecycle(self, *, id: int, as_user: str, **options: Any) -> None:
        account = account_or_fail(id)
        person = member_or_fail(account.municipality, as_user)
        actor = Actor(person=person)
        # One language for what the command says, as the rest of the command line.
        with translation.override("en"):
            try:
                self.run_step(options["_action"], account, actor, options)
            except lifecycle.Refused as exc:
                raise bad_input(exc.message) from None
        account.refresh_from_db()
        self.stdout.write(f"{account.pk} {account.state}")

    def run_step(self, action: str, account: Account, actor: Actor, options: dict[str, Any]) -> None:
        tenant = account.municipality
        if action == "plan":
            answers = read_answers(options["answer"], options["answers_file"], self.stdin_text)
            responsible = member_or_fail(tenant, options["responsible"]) if options["responsible"] else None
            admins = members_or_fail(tenant, options["admins"])
            plan = lifecycle.save_plan(
                account, actor, answers, merge=True, responsible=responsible, admins=admins
            )
            missing = lifecycle.missing_answers(account, plan.answers)
            if missing:
                self.stdout.write("missing: " + ", ".join(q.id for q in missing))
        elif action == "submit":
            lifecycle.submit(account, actor, language="en")
        elif action == "approve":
            lifecycle.approve(account, actor, options["comment"])
        elif action == "reject":
            lifecycle.reject(account, actor, options["comment"])
        elif action == "activate":
            responsible = member_or_fail(tenant, options["responsible"]) if options["responsible"] else None
            lifecycle.activate(
                account, actor, responsible=responsible, admins=members_or_fail(tenant, options["admins"])
            )
        elif action == "close":
            lifecycle.close(account, actor, options["reason"])
        elif action == "reopen":
            lifecycle.reopen(account, actor, options["reason"])
        elif action == "retire":
            lifecycle.retire(account, actor, options["reason"])

    def stdin_text(self) -> str:
        return sys.stdin.read()


LIFECYCLE = ("plan", "submit", "approve", "reject", "activate", "close", "reopen", "retire")


def as_member(parser) -> None:
    parser.add_argument(
        "--as",
        dest="as_user",
        required=True,
        metavar="USERNAME",
        help="the member who acts; checked like a web user",
    )


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


def members_or_fail(municipality: Municipality, usernames: str | None) -> list[Any] | None:
    if usernames is None:
        return None
    return [member_or_fail(municipality, name.strip()) for name in usernames.split(",") if name.strip()]


def read_answers(pairs: list[str], path: str | None, stdin: Any) -> dict[str, str]:
    answers: dict[str, str] = {}
    if path:
        try:
            text = stdin() if path == "-" else open(path, encoding="utf-8").read()
            loaded = json.loads(text)
        except (OSError, ValueError) as exc:
            raise bad_input(f"--answers-file: {exc}") from None
        if not isinstance(loaded, dict):
            raise bad_input("--answers-file must hold a JSON object of answers by question id")
        answers.update({str(k): str(v) for k, v in loaded.items()})
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise bad_input(f"--answer {pair!r}: write QUESTION=TEXT")
        answers[key.strip()] = value
    return answers


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
                "plan": describe_plan(account),
                "history": [
                    f"{iso(e.at)} {e.type} {e.actor_name}" + (f": {e.reason}" if e.reason else "")
                    for e in account.events.select_related("actor").order_by("at", "pk")
                ],
            }
        )
    return row


def describe_plan(account: Account) -> dict[str, Any] | None:
    plan = lifecycle.plan_of(account)
    asked = lifecycle.questions(account)
    answers = plan.answers if plan is not None else {}
    return {
        "decision": plan.decision if plan is not None else None,
        "comment": plan.comment if plan is not None else "",
        "revisions": plan.revisions if plan is not None else 0,
        "approvers": [p.get_username() for p in lifecycle.approvers(account, plan)],
        "questions": [
            {
                "id": q.id,
                "required": q.required,
                "question": q.question.en,
                "choices": [c.id for c in q.choices],
                "answer": answers.get(q.id, ""),
            }
            for q in asked
        ],
    }


def iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
