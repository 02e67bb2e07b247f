"""The base fixture every view test starts from: a municipality with an owner, a member and
an outsider (a member of another municipality only).

- `owner`: communications + chief_executive, leads the municipality's top unit.
- `member`: an employee in a unit under it.
- `outsider`: belongs to `other_municipality`, never to `municipality`.
`owner_client`, `member_client` and `outsider_client` are logged-in test clients.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from somevakt.tenants.models import Municipality, Unit
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member

PASSWORD = "test-passord-123"


def pytest_configure(config) -> None:
    from django.conf import settings

    # The production hasher is slow on purpose; tests create many people.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def municipality(db) -> Municipality:
    return Municipality.objects.create(name="Prøvekommune", slug="provekommune", policy_pack="gausdal")


@pytest.fixture
def other_municipality(db) -> Municipality:
    return Municipality.objects.create(name="Nabokommune", slug="nabokommune", policy_pack="batsfjord")


@pytest.fixture
def top_unit(municipality) -> Unit:
    return Unit.objects.create(municipality=municipality, name="Kommunedirektøren", slug="kommunedirektoren")


@pytest.fixture
def unit(municipality, top_unit) -> Unit:
    return Unit.objects.create(municipality=municipality, name="Oppvekst", slug="oppvekst", parent=top_unit)


def make_person(username: str, first_name: str, last_name: str):
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=first_name, last_name=last_name
    )


@pytest.fixture
def owner(municipality, top_unit):
    person = make_person("eier", "Eva", "Eiersen")
    add_member(municipality, person, [Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE], unit=top_unit)
    top_unit.leader = person
    top_unit.save()
    return person


@pytest.fixture
def member(municipality, unit):
    person = make_person("medlem", "Mona", "Medlem")
    add_member(municipality, person, [Role.EMPLOYEE], unit=unit)
    return person


@pytest.fixture
def outsider(other_municipality):
    person = make_person("utenfor", "Ulf", "Utenfor")
    add_member(other_municipality, person, [Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE])
    return person


def logged_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def owner_client(owner) -> Client:
    return logged_in(owner)


@pytest.fixture
def member_client(member) -> Client:
    return logged_in(member)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return logged_in(outsider)
