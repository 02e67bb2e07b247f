"""What un-screening would make public: the kinds of personal data in an entry's thread (masked
examples) and from its triage; the municipality's own address is not one of them. The public
journal's masking of national ids and account numbers."""

from __future__ import annotations

from somevakt.archive.exposure import exposed, mask_ids
from somevakt.archive.models import JournalEntry

from .conftest import hide


def test_it_names_each_kind_with_masked_examples(make_item, owner):
    item = make_item(
        "111222333_5_1",
        "Kari Nordmann har konto 9710.05.12347, ring 412 34 567 eller skriv til kari@example.no.",
        "personal_data.bank_account",
        "personal_data.phone",
        "person.named",
    )
    hide(item, owner)
    found = {e.kind: e.examples for e in exposed(JournalEntry.objects.get(item=item))}
    assert found == {
        "bank_account": ("****.**.***47",),
        "phone": ("*** ** *67",),
        "email": ("k***@example.no",),
        "names": (),
    }


def test_the_municipalitys_own_address_is_not_personal_data(make_item, owner):
    item = make_item("111222333_5_2", "Jeg sendte søknaden til postmottak@gausdal.kommune.no i mai.")
    hide(item, owner, "confidential")
    assert exposed(JournalEntry.objects.get(item=item)) == []


def test_the_public_journal_masks_national_ids_and_account_numbers_only():
    text = "Fnr 010101 12345? Nei: konto 9710.05.12347, tlf 412 34 567."
    assert mask_ids(text) == "Fnr ****** *****? Nei: konto ****.**.***47, tlf 412 34 567."
