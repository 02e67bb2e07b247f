"""Builders of test data, one plain function per kind of thing, shared by every conftest.

Each takes what it cannot do without and keyword overrides for the rest; the defaults are those of
the base fixture in tests/conftest.py (Prøvekommune, its Facebook page 111222333, a comment of
4 March 2026). Fixtures stay in the conftest files and call these; tests may call them directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from somevakt.inbox.ports import InboundComment
from somevakt.registry.services import Approver, add_account
from somevakt.tenants.models import Municipality, Unit
from somevakt.tenants.services import add_member

PASSWORD = "test-passord-123"
OSLO = dt.timezone(dt.timedelta(hours=1))
PAGE = "111222333"


def make_municipality(**overrides: Any) -> Municipality:
    values = {"name": "Prøvekommune", "slug": "provekommune", "policy_pack": "gausdal", **overrides}
    return Municipality.objects.create(**values)


def make_unit(municipality: Municipality, name: str, slug: str, **overrides: Any) -> Unit:
    return Unit.objects.create(municipality=municipality, name=name, slug=slug, **overrides)


def make_person(username: str, first_name: str = "", last_name: str = "", **fields: Any):
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=first_name, last_name=last_name, **fields
    )


def make_member(
    municipality: Municipality,
    username: str,
    first_name: str,
    last_name: str,
    roles: Iterable[str],
    *,
    unit: Unit | None = None,
    leads: bool = False,
    **fields: Any,
):
    """A person who is a member of `municipality` with `roles` (in `unit`, as its leader if `leads`)."""
    person = make_person(username, first_name, last_name, **fields)
    add_member(municipality, person, roles, unit=unit)
    if leads:
        assert unit is not None, "a leader leads a unit"
        unit.leader = person
        unit.save()
    return person


def logged_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def make_account(municipality: Municipality, **overrides: Any):
    """An active official account, approved by a system label unless `approver=` says otherwise."""
    values: dict[str, Any] = {
        "platform": "facebook",
        "external_id": PAGE,
        "name": municipality.name,
        "approver": Approver(label="test"),
        **overrides,
    }
    account, _ = add_account(
        municipality, values.pop("platform"), values.pop("external_id"), values.pop("name"), **values
    )
    return account


def parsed(platform_id: str, text: str = "Når åpner biblioteket?", **fields: Any) -> InboundComment:
    """A comment as a platform adapter hands it over, on the Facebook page 111222333."""
    values = {
        "platform": "facebook",
        "account_external_id": PAGE,
        "platform_id": platform_id,
        "text": text,
        "author_name": "Kari Nordmann",
        "author_id": "5550001",
        "received_at": dt.datetime(2026, 3, 4, 10, 0, tzinfo=OSLO),
        "post_id": f"{PAGE}_1",
        "parent_id": f"{PAGE}_1",
    }
    values.update(fields)
    return InboundComment(**values)


def make_item(
    account,
    platform_id: str = f"{PAGE}_1_1",
    text: str = "Når åpner biblioteket?",
    *,
    codes: Iterable[str] | None = None,
    **fields: Any,
):
    """A stored Item on `account` (not enqueued); triaged with `codes` if they are given (even none)."""
    from somevakt.inbox.ingest import ingest_comment

    item, _ = ingest_comment(account, parsed(platform_id, text, **fields), enqueue=False)
    if codes is not None:
        triage_with(item, *codes)
    return item


def triage_with(item, *codes: str, spans: dict | None = None):
    """Triage `item` as if the analysers had found `codes` (the real engine decides; no analysers run).

    `spans` gives (start, end) for a code that marks part of the text; others span the whole text.
    """
    from somevakt.analysis.base import Finding
    from somevakt.inbox.deadlines import pack_of
    from somevakt.inbox.triage import record_triage
    from somevakt.policy.engine import decide

    item.refresh_from_db()
    pack = pack_of(item.municipality)
    spans = spans or {}
    findings = [
        Finding(code, *spans.get(code, (0, len(item.text))), "high" if code in spans else "info")
        for code in codes
    ]
    decision = decide(findings, "comment", pack, text_length=len(item.text))
    assert record_triage(item, item.text, decision, pack, actor_label="test")
    item.refresh_from_db()
    item.status.refresh_from_db()
    return decision
