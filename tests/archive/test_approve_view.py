"""Accepting somevakt's proposal for several entries at once: the records office's decision for
each, except those that would make personal data public without a confirmation; only the records
office may; an outsider gets 404."""

from __future__ import annotations

from somevakt.archive.models import JournalEntry

from .conftest import url


def test_it_records_the_proposal_as_the_decision_for_the_chosen_entries(
    acted, make_item, owner, records_client, records_officer
):
    from .conftest import hide

    named = make_item("111222333_6_1", "Kari Nordmann var frekk i dag.", "person.named")
    hide(named, owner, "illegal")
    named_entry = JournalEntry.objects.get(item=named)
    assert named_entry.proposed_screening is False  # a name alone: not screened, but not for free
    hidden = JournalEntry.objects.get(item=acted["hidden"])
    referred = JournalEntry.objects.get(item=acted["referred"], reason="refer_formal")
    response = records_client.post(
        url("approve"), {"entry": [hidden.pk, referred.pk, named_entry.pk, "x"]}, follow=True
    )
    page = response.content.decode()
    for entry in (hidden, referred, named_entry):
        entry.refresh_from_db()
    assert (hidden.skjermet, referred.skjermet) == (True, True)
    assert hidden.screening_decided_by == records_officer
    assert named_entry.skjermet is None  # left for the records office to open
    assert "Forslaget fra somevakt er registrert som vedtak for 2 journalposter." in page
    assert named_entry.record_id in page.split("personopplysninger")[1]


def test_it_says_so_when_nothing_was_chosen(acted, records_client):
    page = records_client.post(url("approve"), {}, follow=True).content.decode()
    assert "Velg journalpostene" in page


def test_it_requires_the_records_role(acted, owner_client):
    entry = JournalEntry.objects.get(item=acted["hidden"])
    assert owner_client.post(url("approve"), {"entry": [entry.pk]}).status_code == 403
    entry.refresh_from_db()
    assert entry.skjermet is None


def test_it_hides_the_municipality_from_an_outsider(acted, outsider_client):
    entry = JournalEntry.objects.get(item=acted["hidden"])
    assert outsider_client.post(url("approve"), {"entry": [entry.pk]}).status_code == 404
