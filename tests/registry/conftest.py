import pytest

from somevakt.registry.services import Approver
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_account, make_member, make_municipality, make_unit


@pytest.fixture
def account(municipality, top_unit, owner):
    # Differs from the base fixture's: approved by the owner in person (the registry shows who approved).
    return make_account(municipality, approver=Approver(person=owner), unit=top_unit, responsible=owner)


@pytest.fixture
def planner(municipality, top_unit):
    """Communications staff who write plans, without the chief executive's role."""
    return make_member(
        municipality,
        "planlegger",
        "Per",
        "Planlegger",
        [Role.COMMUNICATIONS],
        unit=top_unit,
        email="per@provekommune.example",
    )


@pytest.fixture
def planner_client(planner):
    return logged_in(planner)


@pytest.fixture
def unit_leader(municipality, unit):
    return make_member(
        municipality,
        "leder",
        "Lise",
        "Leder",
        [Role.UNIT_LEADER],
        unit=unit,
        leads=True,
        email="lise@provekommune.example",
    )


@pytest.fixture
def unit_leader_client(unit_leader):
    return logged_in(unit_leader)


@pytest.fixture
def planned(municipality, unit):
    """A planned account of the unit under the top unit, without a plan yet."""
    return make_account(municipality, external_id="444555666", name="Oppvekst", unit=unit, state="planned")


def pack_municipality(slug: str):
    """A municipality under `slug`'s pack, with its unit, chief executive, unit leader, deputy,
    communications, IT, service office and an employee."""
    municipality = make_municipality(name=slug.title(), slug=f"k{slug}", policy_pack=slug)
    top = make_unit(municipality, "Toppen", "toppen")
    unit = make_unit(municipality, "Enheten", "enheten", parent=top)
    people = {}
    for name, roles, where, leads in (
        ("sjef", [Role.CHIEF_EXECUTIVE], top, True),
        ("leder", [Role.UNIT_LEADER], unit, True),
        ("nestleder", [Role.UNIT_LEADER], unit, False),
        ("komm", [Role.COMMUNICATIONS], top, False),
        ("it", [Role.IT], top, False),
        ("service", [Role.SERVICE_OFFICE], top, False),
        ("ansatt", [Role.EMPLOYEE], unit, False),
    ):
        people[name] = make_member(
            municipality,
            f"{slug}.{name}",
            name.title(),
            slug.title(),
            roles,
            unit=where,
            leads=leads,
            email=f"{name}@{slug}.example",
        )
    unit.deputy = people["nestleder"]
    unit.save()
    return municipality, unit, people
