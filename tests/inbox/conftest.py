"""Inbox fixtures on top of the base fixture (tests/conftest.py): an official account and items."""

from __future__ import annotations

import datetime as dt

import pytest

from somevakt.inbox.ingest import ingest_comment
from somevakt.integrations.base import ParsedComment
from somevakt.registry.services import Approver, add_account

OSLO = dt.timezone(dt.timedelta(hours=1))


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


def parsed(platform_id: str, text: str = "Når åpner biblioteket?", **fields) -> ParsedComment:
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
    return ParsedComment(**values)


@pytest.fixture
def make_item(account):
    """`make_item("id", "text", **fields)` -> a stored, untriaged Item on `account`."""

    def make(platform_id: str = "111222333_1_1", text: str = "Når åpner biblioteket?", **fields):
        item, _ = ingest_comment(account, parsed(platform_id, text, **fields), enqueue=False)
        return item

    return make
