"""The public journal: what was journaled, screened or not; a screened entry's text is not shown."""

from __future__ import annotations

from somevakt.archive.models import JournalEntry
from somevakt.archive.services import decide_screening

from .conftest import url


def test_it_shows_open_entries_with_their_text_and_screened_ones_without(
    acted, records_client, records_officer
):
    plain = JournalEntry.objects.get(item=acted["hidden"])
    decide_screening(plain, records_officer, False, confirmed=True)
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


def test_it_masks_national_ids_and_account_numbers_even_when_not_screened(
    make_item, owner, records_client, records_officer
):
    from .conftest import hide

    item = make_item(
        "111222333_4_1",
        "Refusjonen kan settes inn på konto 9710.05.12347. Takk!",
        "personal_data.bank_account",
    )
    hide(item, owner)
    decide_screening(JournalEntry.objects.get(item=item), records_officer, False, confirmed=True)
    page = records_client.get(url("public_journal")).content.decode()
    assert "konto ****.**.***47. Takk!" in page and "9710.05.12347" not in page
    # A masked number is not there to be found either.
    found = records_client.get(url("public_journal"), {"q": "9710.05.12347"}).content.decode()
    assert "Ingen journalposter" in found


def test_a_reply_shows_the_municipalitys_reply_not_the_question(
    acted, owner, records_client, records_officer
):
    from somevakt.inbox import services

    services.send_reply(acted["referred"], owner, "Vi har fått søknaden og svarer i posten. Hilsen Eva")
    reply = JournalEntry.objects.get(reason="reply")
    decide_screening(reply, records_officer, False, confirmed=True)
    page = records_client.get(url("public_journal")).content.decode()
    row = page.split(reply.title)[1].split("</tr>")[0]
    assert "svarer i posten" in row and "barnehageplass" not in row
    found = records_client.get(url("public_journal"), {"q": "svarer i posten"}).content.decode()
    assert reply.title in found
