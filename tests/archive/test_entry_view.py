"""An entry's page: the records office edits metadata and decides screening (with its basis),
downloads the captured PDF and sees the receipt; others read; an outsider gets 404."""

from __future__ import annotations

from somevakt.archive.models import JournalEntry
from somevakt.archive.services import capture_entry

from .conftest import url


def entry_of(acted):
    return JournalEntry.objects.get(item=acted["hidden"])


def test_it_shows_the_entry_with_its_proposed_screening(acted, records_client):
    entry = entry_of(acted)
    page = records_client.get(url("entry", entry_id=entry.pk)).content.decode()
    assert entry.title in page and "Offentleglova § 13" in page
    assert "Ring meg på 412 34 567!" in page


def test_the_records_office_edits_metadata_and_decides_screening(acted, records_client, records_officer):
    entry = entry_of(acted)
    response = records_client.post(
        url("edit_metadata", entry_id=entry.pk),
        {
            "title": "Skjult kommentar med telefonnummer",
            "case_reference": "2026/7",
            "public_title": "",
            "classification": "",
        },
    )
    assert response.status_code == 302
    response = records_client.post(url("screening", entry_id=entry.pk), {"screened": "1", "basis": ""})
    assert response.status_code == 400  # a screened entry needs its basis
    records_client.post(url("screening", entry_id=entry.pk), {"screened": "1", "basis": "Offentleglova § 13"})
    entry.refresh_from_db()
    assert (entry.title, entry.case_reference) == ("Skjult kommentar med telefonnummer", "2026/7")
    assert (entry.skjermet, entry.screening_basis, entry.screening_decided_by) == (
        True,
        "Offentleglova § 13",
        records_officer,
    )
    bad = records_client.post(
        url("edit_metadata", entry_id=entry.pk), {"title": "x", "case_reference": "sju"}
    )
    assert bad.status_code == 400


def test_it_serves_the_captured_pdf_that_matches_its_checksum(acted, profile, records_client):
    import hashlib

    entry = entry_of(acted)
    assert records_client.get(url("document", entry_id=entry.pk)).status_code == 404
    capture_entry(entry)
    response = records_client.get(url("document", entry_id=entry.pk))
    assert response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(response.content).hexdigest() == entry.capture_sha256


def test_only_the_records_office_may_change_an_entry(acted, owner_client):
    entry = entry_of(acted)
    assert owner_client.get(url("entry", entry_id=entry.pk)).status_code == 200
    response = owner_client.post(url("edit_metadata", entry_id=entry.pk), {"title": "Nei"})
    assert response.status_code == 403


def test_it_requires_an_archive_role(acted, member_client):
    assert member_client.get(url("entry", entry_id=entry_of(acted).pk)).status_code == 403


def test_it_hides_the_entry_from_an_outsider(acted, outsider_client):
    assert outsider_client.get(url("entry", entry_id=entry_of(acted).pk)).status_code == 404
    assert outsider_client.get(url("document", entry_id=entry_of(acted).pk)).status_code == 404
