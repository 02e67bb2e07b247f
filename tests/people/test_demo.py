"""The demo's People step: a few confirmations, a review where the guideline asks for one, idempotent."""

from __future__ import annotations

from somevakt.demo.loader import DemoContext, load_tenancy
from somevakt.people import demo
from somevakt.people.attestations import current_year, responsible_for
from somevakt.people.models import Attestation


def test_it_confirms_for_some_people_and_records_hustadvikas_review(db) -> None:
    context = DemoContext(log=lambda line: None)
    load_tenancy(context)
    demo.load(context)
    rows = set(Attestation.objects.values_list("person__username", "year"))
    year = current_year()
    assert ("gausdal.ansatt", year) in rows
    assert ("gausdal.politiker", year) in rows
    assert ("gausdal.kommunikasjon", year) not in rows
    hustadvika = Attestation.objects.get(person__username="hustadvika.ansatt")
    assert hustadvika.reviewed_with is not None
    assert hustadvika.reviewed_with.pk in responsible_for(hustadvika.person.memberships.get())
    # Gausdal's guideline has no yearly review: nobody records one there.
    assert Attestation.objects.get(person__username="gausdal.ansatt").reviewed_with is None

    before = list(Attestation.objects.values_list("pk", "at", "reviewed_at"))
    demo.load(context)
    assert list(Attestation.objects.values_list("pk", "at", "reviewed_at")) == before
