"""The permission table's `publish` and `register_consent` rows against the real pages, for every
role: who opens the composer and on which accounts, and who registers a consent."""

from __future__ import annotations

import pytest
from django.urls import reverse

from somevakt.publishing.models import Consent
from somevakt.tenants import permissions
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_account, make_member

ROLES = tuple(Role.values)


@pytest.fixture
def accounts(municipality):
    theirs = make_account(municipality, external_id="700000001", name="Skolen")
    other = make_account(municipality, external_id="700000002", name="Kommunen")
    return theirs, other


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_each_role_publish_exactly_as_the_table_says(municipality, accounts, role):
    theirs, other = accounts
    person = make_member(municipality, f"p-{role}", "Per", "Son", [role])
    theirs.admins.add(person)
    response = logged_in(person).get(reverse("publishing:new", kwargs={"municipality": municipality.slug}))
    page = response.content.decode() if response.status_code == 200 else ""
    reach = permissions.reach([role], "publish", ("communications",))
    # Every role publishes from an account it is an admin of (the pack's `account_admins`);
    # communications from every account.
    assert response.status_code == 200
    assert theirs.name in page
    assert (other.name in page) == (reach == permissions.ALL)


@pytest.mark.parametrize("role", ROLES)
def test_it_gives_the_pages_only_to_those_who_publish_or_register(municipality, accounts, role):
    person = make_member(municipality, f"q-{role}", "Per", "Son", [role])
    client = logged_in(person)
    opens = client.get(reverse("publishing:index", kwargs={"municipality": municipality.slug})).status_code
    registers = permissions.TABLE["register_consent"].get(role) is not None
    publishes = permissions.TABLE["publish"].get(role) == permissions.ALL
    assert (opens == 200) == (registers or publishes), opens
    response = client.post(
        reverse("publishing:consents", kwargs={"municipality": municipality.slug}),
        {
            "subject": "person",
            "name": "Kari",
            "uses": ["website"],
            "valid_from": "2026-01-01",
            "given_by": "person",
        },
    )
    assert Consent.objects.filter(name="Kari").exists() == registers
    assert response.status_code in ((302,) if registers else (403,))
