import pytest

from somevakt.tenants.models import Membership, RoleGrant
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member
from tests.conftest import make_person


def test_it_adds_a_member_with_exactly_the_given_roles(municipality, unit):
    person = make_person("ny", "Nina", "Ny")
    membership = add_member(municipality, person, [Role.RECORDS, Role.EMPLOYEE], unit=unit, title="Arkivar")
    assert membership.roles == {"records", "employee"}
    assert membership.unit == unit and membership.title == "Arkivar"


def test_it_changes_nothing_when_called_twice(municipality, unit):
    person = make_person("ny", "Nina", "Ny")
    add_member(municipality, person, [Role.RECORDS], unit=unit)
    grants = list(RoleGrant.objects.values_list("pk", flat=True))
    add_member(municipality, person, [Role.RECORDS], unit=unit)
    assert list(RoleGrant.objects.values_list("pk", flat=True)) == grants
    assert Membership.objects.filter(person=person).count() == 1


def test_it_replaces_roles_on_a_second_call(municipality):
    person = make_person("ny", "Nina", "Ny")
    add_member(municipality, person, [Role.RECORDS])
    membership = add_member(municipality, person, [Role.IT])
    assert membership.roles == {"it"}


def test_it_rejects_an_unknown_role(municipality):
    person = make_person("ny", "Nina", "Ny")
    with pytest.raises(ValueError, match="unknown role 'boss'"):
        add_member(municipality, person, ["boss"])
