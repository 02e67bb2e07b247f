import pytest

from somevakt.registry.services import Approver, add_account


@pytest.fixture
def account(municipality, top_unit, owner):
    made, _ = add_account(
        municipality,
        "facebook",
        "111222333",
        "Prøvekommune",
        approver=Approver(person=owner),
        unit=top_unit,
        responsible=owner,
    )
    return made


@pytest.fixture
def other_account(other_municipality):
    made, _ = add_account(
        other_municipality, "facebook", "999888777", "Nabokommune", approver=Approver(label="test")
    )
    return made
