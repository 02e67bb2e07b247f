"""Recording that a leader went through the guideline with a member of their staff."""

from __future__ import annotations

from django.urls import reverse

from somevakt.people.models import Attestation
from somevakt.policy.packs import load_pack
from tests.people.conftest import read_and_confirm


def url(membership, slug: str = "provekommune") -> str:
    return reverse("people:review", kwargs={"municipality": slug, "membership_id": membership.pk})


def test_it_records_the_review_with_the_leader(
    headteacher, headteacher_client, teacher, municipality
) -> None:
    read_and_confirm(teacher, municipality, load_pack("gausdal"))
    response = headteacher_client.post(url(teacher.memberships.get()))
    assert response.status_code == 302
    assert Attestation.objects.get(person=teacher).reviewed_with == headteacher


def test_it_says_so_when_the_person_has_not_confirmed(headteacher_client, teacher) -> None:
    response = headteacher_client.post(url(teacher.memberships.get()), follow=True)
    assert "har ikke bekreftet" in response.content.decode()
    assert not Attestation.objects.exists()


def test_it_refuses_someone_who_is_not_the_leaders_staff(headteacher_client, member, municipality) -> None:
    read_and_confirm(member, municipality, load_pack("gausdal"))
    assert headteacher_client.post(url(member.memberships.get())).status_code == 404
    assert Attestation.objects.get(person=member).reviewed_with is None


def test_it_requires_leading_a_unit(member_client, teacher) -> None:
    assert member_client.post(url(teacher.memberships.get())).status_code == 403


def test_it_gives_outsiders_404(outsider_client, outsider, teacher) -> None:
    assert outsider_client.post(url(teacher.memberships.get())).status_code == 404
    # ...and the outsider's own membership, under this municipality's address, is not found either.
    assert outsider_client.post(url(outsider.memberships.get())).status_code == 404
