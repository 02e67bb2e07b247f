"""Inbox fixtures on top of the base fixture (tests/conftest.py, with `account` and `other_account`):
items, and (from tests/staff.py, shared with crisis mode's tests) an adviser and a crisis lead.
The builders are in tests/factories.py."""

from __future__ import annotations

import pytest

from somevakt.tenants.roles import Role
from tests.factories import make_item as build_item
from tests.factories import make_member
from tests.factories import parsed as parsed  # test modules import it from here
from tests.factories import triage_with as triage_with  # test modules import it from here
from tests.staff import adviser, bokmaal, crisis_lead  # noqa: F401  (fixtures)


@pytest.fixture
def make_item(account):
    """`make_item("id", "text", **fields)` -> a stored, untriaged Item on `account`."""

    def make(platform_id: str = "111222333_1_1", text: str = "Når åpner biblioteket?", **fields):
        return build_item(account, platform_id, text, **fields)

    return make


@pytest.fixture
def unit_leader(municipality, unit):
    """The leader of `unit` (under the owner's top unit), with only the unit leader's role."""
    return make_member(
        municipality,
        "enhetsleder",
        "Elin",
        "Enhetsleder",
        [Role.UNIT_LEADER],
        unit=unit,
        leads=True,
        email="elin@provekommune.example",
    )


@pytest.fixture
def unit_account(municipality, unit, unit_leader):
    """The unit's own Mastodon account, run by its leader."""
    from tests.factories import make_account

    account = make_account(
        municipality,
        platform="mastodon",
        external_id="109000000000000001",
        name="Oppvekst",
        unit=unit,
        responsible=unit_leader,
    )
    account.admins.add(unit_leader)
    return account


@pytest.fixture
def make_unit_item(unit_account):
    """`make_unit_item("id", "text", codes=...)` -> an Item on the unit's account."""

    def make(platform_id: str = "109000000000000101", text: str = "Når starter barnehagen?", **fields):
        return build_item(
            unit_account,
            platform_id,
            text,
            platform="mastodon",
            account_external_id=unit_account.external_id,
            **fields,
        )

    return make
