"""A crisis's report lists every post the crisis held during its span, once each, with where it
stands: held at publishing time, sent to crisis management, or published later (found: the
report left out the posts held when they were due unless their authors had sent them on)."""

from __future__ import annotations

import pytest

from somevakt.crisis import services as crisis
from somevakt.crisis.listeners import report_sections
from somevakt.publishing import services
from somevakt.publishing.models import PostState
from tests.factories import logged_in
from tests.publishing.test_crisis import adviser, draft, page  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_the_report_lists_every_post_the_crisis_held_with_its_state(
    municipality,
    owner,
    adviser,  # noqa: F811
    page,  # noqa: F811
):
    held = draft(municipality, adviser, page, text="Kulturkvelden i kveld er som planlagt.")
    later = draft(municipality, adviser, page, text="Biblioteket holder åpent til 20.")
    services.schedule(held, adviser)
    services.schedule(later, adviser)
    declared = crisis.declare(municipality, owner, "Brann på Forset")
    assert services.publish(held.pk) == PostState.FAILED
    assert services.publish(later.pk) == PostState.FAILED
    # Crisis management lets one out after all.
    services.retry(later, owner)
    assert services.publish(later.pk) == PostState.PUBLISHED
    sent = draft(municipality, adviser, page, text="Svømmehallen stenger tidlig.")
    services.send_to_crisis(sent, adviser)
    services.send_to_crisis(sent, adviser)
    crisis.end(declared, owner)
    declared.refresh_from_db()

    (section,) = [s for s in report_sections(declared) if s.key == "published-not"]
    states = {row.text: row.state for row in section.rows}
    assert states == {
        "Kulturkvelden i kveld er som planlagt.": "Holdt tilbake av krisemodus",
        "Biblioteket holder åpent til 20.": "Publisert senere",
        "Svømmehallen stenger tidlig.": "Sendt til kriseledelsen",
    }
    (row,) = [r for r in section.rows if r.text.startswith("Kulturkvelden")]
    assert row.who == "Rita Rådgiver" and row.url.endswith(f"/publisering/{held.pk}/")

    html = logged_in(owner).get(f"/{municipality.slug}/krise/{declared.pk}/").content.decode()
    assert "Ikke publisert på plattformen (3)" in html
    assert "Holdt tilbake av krisemodus" in html and "Publisert senere" in html

    # Another crisis does not list them.
    other = crisis.declare(municipality, owner, "Strømbrudd")
    assert not [s for s in report_sections(other) if s.key == "published-not"]
