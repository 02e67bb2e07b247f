"""`somevakt archive deliver`: captures and delivers what is pending itself, prints a summary,
resumes without duplicates; exit 1 when something could not be delivered, 2 for bad input."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from somevakt.archive.models import JournalEntry

from .conftest import decide_all


def deliver(outbox, slug="provekommune"):
    call_command("archive", "deliver", "--municipality", slug, "--outbox", str(outbox))


@pytest.mark.slow  # renders PDF/A captures
def test_it_delivers_everything_pending_and_prints_a_summary(
    acted, profile, records_officer, tmp_path, capsys
):
    decide_all(records_officer)
    outbox = tmp_path / "outbox"
    deliver(outbox)
    assert "captured 3, sent 3" in capsys.readouterr().out
    assert set(JournalEntry.objects.values_list("state", flat=True)) == {"sent"}
    assert len(list(outbox.iterdir())) == 3
    deliver(outbox)  # nothing left to do, nothing sent twice
    assert "captured 0, sent 0" in capsys.readouterr().out
    assert len(list(outbox.iterdir())) == 3


def test_it_exits_1_and_names_the_entries_it_could_not_capture(acted, tmp_path, capsys):
    with pytest.raises(CommandError) as raised:
        deliver(tmp_path / "outbox")
    assert raised.value.returncode == 1
    assert "capture failed: provekommune-" in capsys.readouterr().out


def test_it_refuses_an_unknown_municipality_or_an_outbox_that_is_a_file(municipality, tmp_path):
    with pytest.raises(CommandError) as raised:
        deliver(tmp_path, slug="finnes-ikke")
    assert raised.value.returncode == 2
    (tmp_path / "fil").write_text("x")
    with pytest.raises(CommandError) as raised:
        deliver(tmp_path / "fil")
    assert raised.value.returncode == 2
