"""Crisis fixtures on top of the base fixture (tests/conftest.py): Prøvekommune runs Gausdal's
pack, where the chief executive and crisis management declare crisis mode (Gausdal 12).

- `owner` (communications + chief executive) is crisis management;
- `adviser` (communications) and `crisis_lead` (crisis team) as in the inbox's fixtures.
"""

from __future__ import annotations

import pytest
from django.utils import translation

from somevakt.tenants.roles import Role
from tests.factories import make_account, make_member


@pytest.fixture(autouse=True)
def bokmaal():
    with translation.override("nb"):
        yield


@pytest.fixture
def adviser(municipality, unit):
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


@pytest.fixture
def second_account(municipality, top_unit, owner):
    return make_account(municipality, external_id="444555666", name="Biblioteket", unit=top_unit)
