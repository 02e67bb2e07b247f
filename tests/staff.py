"""Fixtures shared by the inbox's and crisis mode's tests (and any other area that needs them):
messages in bokmål, an information adviser and a crisis lead. Each conftest imports the ones it
uses, so they are written once."""

from __future__ import annotations

import pytest
from django.utils import translation

from somevakt.tenants.roles import Role
from tests.factories import make_member


@pytest.fixture(autouse=True)
def bokmaal():
    """Messages in bokmål, whatever language an earlier request in this thread left active."""
    with translation.override("nb"):
        yield


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
