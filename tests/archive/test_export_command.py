"""`somevakt export noark5`: a valid extract of the period's entries, empty when nothing is in it,
refused with exit 2 and one line for bad dates or a folder in use."""

from __future__ import annotations

import hashlib

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from somevakt.archive.models import JournalEntry

A = {"a": "http://www.arkivverket.no/standarder/addml"}
N5 = {"n": "http://www.arkivverket.no/standarder/noark5/arkivstruktur"}


def export(out, start="2000-01-01", end="2100-12-31", slug="provekommune"):
    call_command("export", "noark5", "--municipality", slug, "--from", start, "--to", end, str(out))


@pytest.mark.slow  # renders PDF/A captures
def test_it_writes_a_valid_extract_with_every_entry_and_matching_checksums(
    acted, profile, tmp_path, noark5_schemas, capsys
):
    out = tmp_path / "uttrekk"
    export(out)
    for name, schema in noark5_schemas.items():
        schema.validate(str(out / name))
    structure = etree.parse(str(out / "arkivstruktur.xml"))
    assert len(structure.findall(".//n:registrering", N5)) == JournalEntry.objects.count() == 3
    for obj in structure.iterfind(".//n:dokumentobjekt", N5):
        path = out / obj.findtext("n:referanseDokumentfil", namespaces=N5)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == obj.findtext("n:sjekksum", namespaces=N5)
    assert "3 journal entries, 3 documents" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["uttrekk"]  # no temporary folder left


def test_it_writes_a_valid_empty_extract_for_a_period_with_nothing_in_it(
    acted, profile, tmp_path, noark5_schemas
):
    out = tmp_path / "tomt"
    out.mkdir()
    export(out, "1999-01-01", "1999-12-31")
    for name, schema in noark5_schemas.items():
        schema.validate(str(out / name))
    assert etree.parse(str(out / "arkivstruktur.xml")).find(".//n:registrering", N5) is None


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-13-01", "2026-12-31", "--from '2026-13-01' is not a date"),
        ("2026-01-01", "i morgen", "--to 'i morgen' is not a date"),
        ("2026-12-31", "2026-01-01", "is before --from"),
    ],
)
def test_it_refuses_bad_dates_with_exit_2(profile, tmp_path, start, end, message):
    with pytest.raises(CommandError) as raised:
        export(tmp_path / "x", start, end)
    assert raised.value.returncode == 2 and message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_it_refuses_a_folder_that_is_not_empty_and_an_unknown_municipality(profile, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "noe.txt").write_text("x")
    with pytest.raises(CommandError) as raised:
        export(tmp_path / "full")
    assert raised.value.returncode == 2 and "not an empty folder" in str(raised.value)
    with pytest.raises(CommandError) as raised:
        export(tmp_path / "y", slug="finnes-ikke")
    assert raised.value.returncode == 2


def test_it_says_what_is_missing_when_the_organisation_number_is_not_set(municipality, tmp_path):
    with pytest.raises(CommandError) as raised:
        export(tmp_path / "z")
    assert raised.value.returncode == 2 and "organisation number" in str(raised.value)
