"""The crisis page lists each held answer or post once, at its latest sending, saying how many
times it was sent (found: an answer sent to the crisis team twice was listed twice)."""

from __future__ import annotations

import pytest

from somevakt.crisis import services as crisis
from somevakt.inbox import escalation
from somevakt.publishing import services
from tests.factories import make_item, triage_with
from tests.publishing.conftest import crisis_page
from tests.publishing.test_crisis import TEXT, adviser, draft, page  # noqa: F401 (fixtures)
from tests.staff import crisis_lead  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_a_held_answer_or_post_sent_twice_is_listed_once_with_how_often(
    municipality,
    owner,
    crisis_lead,  # noqa: F811
    adviser,  # noqa: F811
    page,  # noqa: F811
):
    crisis.declare(municipality, owner, "Vannlekkasje i sentrum")
    item = make_item(page, text="Er vannet trygt å drikke?")
    triage_with(item, "intent.question")
    escalation.escalate(item, adviser, "crisis", "Mange spør", draft="Vannet er trygt.")
    escalation.escalate(item, adviser, "crisis", "Fortsatt ubesvart", draft="Vannet er trygt. Hilsen Rita")
    post = draft(municipality, adviser, page)
    services.send_to_crisis(post, adviser)
    services.send_to_crisis(post, adviser)
    services.send_to_crisis(post, adviser)

    html = crisis_page(crisis_lead, municipality)
    assert "Venter på kriseledelsen (2)" in html
    # The latest sending's held answer, not the first one's.
    assert "Vannet er trygt. Hilsen Rita" in html and html.count(f"/innboks/{item.pk}/") == 1
    assert html.count(f"/publisering/{post.pk}/") == 1 and html.count(TEXT) == 1
    assert "sendt 2 ganger" in html and "sendt 3 ganger" in html
    assert "sendt 3 gonger" in crisis_page(owner, municipality, "nn")
    assert "sent 2 times" in crisis_page(owner, municipality, "en")
