import pytest

from somevakt.registry.services import Approver
from tests.factories import make_account


@pytest.fixture
def account(municipality, top_unit, owner):
    # Differs from the base fixture's: approved by the owner in person (the registry shows who approved).
    return make_account(municipality, approver=Approver(person=owner), unit=top_unit, responsible=owner)
