"""The check's heading names only what the verdict rests on: found walking the demo, a Gausdal post
read "Looks right: Not published on the website first" (Gausdal's guideline does not ask for the
website first, so the engine's code changed nothing, yet the heading listed it as a finding)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import logged_in, make_account

pytestmark = pytest.mark.django_db


def check(client, municipality, **data):
    url = reverse("publishing:check", kwargs={"municipality": municipality.slug})
    return client.post(url, data, HTTP_HX_REQUEST="true").content.decode()


def test_a_passing_post_lists_no_finding_in_its_heading(municipality, owner):
    municipality.policy_pack = "gausdal"
    municipality.save()
    account = make_account(municipality, platform="facebook", external_id="700000900", name="Kommunen")
    account.admins.add(owner)
    client = logged_in(owner)
    client.cookies["somevakt_language"] = "en"
    body = check(
        client, municipality, text="Welcome to the Christmas market on Saturday.", accounts=[account.pk]
    )
    assert 'data-verdict="ok"' in body
    heading = body.split("</strong>", 1)[1].split("</p>", 1)[0]
    assert heading == ""  # nothing after "Looks right"


def test_a_post_that_should_be_revised_names_the_finding(batsfjord_municipality):
    municipality, client, account = batsfjord_municipality
    body = check(client, municipality, text="Velkommen til julemarked på lørdag.", accounts=[account.pk])
    assert 'data-verdict="revise"' in body
    assert "batsfjord:4.3-nettsider-forst" in body
    heading = body.split("</strong>", 1)[1].split("</p>", 1)[0]
    assert heading == " – ikke publisert på nettsiden først"  # one phrase after the heading


@pytest.fixture
def batsfjord_municipality(municipality, owner):
    municipality.policy_pack = "batsfjord"
    municipality.save()
    account = make_account(municipality, platform="facebook", external_id="700000901", name="Kommunen")
    account.admins.add(owner)
    return municipality, logged_in(owner), account
