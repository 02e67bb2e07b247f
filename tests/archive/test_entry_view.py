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


def test_it_says_the_entry_waits_for_the_records_offices_decision(acted, records_client, records_officer):
    entry = entry_of(acted)
    page = records_client.get(url("entry", entry_id=entry.pk)).content.decode()
    assert "Leveres til arkivet når arkivet har bestemt skjerming" in page
    records_client.post(url("screening", entry_id=entry.pk), {"screened": "1", "basis": "Offentleglova § 13"})
    page = records_client.get(url("entry", entry_id=entry.pk)).content.decode()
    assert "Leveres til arkivet ved neste levering" in page


def test_it_says_when_an_undecided_entry_goes_with_the_proposal(acted, profile, records_client):
    from somevakt.archive.models import Hold

    profile.hold, profile.hold_hours = Hold.HOURS, 8
    profile.save()
    entry = entry_of(acted)
    page = records_client.get(url("entry", entry_id=entry.pk)).content.decode()
    assert "Leveres automatisk" in page and "med forslaget om skjerming (Offentleglova § 13" in page


def test_un_screening_personal_data_asks_for_a_confirmation_naming_it(
    make_item, owner, records_client, records_officer
):
    from .conftest import hide

    item = make_item(
        "111222333_3_1",
        "Refusjonen kan settes inn på konto 9710.05.12347. Takk!",
        "personal_data.bank_account",
    )
    hide(item, owner)
    entry = JournalEntry.objects.get(item=item)
    page = records_client.get(url("entry", entry_id=entry.pk)).content.decode()
    assert "Personopplysninger i journalposten: kontonumre." in page
    response = records_client.post(url("screening", entry_id=entry.pk), {"screened": "0", "basis": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "kontonumre: ****.**.***47" in page
    assert "9710.05.12347" not in page.split('id="confirm"')[1].split("</section>")[0]
    entry.refresh_from_db()
    assert entry.skjermet is None  # nothing decided yet
    records_client.post(url("screening", entry_id=entry.pk), {"screened": "0", "basis": "", "bekreft": "1"})
    entry.refresh_from_db()
    assert entry.skjermet is False and entry.screening_decided_by == records_officer
    assert entry.changes.get().note == "Bekreftet at dette blir offentlig: kontonummer"
    page = records_client.get(url("entry", entry_id=entry.pk)).content.decode()
    assert "(bekreftet at dette blir offentlig: kontonumre)" in page
    records_client.cookies["somevakt_language"] = "en"
    page = records_client.get(url("entry", entry_id=entry.pk)).content.decode()
    assert "(confirmed that this becomes public: bank account numbers)" in page


def test_a_screened_entry_is_decided_without_a_confirmation(acted, records_client):
    entry = JournalEntry.objects.get(item=acted["referred"], reason="refer_formal")
    response = records_client.post(
        url("screening", entry_id=entry.pk), {"screened": "1", "basis": "Offentleglova § 13"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.skjermet is True
