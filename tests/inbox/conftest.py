"""Inbox fixtures on top of the base fixture (tests/conftest.py): an official account and items."""

from __future__ import annotations

import datetime as dt

import pytest

from somevakt.inbox.ingest import ingest_comment
from somevakt.inbox.ports import InboundComment
from somevakt.registry.services import Approver, add_account

OSLO = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(autouse=True)
def bokmaal():
    """Messages in bokmål, whatever language an earlier request in this thread left active."""
    from django.utils import translation

    with translation.override("nb"):
        yield


@pytest.fixture
def account(municipality, top_unit, owner):
    account, _ = add_account(
        municipality,
        "facebook",
        "111222333",
        "Prøvekommune",
        approver=Approver(label="test"),
        unit=top_unit,
        responsible=owner,
    )
    return account


@pytest.fixture
def other_account(other_municipality):
    account, _ = add_account(
        other_municipality, "facebook", "999888777", "Nabokommune", approver=Approver(label="test")
    )
    return account


def parsed(platform_id: str, text: str = "Når åpner biblioteket?", **fields) -> InboundComment:
    values = {
        "platform": "facebook",
        "account_external_id": "111222333",
        "platform_id": platform_id,
        "text": text,
        "author_name": "Kari Nordmann",
        "author_id": "5550001",
        "received_at": dt.datetime(2026, 3, 4, 10, 0, tzinfo=OSLO),
        "post_id": "111222333_1",
        "parent_id": "111222333_1",
    }
    values.update(fields)
    return InboundComment(**values)


@pytest.fixture
def make_item(account):
    """`make_item("id", "text", **fields)` -> a stored, untriaged Item on `account`."""

    def make(platform_id: str = "111222333_1_1", text: str = "Når åpner biblioteket?", **fields):
        item, _ = ingest_comment(account, parsed(platform_id, text, **fields), enqueue=False)
        return item

    return make


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


@pytest.fixture
def adviser(municipality, unit):
    """A second communications person (an information adviser) in the unit below the owner."""
    from somevakt.tenants.roles import Role
    from somevakt.tenants.services import add_member
    from tests.conftest import make_person

    person = make_person("radgiver", "Rolf", "Rådgiver")
    person.email = "rolf@provekommune.example"
    person.save()
    add_member(municipality, person, [Role.COMMUNICATIONS], unit=unit)
    return person


@pytest.fixture
def crisis_lead(municipality, top_unit):
    from somevakt.tenants.roles import Role
    from somevakt.tenants.services import add_member
    from tests.conftest import make_person

    person = make_person("krise", "Kari", "Kriseleder")
    person.email = "kari@provekommune.example"
    person.save()
    add_member(municipality, person, [Role.CRISIS_TEAM], unit=top_unit)
    return person
