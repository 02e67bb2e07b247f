"""The People page: every member sees the self-check and their own attestation; outsiders get 404."""

from __future__ import annotations

from django.urls import reverse

from somevakt.policy.packs import load_pack
from tests.people.conftest import read_and_confirm


def url(slug: str = "provekommune") -> str:
    return reverse("people:index", kwargs={"municipality": slug})


def test_it_offers_the_self_check_and_the_yearly_confirmation(member_client) -> None:
    response = member_client.get(url())
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("people:self_check", kwargs={"municipality": "provekommune"}) in page
    # The confirmation comes after opening one's part of the guideline.
    assert reverse("people:introduction", kwargs={"municipality": "provekommune"}) in page
    assert "Jeg har lest årets retningslinje" not in page
    member_client.get(reverse("people:introduction", kwargs={"municipality": "provekommune"}))
    assert "Jeg har lest årets retningslinje" in member_client.get(url()).content.decode()
    assert reverse("people:team", kwargs={"municipality": "provekommune"}) not in page


def test_it_shows_a_confirmation_already_given(member, member_client, municipality) -> None:
    read_and_confirm(member, municipality, load_pack("gausdal"))
    page = member_client.get(url()).content.decode()
    assert "Du bekreftet" in page
    assert "Jeg har lest årets retningslinje" not in page


def test_it_links_leaders_to_their_staff(owner_client) -> None:
    page = owner_client.get(url()).content.decode()
    assert reverse("people:team", kwargs={"municipality": "provekommune"}) in page


def test_it_gives_outsiders_404(outsider_client, municipality) -> None:
    assert outsider_client.get(url()).status_code == 404
