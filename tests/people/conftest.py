"""People fixtures: a second unit with its own leader and staff, beside the base fixture's units."""

from __future__ import annotations

import pytest

from somevakt.tenants.models import Unit
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member
from tests.conftest import logged_in, make_person


@pytest.fixture
def school(municipality, top_unit) -> Unit:
    return Unit.objects.create(municipality=municipality, name="Skolen", slug="skolen", parent=top_unit)


@pytest.fixture
def headteacher(municipality, school):
    person = make_person("rektor", "Rita", "Rektor")
    add_member(municipality, person, [Role.UNIT_LEADER, Role.EMPLOYEE], unit=school)
    school.leader = person
    school.save()
    return person


@pytest.fixture
def teacher(municipality, school):
    person = make_person("laerer", "Lars", "Lærer")
    add_member(municipality, person, [Role.EMPLOYEE], unit=school)
    return person


@pytest.fixture
def headteacher_client(headteacher):
    return logged_in(headteacher)
