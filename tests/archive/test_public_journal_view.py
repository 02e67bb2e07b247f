"""The public journal: what was journaled, screened or not; a screened entry's text is not shown."""

from __future__ import annotations

from somevakt.archive.models import JournalEntry
from somevakt.archive.services import decide_screening

from .conftest import url


def test_it_shows_open_entries_with_their_text_and_screened_ones_without(
    acted, records_client, records_officer
):
    plain = JournalEntry.objects.get(item=acted["hidden"])
    decide_screening(plain, records_officer, False)
    page = records_client.get(url("public_journal")).content.decode()
    assert "Ring meg på 412 34 567!" in page  # decided: not screened
    assert "010101 12345" not in page  # proposed screening applies until decided
    assert "Offentleglova § 13" in page


def test_its_search_never_finds_screened_entries_by_their_text(acted, records_client):
    page = records_client.get(url("public_journal"), {"q": "barnehageplass"}).content.decode()
    assert "Ingen journalposter" in page or "No journal entries" in page


def test_it_requires_an_archive_role(member_client):
    assert member_client.get(url("public_journal")).status_code == 403


def test_it_hides_the_municipality_from_an_outsider(outsider_client):
    assert outsider_client.get(url("public_journal")).status_code == 404
