"""A crisis's report lists the posts crisis mode held that their authors sent to crisis management
(publishing's escalations), on its page, in its PDF and in the journaled document (found walking
the demo: the report listed the inbox's escalations but not the posts)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from somevakt.crisis import services as crisis
from somevakt.crisis.journal import document_of
from somevakt.crisis.listeners import report_sections
from somevakt.publishing import services
from tests.factories import logged_in
from tests.publishing.test_crisis import TEXT, adviser, draft, page  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_the_report_lists_a_held_post_sent_to_crisis_management(municipality, owner, adviser, page):  # noqa: F811
    declared = crisis.declare(municipality, owner, "Vannlekkasje i sentrum")
    (empty,) = [s for s in report_sections(declared) if s.key == "published-sent-to-crisis"]
    assert empty.rows == [] and str(empty.empty)
    post = draft(municipality, adviser, page)
    services.send_to_crisis(post, adviser)
    crisis.end(declared, owner)
    declared.refresh_from_db()
    (section,) = [s for s in report_sections(declared) if s.key == "published-sent-to-crisis"]
    (row,) = section.rows
    assert row.text == TEXT and row.who == "Rita Rådgiver" and row.url.endswith(f"/publisering/{post.pk}/")
    client = logged_in(owner)
    html = client.get(f"/{municipality.slug}/krise/{declared.pk}/").content.decode()
    assert "Sendt til kriseledelsen (1)" in html and TEXT in html
    pdf = client.get(f"/{municipality.slug}/krise/{declared.pk}/rapport.pdf").content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Sendt til kriseledelsen (1)" in text
    document = document_of(declared)
    assert any(s.heading == "Sendt til kriseledelsen" for s in document.sections)
    # The post's own text is the municipality's, not a citizen's: no screening proposed for it.
    assert document.personal_data is False
