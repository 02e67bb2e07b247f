"""The base fixture every view test starts from: a municipality with an owner, a member and
an outsider (a member of another municipality only).

- `owner`: communications + chief_executive, leads the municipality's top unit.
- `member`: an employee in a unit under it.
- `outsider`: belongs to `other_municipality`, never to `municipality`.
`owner_client`, `member_client` and `outsider_client` are logged-in test clients; `account` is the
municipality's Facebook page and `other_account` the other municipality's. The builders are in
tests/factories.py.
"""

# ruff: noqa: E402  (the thread settings below must come before anything that may import numpy)
from __future__ import annotations

import os

# The models multiply small matrices, for which a BLAS thread pool costs more than it saves: its
# threads spin while they wait. The worker, `somevakt check` and `bench` run them single-threaded
# (somevakt/commands/check.py); so do the tests, which took 2-3 times the CPU and time for the
# model-heavy ones otherwise, and more still with one pytest-xdist worker per core (`make test`).
# Set before numpy is first imported, which reads them once; a setting of one's own is kept.
from somevakt.analysis.models import SINGLE_THREADED

for _name, _value in SINGLE_THREADED.items():
    os.environ.setdefault(_name, _value)

import pytest
from django.test import Client

from somevakt.tenants.models import Municipality, Unit
from somevakt.tenants.roles import Role
from tests.factories import PASSWORD as PASSWORD  # test modules import it from here
from tests.factories import logged_in, make_account, make_member, make_municipality, make_unit
from tests.factories import make_person as make_person  # test modules import it from here


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--database-only",
        action="store_true",
        help="run only the tests that use the database (the second, PostgreSQL, run in CI: "
        "the tests that never touch a database already ran on SQLite and would only repeat)",
    )


def pytest_configure(config) -> None:
    from django.conf import settings

    # The production hasher is slow on purpose; tests create many people.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The fixtures through which a test reaches the database; `django_db` marks the rest.
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


def uses_database(item) -> bool:
    if item.get_closest_marker("django_db") or item.get_closest_marker("postgres"):
        return True
    return bool(DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items) -> None:
    if not config.getoption("--database-only"):
        return
    kept = [item for item in items if uses_database(item)]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if not uses_database(item)])
        items[:] = kept


@pytest.fixture
def municipality(db) -> Municipality:
    return make_municipality()


@pytest.fixture
def other_municipality(db) -> Municipality:
    return make_municipality(name="Nabokommune", slug="nabokommune", policy_pack="batsfjord")


@pytest.fixture
def top_unit(municipality) -> Unit:
    return make_unit(municipality, "Kommunedirektøren", "kommunedirektoren")


@pytest.fixture
def unit(municipality, top_unit) -> Unit:
    return make_unit(municipality, "Oppvekst", "oppvekst", parent=top_unit)


@pytest.fixture
def owner(municipality, top_unit):
    roles = [Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE]
    return make_member(municipality, "eier", "Eva", "Eiersen", roles, unit=top_unit, leads=True)


@pytest.fixture
def member(municipality, unit):
    return make_member(municipality, "medlem", "Mona", "Medlem", [Role.EMPLOYEE], unit=unit)


@pytest.fixture
def outsider(other_municipality):
    roles = [Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE]
    return make_member(other_municipality, "utenfor", "Ulf", "Utenfor", roles)


@pytest.fixture
def owner_client(owner) -> Client:
    return logged_in(owner)


@pytest.fixture
def member_client(member) -> Client:
    return logged_in(member)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return logged_in(outsider)


@pytest.fixture
def account(municipality, top_unit, owner):
    return make_account(municipality, unit=top_unit, responsible=owner)


@pytest.fixture
def other_account(other_municipality):
    return make_account(other_municipality, external_id="999888777")
