"""Inbox fixtures on top of the base fixture (tests/conftest.py, with `account` and `other_account`):
items, an adviser and a crisis lead. The builders are in tests/factories.py."""

from __future__ import annotations

import pytest

from somevakt.tenants.roles import Role
from tests.factories import make_item as build_item
from tests.factories import make_member
from tests.factories import parsed as parsed  # test modules import it from here
from tests.factories import triage_with as triage_with  # test modules import it from here


@pytest.fixture(autouse=True)
def bokmaal():
    """Messages in bokmål, whatever language an earlier request in this thread left active."""
    from django.utils import translation

    with translation.override("nb"):
        yield


@pytest.fixture
def make_item(account):
    """`make_item("id", "text", **fields)` -> a stored, untriaged Item on `account`."""

    def make(platform_id: str = "111222333_1_1", text: str = "Når åpner biblioteket?", **fields):
        return build_item(account, platform_id, text, **fields)

    return make


@pytest.fixture
def adviser(municipality, unit):
    """A second communications person (an information adviser) in the unit below the owner."""
    return make_member(
        municipality,
        "radgiver",
        "Rolf",
        "Rådgiver",
        [Role.COMMUNICATIONS],
        unit=unit,
        email="rolf@provekommune.example",
    )


@pytest.fixture
def crisis_lead(municipality, top_unit):
    return make_member(
        municipality,
        "krise",
        "Kari",
        "Kriseleder",
        [Role.CRISIS_TEAM],
        unit=top_unit,
        email="kari@provekommune.example",
    )
