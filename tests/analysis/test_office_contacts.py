"""An office's contact details are published, not personal data (personal data 19, issue 12): a
mailbox named after a service at any municipality's or county's domain ("skole@", "eiendomsskatt@"
at another municipality than the pack's), the number of a "tenestetorg" or the child welfare
service, and "your switchboard" in dialect ("sentralbordet dokker"). A person's mailbox at the same
domain and a number given as one's own still are. Our own sentences."""

from __future__ import annotations

import pytest

from somevakt.analysis.personal_data import functional_address
from somevakt.analysis.registry import analyse


def codes(text: str, kind: str = "comment") -> set[str]:
    return {f.code for f in analyse(text, kind).findings}


@pytest.mark.parametrize(
    ("address", "functional"),
    [
        ("skole@nordli.kommune.no", True),
        ("eiendomsskatt@fjellvik.kommune.no", True),
        ("vegvesen@innlandetfylke.no", False),
        ("kari.nordmann@nordli.kommune.no", False),
        ("karinordmann@nordli.kommune.no", False),
        ("kari@gmail.com", False),
    ],
)
def test_an_office_mailbox_at_a_public_domain_is_functional(address: str, functional: bool) -> None:
    assert functional_address(address) is functional


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nytt skoleår! Skolekontoret når du på skole@nordli.kommune.no eller 61 22 42 00.", "post"),
        (
            "Hei! Ring tenestetorget på 57 11 40 00 mellom 08 og 15, så hjelper dei deg. Helsing Sunniva",
            "reply",
        ),
        (
            "Sentralbordet dokker har nummer 61 22 40 00, ikkje 61 22 40 01 som det står på plakaten.",
            "comment",
        ),
    ],
)
def test_an_offices_contact_details_are_no_personal_data(text: str, kind: str) -> None:
    assert not {"personal_data.email", "personal_data.phone"} & codes(text, kind), text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Skriv til meg på kari.nordmann@nordli.kommune.no om dugnaden.", "personal_data.email"),
        ("Ring meg på 912 34 567 etter klokka fire.", "personal_data.phone"),
    ],
)
def test_a_persons_details_still_are(text: str, code: str) -> None:
    assert code in codes(text), text
