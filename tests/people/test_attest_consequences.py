"""The yearly attestation carries the pack's yearly-review clauses: before the confirm button the
person reads, in their language and linked to the guideline page, what they confirm they know,
such as Båtsfjord's "breaches may have consequences under the staff regulations"
(batsfjord:brudd); the attestation records the pack's revision as it stands today."""

from __future__ import annotations

import pytest
from django.urls import reverse

from somevakt.people.models import Attestation
from somevakt.policy.packs import load_pack

pytestmark = pytest.mark.django_db


def people_page(client, language: str = "nb") -> str:
    client.cookies["somevakt_language"] = language
    return client.get(reverse("people:index", kwargs={"municipality": "provekommune"})).content.decode()


def test_the_attestation_states_the_consequences_of_a_breach_before_the_confirmation(
    municipality, member, member_client
) -> None:
    municipality.policy_pack = "batsfjord"
    municipality.save()
    brudd = load_pack("batsfjord").clause("batsfjord:brudd")
    member_client.get(reverse("people:introduction", kwargs={"municipality": "provekommune"}))

    page = people_page(member_client)
    said = page.index(brudd.summary.text("nb"))
    assert page.index("bekrefter du også at du kjenner til dette") < said
    assert said < page.index("Jeg har lest årets retningslinje")
    assert 'href="/provekommune/retningslinjer/#batsfjord:brudd"' in page
    assert brudd.summary.text("nn") in people_page(member_client, "nn")
    assert brudd.summary.text("en") in people_page(member_client, "en")

    member_client.post(reverse("people:attest", kwargs={"municipality": "provekommune"}))
    attestation = Attestation.objects.get(person=member)
    assert attestation.policy_revision == load_pack("batsfjord").revision


def test_a_pack_without_such_a_clause_shows_none(member_client) -> None:
    # Gausdal's guideline has no yearly review clause.
    assert 'data-testid="attest-clauses"' not in people_page(member_client)
