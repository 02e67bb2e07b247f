"""The field-of-work lexicon (analysis.fields) that tells which of the municipality's fields a
text, a unit's name or a job title is about."""

from __future__ import annotations

import pytest

from somevakt.analysis.fields import FIELDS, fields_of
from somevakt.policy.labels import FIELD_LABELS, field_labels


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Skolen starter mandag 17. august.", {"education"}),
        ("Barnehagelærer", {"education"}),
        ("Oppvekst og kultur", {"education", "culture"}),
        ("Helse og omsorg", {"health"}),
        ("Sjukeheimen har ny besøkstid.", {"health"}),
        ("Kokevarsel for Forset vannverk", {"technical"}),
        ("Brøytingen av Follebuvegen starter kl. 05.", {"technical"}),
        ("Kommuneplanen er ute på høring.", {"planning"}),
        ("Kommunikasjon og service", set()),
        # Words that only begin like a field word are not about it.
        ("Jeg pleier å gå tur. Veggen er malt. Eg veit ikkje. Veilederen er ny.", set()),
        # "På vegne av" is how a post speaks for the employer, not a road; nor is "på vei hjem".
        ("Jeg skriver på vegne av Gausdal kommune: skolen stenger.", {"education"}),
        ("Eg skriv på vegner av kommunen. Vi er på vei hjem, me er på veg heim.", set()),
        ("Veien til skolen er stengt.", {"education", "technical"}),
    ],
)
def test_it_reads_the_fields_of_a_text(text, fields):
    assert fields_of(text) == fields


def test_it_names_every_field_for_people():
    assert set(FIELDS) == set(FIELD_LABELS)
    assert field_labels({"health", "education"}, "nn") == "skule og barnehage, helse og omsorg"
    assert field_labels({"health"}, "en") == "health and care"
