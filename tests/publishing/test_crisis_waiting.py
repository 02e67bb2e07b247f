"""The crisis page lists what waits for crisis management (found walking the demo: the team heard
of held answers and posts only by e-mail): the answers escalated to them with the held draft and
the posts sent to them, each linked, until someone deals with them."""

from __future__ import annotations

import pytest

from somevakt.crisis import services as crisis
from somevakt.inbox import escalation
from somevakt.inbox import services as inbox
from somevakt.publishing import services
from tests.factories import make_item, triage_with
from tests.publishing.conftest import crisis_page
from tests.publishing.test_crisis import TEXT, adviser, draft, page  # noqa: F401 (fixtures)
from tests.staff import crisis_lead  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_the_crisis_page_lists_held_answers_and_posts_until_they_are_dealt_with(
    municipality,
    owner,
    crisis_lead,  # noqa: F811
    adviser,  # noqa: F811
    page,  # noqa: F811
):
    crisis.declare(municipality, owner, "Vannlekkasje i sentrum")
    assert "Ingenting venter på kriseledelsen" in crisis_page(crisis_lead, municipality)

    item = make_item(page, text="Er vannet trygt å drikke?")
    triage_with(item, "intent.question")
    escalation.escalate(item, adviser, "crisis", "Mange spør", draft="Vannet er trygt. Hilsen Rita")
    post = draft(municipality, adviser, page)
    services.send_to_crisis(post, adviser)

    html = crisis_page(crisis_lead, municipality)
    assert "Venter på kriseledelsen (2)" in html
    assert f'href="/{municipality.slug}/innboks/{item.pk}/"' in html
    assert "Tilbakeholdt svar" in html and "Vannet er trygt. Hilsen Rita" in html
    assert f'href="/{municipality.slug}/publisering/{post.pk}/"' in html
    assert "Tilbakeholdt innlegg" in html and TEXT in html
    assert "Ventar på kriseleiinga (2)" in crisis_page(owner, municipality, "nn")
    english = crisis_page(owner, municipality, "en")
    assert "Waiting for crisis management (2)" in english and "Held post" in english

    # Dealt with: the answer sent by crisis management, the post published by them.
    inbox.send_reply(item, crisis_lead, "Kok vannet inntil videre. Hilsen Kari")
    services.schedule(post, owner)
    html = crisis_page(crisis_lead, municipality)
    assert "Venter på kriseledelsen (0)" in html and "Ingenting venter på kriseledelsen" in html
