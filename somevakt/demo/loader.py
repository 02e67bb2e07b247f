"""Load the demo data. Idempotent: natural keys (slugs, user names) decide what exists,
so loading twice changes nothing.

The tenancy step lives here. Each later domain app adds its own step by providing
`somevakt/<app>/demo.py` with `load(context: DemoContext) -> None` (the registry turns
`context.accounts` into Account rows, the inbox turns `context.comments` into triaged
items); the steps run in the order of FOLLOW_UP_STEPS, each only once its module exists.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from somevakt.tenants.models import Municipality, Unit
from somevakt.tenants.services import add_member

DEMO_PASSWORD = "somevakt-demo"  # noqa: S105 - the documented password of the demo data only
DATA_DIR = Path(__file__).resolve().parent

FOLLOW_UP_STEPS: tuple[str, ...] = (
    "somevakt.registry.demo",
    "somevakt.inbox.demo",
    "somevakt.publishing.demo",
    "somevakt.archive.demo",
    "somevakt.people.demo",
)

COMMENT_FIELDS = {"platform_id", "account", "author", "text", "received_at"}


class DemoDataError(ValueError):
    """The demo data files contradict themselves (a bug in the data, caught by the tests)."""


@dataclass
class DemoContext:
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    people: dict[str, Any] = field(default_factory=dict)  # user name -> User
    accounts: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    log: Callable[[str], None] = print


def read_yaml(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise DemoDataError(f"{name}: expected a mapping at the top")
    return data


def read_accounts() -> list[dict[str, Any]]:
    accounts = read_yaml("accounts.yaml")["accounts"]
    keys = [account["key"] for account in accounts]
    if len(keys) != len(set(keys)):
        raise DemoDataError("accounts.yaml: an account key is used twice")
    return accounts


def read_comments(accounts: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The inbound comments, checked: known account, unique id per account, parent seen before."""
    known = {account["key"] for account in (accounts if accounts is not None else read_accounts())}
    comments: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    with (DATA_DIR / "comments.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            missing = COMMENT_FIELDS - row.keys()
            if missing:
                raise DemoDataError(f"comments.jsonl line {number}: missing {sorted(missing)}")
            if row["account"] not in known:
                raise DemoDataError(f"comments.jsonl line {number}: unknown account {row['account']!r}")
            key = (row["account"], row["platform_id"])
            if key in seen:
                raise DemoDataError(f"comments.jsonl line {number}: platform_id used twice")
            if row.get("parent") is not None and (row["account"], row["parent"]) not in seen:
                raise DemoDataError(f"comments.jsonl line {number}: parent is not an earlier comment")
            if datetime.fromisoformat(row["received_at"]).utcoffset() is None:
                raise DemoDataError(f"comments.jsonl line {number}: received_at has no UTC offset")
            seen.add(key)
            comments.append(row)
    return comments


def load_demo(log: Callable[[str], None] = print) -> DemoContext:
    context = DemoContext(log=log)
    load_tenancy(context)
    context.accounts = read_accounts()
    context.comments = read_comments(context.accounts)
    for module_name in FOLLOW_UP_STEPS:
        if importlib.util.find_spec(module_name) is not None:
            importlib.import_module(module_name).load(context)
    return context


@transaction.atomic
def load_tenancy(context: DemoContext) -> None:
    data = read_yaml("municipalities.yaml")
    # One hash for every demo person: hashing is slow on purpose and the password is public anyway.
    password_hash = make_password(DEMO_PASSWORD)
    for entry in data["municipalities"]:
        municipality = upsert(
            Municipality,
            {"slug": entry["slug"]},
            name=entry["name"],
            policy_pack=entry["policy_pack"],
            email_domains=entry.get("email_domains", []),
        )
        context.municipalities[municipality.slug] = municipality
        domain = demo_mail_domain(entry)
        for person in entry["people"]:
            context.people[person["username"]] = upsert_person(person, password_hash, domain)
        units = load_units(municipality, entry["units"], context.people)
        for person in entry["people"]:
            add_member(
                municipality,
                context.people[person["username"]],
                person["roles"],
                unit=units.get(person.get("unit", "")),
                title=person.get("title", ""),
            )
    domains = {entry["slug"]: demo_mail_domain(entry) for entry in data["municipalities"]}
    for person in data.get("shared_people", []):
        domain = domains[person["memberships"][0]["municipality"]]
        user = context.people[person["username"]] = upsert_person(person, password_hash, domain)
        for membership in person["memberships"]:
            municipality = context.municipalities[membership["municipality"]]
            unit = Unit.objects.get(municipality=municipality, slug=membership["unit"])
            add_member(municipality, user, membership["roles"], unit=unit, title=person.get("title", ""))
    context.log(f"Demo: {len(context.municipalities)} municipalities, {len(context.people)} people")


def load_units(
    municipality: Municipality, entries: list[dict[str, Any]], people: dict[str, Any]
) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for unit in entries:  # parents come before their children in the file
        units[unit["slug"]] = upsert(
            Unit,
            {"municipality": municipality, "slug": unit["slug"]},
            name=unit["name"],
            parent=units[unit["parent"]] if unit.get("parent") else None,
            leader=people.get(unit.get("leader", "")),
            deputy=people.get(unit.get("deputy", "")),
            leader_away=bool(unit.get("leader_away", False)),
        )
    return units


def demo_mail_domain(entry: dict[str, Any]) -> str:
    """The municipality's own mail domain made undeliverable (RFC 2606 reserves `.invalid`):
    demo reminders show on the console and could never reach a real mailbox."""
    domains = entry.get("email_domains") or [f"{entry['slug']}.kommune.no"]
    return f"{domains[0]}.invalid"


def upsert_person(entry: dict[str, Any], password_hash: str, mail_domain: str) -> Any:
    user_model = get_user_model()
    values = {
        "first_name": entry["first_name"],
        "last_name": entry["last_name"],
        "email": f"{entry['username']}@{mail_domain}",
    }
    user, created = user_model.objects.get_or_create(
        username=entry["username"], defaults={**values, "password": password_hash}
    )
    changed = [name for name, value in values.items() if getattr(user, name) != value]
    if not created and changed:
        for name in changed:
            setattr(user, name, values[name])
        user.save(update_fields=changed)
    return user


def upsert(model: type[Any], keys: dict[str, Any], **values: Any) -> Any:
    """get_or_create by natural key, then save only the fields that differ (so a reload writes nothing)."""
    row, created = model.objects.get_or_create(**keys, defaults=values)
    if not created:
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, values[name])
            row.save(update_fields=changed)
    return row


def logins() -> list[tuple[str, list[tuple[str, str]]]]:
    """(municipality name, [(user name, roles)]) from the data file, for printing at start."""
    data = read_yaml("municipalities.yaml")
    listing = []
    for entry in data["municipalities"]:
        listing.append((entry["name"], [(p["username"], ", ".join(p["roles"])) for p in entry["people"]]))
    shared = [
        (p["username"], " + ".join(m["municipality"] for m in p["memberships"]))
        for p in data.get("shared_people", [])
    ]
    if shared:
        listing.append(("several municipalities", shared))
    return listing
