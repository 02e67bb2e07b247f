"""Masking: what every log, decision record and list view shows instead of personal data."""

from __future__ import annotations

from somevakt.analysis.masking import mask, mask_excerpt

FNR = "15108695088"  # the checksum-valid example of python-stdnum's documentation


def test_it_masks_a_national_id_completely_keeping_its_layout() -> None:
    assert mask(f"fnr {FNR}") == "fnr ***********"
    assert mask("fnr 151086 95088.") == "fnr ****** *****."
    assert mask("fnr 15.10.86 95088.") == "fnr **.**.** *****."


def test_it_masks_accounts_and_phones_but_keeps_the_last_two_digits() -> None:
    assert mask("Konto 1503.13.94411") == "Konto ****.**.***11"
    assert mask("Ring 912 34 567!") == "Ring *** ** *67!"
    assert mask("Ring +47 91234567") == "Ring +47 ******67"


def test_it_masks_the_local_part_of_an_e_mail_address() -> None:
    assert (
        mask("Skriv til kari.nordmann@gausdal.kommune.no") == "Skriv til k" + "*" * 12 + "@gausdal.kommune.no"
    )


def test_it_keeps_the_length_and_leaves_other_text_alone() -> None:
    text = f"Hei! Sønnen min har fnr {FNR}, ring 91234567 eller kari@example.no. Takk 😀"
    masked = mask(text)
    assert len(masked) == len(text)
    assert FNR not in masked and "91234567" not in masked and "kari@" not in masked
    assert masked.startswith("Hei! Sønnen min har fnr ") and masked.endswith("Takk 😀")
    assert mask("Ingen personopplysninger her, bare 12.03.2024 og kr 450 000.") == (
        "Ingen personopplysninger her, bare 12.03.2024 og kr 450 000."
    )


def test_it_is_deterministic() -> None:
    text = f"{FNR} 91234567 a@b.no"
    assert mask(text) == mask(text)


def test_it_masks_an_excerpt_in_context_and_shortens_long_ones() -> None:
    text = f"Fødselsnummeret mitt er {FNR}."
    start = text.index(FNR)
    assert mask_excerpt(text, start, start + 11) == "*" * 11
    long = "ord " * 100
    excerpt = mask_excerpt(long, 0, len(long), limit=20)
    assert len(excerpt) == 20 and excerpt.endswith("…")
    assert mask_excerpt("kort", 10, 20) == ""
