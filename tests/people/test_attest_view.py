"""Confirming this year's guideline: a POST by the member themself, once; outsiders get 404."""

from __future__ import annotations

from django.urls import reverse

from somevakt.people.models import Attestation
from somevakt.policy.packs import load_pack


def url(slug: str = "provekommune") -> str:
    return reverse("people:attest", kwargs={"municipality": slug})


def test_it_records_the_members_confirmation_for_this_year(member, member_client, municipality) -> None:
    response = member_client.post(url())
    assert response.status_code == 302
    attestation = Attestation.objects.get()
    assert (attestation.person, attestation.municipality) == (member, municipality)
    assert attestation.policy_revision == load_pack("gausdal").revision
    member_client.post(url())
    assert Attestation.objects.count() == 1


def test_it_takes_only_post(member_client) -> None:
    assert member_client.get(url()).status_code == 405


def test_it_gives_outsiders_404_and_records_nothing(outsider_client, municipality) -> None:
    assert outsider_client.post(url()).status_code == 404
    assert not Attestation.objects.exists()
