"""Confirming this year's guideline: a POST by the member themself, once; outsiders get 404."""

from __future__ import annotations

from django.urls import reverse

from somevakt.people.models import Attestation
from somevakt.policy.packs import load_pack


def url(slug: str = "provekommune") -> str:
    return reverse("people:attest", kwargs={"municipality": slug})


def test_it_refuses_a_confirmation_before_the_person_opened_their_part(member_client) -> None:
    response = member_client.post(url())
    assert response.status_code == 302
    assert response["Location"] == reverse("people:introduction", kwargs={"municipality": "provekommune"})
    assert not Attestation.objects.exists()


def test_it_records_the_members_confirmation_for_this_year(member, member_client, municipality) -> None:
    member_client.get(reverse("people:introduction", kwargs={"municipality": "provekommune"}))
    response = member_client.post(url())
    assert response.status_code == 302
    attestation = Attestation.objects.get()
    assert (attestation.person, attestation.municipality) == (member, municipality)
    assert attestation.policy_revision == load_pack("gausdal").revision
    assert attestation.read_at is not None and attestation.read_at <= attestation.at
    member_client.post(url())
    assert Attestation.objects.count() == 1


def test_it_takes_only_post(member_client) -> None:
    assert member_client.get(url()).status_code == 405


def test_it_gives_outsiders_404_and_records_nothing(outsider_client, municipality) -> None:
    assert outsider_client.post(url()).status_code == 404
    assert not Attestation.objects.exists()
