import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from somevakt.tenants.models import Membership, Municipality, RoleGrant, Unit
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member
from tests.conftest import make_person


def test_it_resolves_the_nearest_leader_as_the_leader_of_the_persons_unit(member, owner, unit):
    boss = make_person("sjef", "Siri", "Sjef")
    add_member(unit.municipality, boss, [Role.UNIT_LEADER], unit=unit)
    unit.leader = boss
    unit.save()
    assert Membership.objects.get(person=member).nearest_leader() == boss


def test_it_resolves_the_deputy_while_the_leader_is_away(member, unit):
    boss = make_person("sjef", "Siri", "Sjef")
    deputy = make_person("nestleder", "Nils", "Nestleder")
    add_member(unit.municipality, boss, [Role.UNIT_LEADER], unit=unit)
    add_member(unit.municipality, deputy, [Role.EMPLOYEE], unit=unit)
    unit.leader, unit.deputy, unit.leader_away = boss, deputy, True
    unit.save()
    assert Membership.objects.get(person=member).nearest_leader() == deputy


def test_it_ends_the_deputys_turn_after_the_last_day_of_the_absence(member, unit):
    import datetime as dt

    from django.utils import timezone

    boss = make_person("sjef", "Siri", "Sjef")
    deputy = make_person("nestleder", "Nils", "Nestleder")
    add_member(unit.municipality, boss, [Role.UNIT_LEADER], unit=unit)
    add_member(unit.municipality, deputy, [Role.EMPLOYEE], unit=unit)
    today = timezone.localdate()
    unit.leader, unit.deputy, unit.leader_away, unit.leader_away_until = boss, deputy, True, today
    unit.save()
    assert Membership.objects.get(person=member).nearest_leader() == deputy
    assert unit.leader_is_away(today + dt.timedelta(days=1)) is False
    unit.leader_away_until = today - dt.timedelta(days=1)
    unit.save()
    assert Membership.objects.get(person=member).nearest_leader() == boss


def test_it_gives_a_leader_the_leader_above_as_nearest_leader(owner, unit):
    boss = make_person("sjef", "Siri", "Sjef")
    membership = add_member(unit.municipality, boss, [Role.UNIT_LEADER], unit=unit)
    unit.leader = boss
    unit.save()
    assert membership.nearest_leader() == owner


def test_it_walks_up_when_a_unit_has_no_leader(member, owner):
    assert Membership.objects.get(person=member).nearest_leader() == owner


def test_it_has_no_nearest_leader_without_a_unit(outsider):
    assert Membership.objects.get(person=outsider).nearest_leader() is None


def test_it_stops_on_a_cycle_of_units(municipality):
    a = Unit.objects.create(municipality=municipality, name="A", slug="a")
    b = Unit.objects.create(municipality=municipality, name="B", slug="b", parent=a)
    a.parent = b
    a.save()
    assert a.nearest_leader() is None


def test_it_rejects_a_unit_leader_from_another_municipality(unit, outsider):
    unit.leader = outsider
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "leader" in error.value.message_dict


def test_it_rejects_a_membership_in_a_unit_of_another_municipality(other_municipality, unit):
    person = make_person("feil", "Frida", "Feil")
    membership = Membership(person=person, municipality=other_municipality, unit=unit)
    with pytest.raises(ValidationError):
        membership.full_clean()


def test_it_allows_one_membership_per_person_and_municipality(member, municipality):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(person=member, municipality=municipality)


def test_it_allows_each_role_once_per_membership(member):
    membership = Membership.objects.get(person=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleGrant.objects.create(membership=membership, role=Role.EMPLOYEE)


def test_it_finds_members_with_a_role(owner, member, outsider, municipality):
    found = Membership.objects.filter(municipality=municipality).with_role(Role.COMMUNICATIONS)
    assert [m.person for m in found] == [owner]


def test_it_refuses_slugs_the_web_app_uses_itself(db):
    with pytest.raises(ValidationError):
        Municipality(name="Admin", slug="admin", policy_pack="gausdal").full_clean()
