"""Crisis fixtures on top of the base fixture (tests/conftest.py): Prøvekommune runs Gausdal's
pack, where the chief executive and crisis management declare crisis mode (Gausdal 12).

- `owner` (communications + chief executive) is crisis management;
- `adviser` (communications) and `crisis_lead` (crisis team) from tests/staff.py, shared with the
  inbox's tests.
"""

from __future__ import annotations

import pytest

from tests.factories import make_account
from tests.staff import adviser, bokmaal, crisis_lead  # noqa: F401  (fixtures)


@pytest.fixture
def second_account(municipality, top_unit, owner):
    return make_account(municipality, external_id="444555666", name="Biblioteket", unit=top_unit)
