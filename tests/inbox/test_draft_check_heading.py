"""The live check's heading reads as one phrase (found walking the demo: "Kan ikke sendes:
Krisemodus: ingenting publiseres, Ikke signert med fornavn", a capital after each comma)."""

from __future__ import annotations

import pytest

from somevakt.crisis import services as crisis
from tests.factories import logged_in
from tests.inbox.conftest import triage_with

pytestmark = pytest.mark.django_db

UNSIGNED = "Biblioteket åpner klokka ti."


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        (
            "nb",
            "<strong>Kan ikke sendes</strong> – krisemodus: ingenting publiseres og ikke signert med fornavn",
        ),
        (
            "nn",
            "<strong>Kan ikkje sendast</strong> – krisemodus: ingenting blir publisert og ikkje signert "
            "med førenamn",
        ),
        (
            "en",
            "<strong>Cannot be sent</strong> – crisis mode: nothing is published and not signed with a "
            "first name",
        ),
    ],
)
def test_the_heading_joins_the_findings_in_a_sentence(
    make_item, owner, adviser, crisis_lead, language, heading
):
    item = make_item()
    triage_with(item, "intent.question")
    crisis.declare(item.municipality, owner, "Brann")
    client = logged_in(adviser)
    client.cookies["somevakt_language"] = language
    html = client.post(
        f"/{item.municipality.slug}/innboks/{item.pk}/sjekk-svar/", {"text": UNSIGNED}
    ).content.decode()
    assert heading in html
