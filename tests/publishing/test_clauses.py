"""The guideline clauses publishing carries out, proved through the publishing services for each
municipality whose pack has them: photo consent (Hustadvika 2d, Båtsfjord 4.4, Rømskog), the
website first (Båtsfjord 4.3, Hustadvika) and the photographer's permission (Båtsfjord 4.4)."""

from __future__ import annotations

import pytest

from somevakt.policy.packs import load_pack
from somevakt.publishing import services
from somevakt.publishing.services import DraftInput, Refused
from tests.factories import make_account
from tests.publishing.conftest import consent_for, picture

CONSENT = {
    "hustadvika": "hustadvika:2d",
    "batsfjord": "batsfjord:4.4-samtykke",
    "romskog": "romskog:kanaler-opphavsrett",
}
WEBSITE_FIRST = {"hustadvika": "hustadvika:nettsider", "batsfjord": "batsfjord:4.3-nettsider-forst"}


def under(municipality, slug):
    municipality.policy_pack = slug
    municipality.save()
    return make_account(municipality)


@pytest.mark.parametrize(("slug", "clause"), CONSENT.items())
def test_it_blocks_a_picture_of_people_without_consent_citing_the_clause(municipality, owner, slug, clause):
    account = under(municipality, slug)
    asset = picture(municipality, owner)
    data = DraftInput(
        text="Se elevene på skidagen!", accounts=[account], media=[asset], no_link_reason="Bilde"
    )
    post = services.save_draft(municipality, owner, data)
    found = services.run_check(post, owner)
    assert found.verdict == "block" and clause in found.decision.clauses
    with pytest.raises(Refused):
        services.schedule(post, owner)
    asset.consents.add(consent_for(municipality, owner))
    assert not services.run_check(post, owner).blocked


@pytest.mark.parametrize(("slug", "clause"), WEBSITE_FIRST.items())
def test_it_asks_for_the_website_first_citing_the_clause(
    municipality, owner, slug, clause, website, settings
):
    account = under(municipality, slug)
    data = DraftInput(text="Biblioteket har nye åpningstider fra mandag.", accounts=[account], media=[])
    post = services.save_draft(municipality, owner, data)
    found = services.run_check(post, owner)
    assert found.verdict == "revise" and clause in found.decision.clauses
    host = load_pack(slug).municipality.website.split("//", 1)[1].strip("/")
    website.page(host, "/nyheter/bibliotek")
    post.link = f"http://{host}/nyheter/bibliotek"
    post.save()
    assert services.run_check(post, owner).verdict == "ok"


def test_it_asks_for_no_website_page_where_the_guideline_does_not(municipality, owner):
    account = under(municipality, "gausdal")
    data = DraftInput(text="Biblioteket har nye åpningstider fra mandag.", accounts=[account], media=[])
    post = services.save_draft(municipality, owner, data)
    assert services.run_check(post, owner).verdict == "ok"


@pytest.mark.parametrize("slug", ["batsfjord", "gausdal", "hustadvika", "romskog"])
def test_it_claims_the_photographer_clause_exactly_where_the_pack_asks_for_it(slug):
    pack = load_pack(slug)
    rules = pack.roles.publishing
    for clause in pack.clauses:
        if clause.id.endswith("fotograf"):
            assert clause.honoured_by.implemented == (
                rules.photographer_permission and rules.clause == clause.id
            )
