"""`somevakt due`: the ISO 8601 deadline with its offset, or none."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from somevakt.commands import due

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".venv" / "bin" / "somevakt"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "somevakt.cli"]


def run(argv, capsys) -> tuple[int, str, str]:
    code = due.main(argv)
    out = capsys.readouterr()
    return code, out.out.strip(), out.err.strip()


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-03-04T10:00", "2026-03-05T10:00:00+01:00"),
        ("2026-03-07T20:00", "2026-03-09T15:30:00+01:00"),
        ("2026-04-01T14:00", "2026-04-07T14:00:00+02:00"),
        ("2026-04-01T12:00:00Z", "2026-04-07T14:00:00+02:00"),  # 12:00Z is 14:00 in Oslo (summer time)
    ],
)
def test_it_prints_gausdals_deadline(received, expected, capsys):
    assert run(["--policy", "gausdal", "--received", received], capsys) == (0, expected, "")


def test_it_prints_none_where_the_guideline_sets_no_deadline(capsys):
    assert run(["--policy", "romskog", "--received", "2026-03-04T10:00"], capsys) == (0, "none", "")
    assert run(["--policy", "hustadvika", "--received", "2026-03-04T10:00"], capsys)[1] == "none"


def test_it_counts_bats_fjords_preferred_working_day(capsys):
    assert (
        run(["--policy", "batsfjord", "--received", "2026-05-13T12:00"], capsys)[1]
        == "2026-05-15T12:00:00+02:00"
    )


def test_it_pauses_for_a_closure_and_prints_json(capsys):
    code, out, _ = run(
        [
            "--policy",
            "gausdal",
            "--received",
            "2026-03-04T10:00",
            "--closure",
            "2026-03-05T00:00/2026-03-06T00:00",
            "--json",
        ],
        capsys,
    )
    assert code == 0
    d = json.loads(out)
    assert d["due"] == "2026-03-06T10:00:00+01:00"
    assert (d["policy"], d["working_days"], d["clause"]) == ("gausdal", 1, "gausdal:offisielle-kontoer-1")


@pytest.mark.parametrize(
    "argv",
    [
        ["--policy", "gausdal", "--received", "i går"],
        ["--policy", "gausdal", "--received", "2026-13-40T10:00"],
        ["--policy", "gausdal", "--received", "2026-03-04T10:00", "--closure", "2026-03-05"],
        ["--policy", "oslo", "--received", "2026-03-04T10:00"],
        ["--policy", "gausdal"],
    ],
)
def test_it_refuses_bad_input_in_one_line(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("somevakt due: ")


def test_it_runs_as_a_subprocess():
    ok = subprocess.run(
        [*COMMAND, "due", "--policy", "gausdal", "--received", "2026-03-07T20:00"],
        capture_output=True,
        cwd=ROOT,
    )
    assert (ok.returncode, ok.stdout.decode().strip()) == (0, "2026-03-09T15:30:00+01:00")
    bad = subprocess.run(
        [*COMMAND, "due", "--policy", "gausdal", "--received", "tomorrow"], capture_output=True, cwd=ROOT
    )
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
