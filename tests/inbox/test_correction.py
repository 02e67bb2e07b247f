"""Correcting a factual error (issue 15; Rømskog, Gausdal 6 "always correct factual errors"): a
saved answer of its own kind that must link to the source on the municipality's website, and
that the leaders' response-time page counts."""

from __future__ import annotations

import pytest

from somevakt.inbox import services
from somevakt.inbox.services import ActionRefused
from tests.inbox.conftest import triage_with

RIGHT = (
    "Takk for innlegget. Her har det sneket seg inn en feil: bassenget stenger 1. juli, ikke 1. juni. "
    "Du finner mer om dette på https://www.gausdal.kommune.no/bad. Hilsen Eva"
)


@pytest.fixture
def rumour(make_item):
    item = make_item("111222333_1_9", "Bassenget stenger visst allerede 1. juni, typisk kommunen!")
    triage_with(item, "tone.negative")
    item.refresh_from_db()
    return item


def test_the_composer_offers_the_correction_with_the_website_filled_in(owner_client, rumour):
    page = owner_client.get(f"/provekommune/innboks/{rumour.pk}/?svar=correction").content.decode()
    assert "Retting" in page
    assert "https://www.gausdal.kommune.no" in page
    assert 'name="purpose" value="correction"' in page


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Feil: bassenget stenger 1. juli. Hilsen Eva", "nettsted"),  # no source at all
        ("Feil: bassenget stenger 1. juli, se https://www.vg.no/bad. Hilsen Eva", "nettsted"),
        (
            "Takk. Her er det som stemmer: [skriv hva som er riktig]. www.gausdal.kommune.no Hilsen Eva",
            "klammene",
        ),
    ],
)
def test_a_correction_without_its_source_or_with_the_blank_left_is_refused(rumour, owner, text, why):
    with pytest.raises(ActionRefused) as refused:
        services.send_reply(rumour, owner, text, purpose="correction")
    assert why in str(refused.value)
    assert not rumour.events.filter(type="replied").exists()


def test_a_correction_keeps_its_source_and_is_counted_for_the_leaders(owner_client, owner, rumour):
    event = services.send_reply(rumour, owner, RIGHT, purpose="correction")
    assert event.type == "replied"
    assert event.payload["purpose"] == "correction"
    assert event.payload["source"] == "https://www.gausdal.kommune.no/bad"
    page = owner_client.get("/provekommune/innboks/svartider/").content.decode()
    assert 'data-testid="corrections">1<' in page


def test_a_subdomain_of_the_website_counts_as_the_municipalitys(rumour, owner):
    text = RIGHT.replace("https://www.gausdal.kommune.no/bad", "innsyn.gausdal.kommune.no/sak/12")
    assert services.send_reply(rumour, owner, text, purpose="correction").payload["source"] == (
        "innsyn.gausdal.kommune.no/sak/12"
    )
