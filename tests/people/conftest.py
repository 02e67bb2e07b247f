"""People fixtures: a second unit with its own leader and staff, beside the base fixture's units."""

from __future__ import annotations

import pytest

from somevakt.tenants.models import Unit
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_member, make_unit


@pytest.fixture
def school(municipality, top_unit) -> Unit:
    return make_unit(municipality, "Skolen", "skolen", parent=top_unit)


@pytest.fixture
def headteacher(municipality, school):
    roles = [Role.UNIT_LEADER, Role.EMPLOYEE]
    return make_member(municipality, "rektor", "Rita", "Rektor", roles, unit=school, leads=True)


@pytest.fixture
def teacher(municipality, school):
    return make_member(municipality, "laerer", "Lars", "Lærer", [Role.EMPLOYEE], unit=school)


@pytest.fixture
def headteacher_client(headteacher):
    return logged_in(headteacher)


def read_and_confirm(person, municipality, pack, year=None):
    """Open one's part of the guideline, then confirm it: the order the attestation requires."""
    from somevakt.people import attestations, onboarding

    onboarding.record_reading(person, municipality, pack)
    return attestations.confirm(person, municipality, pack, year)
