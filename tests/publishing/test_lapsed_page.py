"""A published post whose picture's consent lapsed says so on its own page, with which consent and
why, next to the actions (found walking the demo: the page offered "Record why it stays" without
saying what had lapsed; only the author's list on the index did)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from somevakt.publishing import services
from tests.factories import logged_in
from tests.publishing.conftest import consent_for, picture
from tests.publishing.test_services import draft, publish_now

pytestmark = pytest.mark.django_db


def test_the_post_page_names_the_lapsed_consent_until_the_post_is_kept(
    batsfjord, owner, facebook, graph, website
):
    consent = consent_for(batsfjord, owner)
    post = draft(batsfjord, owner, [facebook], [picture(batsfjord, owner, consents=[consent])])
    publish_now(post, owner)
    client = logged_in(owner)
    page_url = reverse("publishing:detail", kwargs={"municipality": batsfjord.slug, "post_id": post.pk})
    assert 'data-testid="lapsed-consent"' not in client.get(page_url).content.decode()
    services.withdraw_consent(batsfjord, consent.pk, owner, "Foreldrene trakk samtykket")
    page = client.get(page_url).content.decode()
    alert = page.split('data-testid="lapsed-consent"', 1)[1].split("</div>", 1)[0]
    assert consent.name in alert and "(trukket)" in alert
    assert "Fjern det fra plattformen, eller registrer hvorfor det blir liggende." in alert
    (row,) = services.lapsed(batsfjord)
    services.keep(row.target, owner, "Avtalt med foreldrene")
    assert 'data-testid="lapsed-consent"' not in client.get(page_url).content.decode()


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_consent_form_starts_from_today(batsfjord, owner, language):
    # Walking the demo the first "Register" failed: "Valid from" was empty and required.
    from django.utils import timezone

    client = logged_in(owner)
    client.cookies["somevakt_language"] = language
    page = client.get(
        reverse("publishing:consents", kwargs={"municipality": batsfjord.slug})
    ).content.decode()
    field = page.split('name="valid_from"', 1)[1].split(">", 1)[0]
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in field
