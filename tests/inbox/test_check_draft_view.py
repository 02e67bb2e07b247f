"""The live reply check (htmx): the engine's verdict on a draft, as a fragment."""

from __future__ import annotations

import pytest
from django.conf import settings


def url(item) -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/sjekk-svar/"


def test_it_blocks_a_draft_with_a_national_id(owner_client, make_item):
    item = make_item()
    response = owner_client.post(
        url(item), {"text": "Vi har sjekket 01017012343. Hilsen Eva"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-verdict="block"' in html
    assert "</strong> – fødselsnummer" in html  # the finding, in the heading's sentence
    assert "<html" not in html  # a fragment, not a page


def test_it_asks_for_a_signature_where_the_guideline_wants_one(owner_client, make_item):
    item = make_item()
    html = owner_client.post(url(item), {"text": "Biblioteket åpner klokka ti."}).content.decode()
    assert 'data-verdict="revise"' in html
    assert "gausdal:offisielle-kontoer-7" in html


def test_it_passes_a_good_draft(owner_client, make_item):
    item = make_item()
    html = owner_client.post(url(item), {"text": "Biblioteket åpner klokka ti. Hilsen Eva"}).content.decode()
    assert 'data-verdict="ok"' in html


def test_it_says_nothing_about_an_empty_draft(owner_client, make_item):
    item = make_item()
    html = owner_client.post(url(item), {"text": "  "}).content.decode()
    assert "data-verdict" not in html


def test_it_gives_an_employee_403_and_an_outsider_404(member_client, outsider_client, make_item):
    item = make_item()
    assert member_client.post(url(item), {"text": "Hei"}).status_code == 403
    assert outsider_client.post(url(item), {"text": "Hei"}).status_code == 404


@pytest.mark.parametrize(
    ("language", "reason", "bokmaal"),
    [
        ("nn", "Svaret manglar signatur; skriv under med førenamnet ditt.", "Svaret mangler signatur"),
        ("en", "The answer is not signed; sign it with your first name.", "Svaret mangler signatur"),
        ("nb", "Svaret mangler signatur; skriv under med fornavnet ditt.", "Svaret manglar signatur"),
    ],
)
def test_it_gives_the_guidelines_reasons_in_the_readers_language(
    owner_client, make_item, language, reason, bokmaal
):
    item = make_item()
    owner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = owner_client.post(url(item), {"text": "Biblioteket åpner klokka ti."}).content.decode()
    assert 'data-verdict="revise"' in html
    assert f"<li>{reason}</li>" in html
    assert bokmaal not in html
