"""The journal page: entries with their delivery state and a search; for the records office and
communications; a member without those roles gets 403, an outsider 404."""

from __future__ import annotations

from somevakt.archive.models import JournalEntry

from .conftest import url


def test_it_lists_entries_with_state_and_finds_them_by_text(acted, records_client):
    page = records_client.get(url("index")).content.decode()
    for entry in JournalEntry.objects.all():
        assert entry.record_id in page
    assert "Venter på" in page or "Waiting" in page or "pending" not in page
    found = records_client.get(url("index"), {"q": "412 34"}).content.decode()
    hidden = JournalEntry.objects.get(item=acted["hidden"])
    referred = JournalEntry.objects.filter(item=acted["referred"]).first()
    assert hidden.record_id in found and f">{referred.record_id}<" not in found


def test_it_warns_when_the_organisation_number_is_missing(acted, records_client):
    assert "organisasjonsnummer" in records_client.get(url("index")).content.decode()


def test_it_is_open_to_communications_staff(acted, owner_client):
    assert owner_client.get(url("index")).status_code == 200


def test_it_requires_an_archive_role(member_client):
    assert member_client.get(url("index")).status_code == 403


def test_it_hides_the_municipality_from_an_outsider(outsider_client):
    assert outsider_client.get(url("index")).status_code == 404


def test_it_counts_and_lists_the_entries_waiting_for_the_screening_decision(
    acted, records_client, records_officer
):
    from somevakt.archive.models import JournalEntry
    from somevakt.archive.services import decide_screening

    decide_screening(
        JournalEntry.objects.get(item=acted["hidden"]), records_officer, True, "Offentleglova § 13"
    )
    page = records_client.get(url("index")).content.decode()
    assert "2 journalposter har ikke fått skjermingsvedtak fra arkivet ennå." in page
    assert page.count("Venter på skjermingsvedtak") == 2
    waiting = records_client.get(url("index"), {"venter": "1"}).content.decode()
    assert "provekommune-" in waiting and waiting.count("Venter på skjermingsvedtak") == 2
    assert f">{JournalEntry.objects.get(item=acted['hidden']).record_id}<" not in waiting
