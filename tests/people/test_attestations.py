"""The yearly attestation: confirming is idempotent, a leader's staff follow the units,
a review needs a confirmation."""

from __future__ import annotations

import pytest

from somevakt.people import attestations
from somevakt.people.models import Attestation
from somevakt.policy.packs import load_pack
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member
from tests.conftest import make_person
from tests.people.conftest import read_and_confirm


@pytest.fixture
def pack():
    return load_pack("gausdal")


def revised(pack):
    copy = pack.model_copy()
    copy._revision = "0123456789ab"
    return copy


def test_it_records_a_confirmation_once_per_year(member, municipality, pack) -> None:
    first, changed = read_and_confirm(member, municipality, pack, 2026)
    again, changed_again = read_and_confirm(member, municipality, pack, 2026)
    assert (changed, changed_again) == (True, False)
    assert again.pk == first.pk
    assert again.at == first.at
    assert first.policy_revision == pack.revision
    assert Attestation.objects.count() == 1
    read_and_confirm(member, municipality, pack, 2027)
    assert Attestation.objects.count() == 2


def test_it_takes_a_new_confirmation_when_the_guideline_is_revised(owner, member, municipality, pack) -> None:
    first, _ = read_and_confirm(member, municipality, pack, 2026)
    attestations.mark_reviewed(owner, member.memberships.get(), 2026)
    second, changed = read_and_confirm(member, municipality, revised(pack), 2026)
    assert changed
    assert second.pk == first.pk
    assert second.policy_revision == "0123456789ab"
    assert second.reviewed_with == owner  # the review with the leader still happened


def test_it_counts_staff_from_the_units_a_person_leads(
    owner, member, headteacher, teacher, municipality
) -> None:
    # The member's unit has no leader of its own, so it rolls up to the owner's top unit;
    # the headteacher leads the school and is herself staff of the owner.
    assert {m.person for m in attestations.staff_of(owner, municipality)} == {member, headteacher}
    assert [m.person for m in attestations.staff_of(headteacher, municipality)] == [teacher]
    assert attestations.staff_of(member, municipality) == []
    assert attestations.leads_a_unit(headteacher, municipality)
    assert not attestations.leads_a_unit(member, municipality)


def test_it_lets_the_deputy_see_the_staff_too(municipality, school, headteacher, teacher) -> None:
    deputy = make_person("nestleder", "Nils", "Nestleder")
    add_member(municipality, deputy, [Role.EMPLOYEE], unit=school)
    school.deputy = deputy
    school.save()
    assert [m.person for m in attestations.staff_of(deputy, municipality)] == [teacher]
    # The deputy is the leader's staff, never the other way round.
    assert {m.person for m in attestations.staff_of(headteacher, municipality)} == {teacher, deputy}


def test_it_never_counts_members_of_another_municipality(owner, outsider, municipality) -> None:
    assert outsider not in {m.person for m in attestations.staff_of(owner, municipality)}


def test_it_records_a_review_only_after_the_person_confirmed(owner, member, municipality, pack) -> None:
    membership = member.memberships.get()
    with pytest.raises(attestations.NotConfirmed):
        attestations.mark_reviewed(owner, membership, 2026)
    read_and_confirm(member, municipality, pack, 2026)
    reviewed = attestations.mark_reviewed(owner, membership, 2026)
    assert reviewed.reviewed_with == owner
    assert reviewed.reviewed_at is not None
    at = reviewed.reviewed_at
    assert attestations.mark_reviewed(owner, membership, 2026).reviewed_at == at


def test_it_lists_the_team_with_who_has_confirmed_this_version(
    owner, member, headteacher, municipality, pack
) -> None:
    read_and_confirm(member, municipality, pack, 2026)
    read_and_confirm(headteacher, municipality, revised(pack), 2026)
    rows = {row.membership.person: row for row in attestations.team(owner, municipality, pack, 2026)}
    assert rows[member].attestation is not None and rows[member].current
    assert rows[headteacher].attestation is not None and not rows[headteacher].current
    assert attestations.team(owner, municipality, pack, 2025)[0].attestation is None
