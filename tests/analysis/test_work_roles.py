"""The work roles are written once (analysis/work_roles.py): private_profile reads them all for
leaning on one's role, abuse reads them as someone a private post may be aimed at. Both read the
same list; a role added there reaches both."""

from __future__ import annotations

import pytest

from somevakt.analysis import abuse, private_profile
from somevakt.analysis.work_roles import WORK_ROLES


def test_private_profile_reads_every_role_of_the_list() -> None:
    assert private_profile._WORK_ROLE.split("|") == list(WORK_ROLES)


@pytest.mark.parametrize("role", WORK_ROLES)
def test_every_role_leans_on_work_in_a_private_post(role: str) -> None:
    assert private_profile._SPEAKS.search(f"som {role} kan jeg bekrefte at det stemmer")


# In the singular the employed are the writer ("jeg er ansatt"); "styrer" and "styrar" are verbs
# too; "saksbehandlar" abuse has never read.
NOT_SOMEONE = frozenset({"ansatt", "tilsett", "styrer", "styrar", "saksbehandlar"})


@pytest.mark.parametrize("role", WORK_ROLES)
def test_a_role_is_someone_a_private_post_may_be_aimed_at(role: str) -> None:
    assert (abuse._SOMEONE.search(role) is not None) == (role not in NOT_SOMEONE)


@pytest.mark.parametrize("role", sorted(set(WORK_ROLES) - NOT_SOMEONE))
def test_a_role_in_the_plural_is_someone_too(role: str) -> None:
    assert abuse._SOMEONE.search(f"alle {role}ene")
