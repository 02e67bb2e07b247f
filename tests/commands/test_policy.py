"""`somevakt policy list|show|coverage|compare`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from somevakt.commands import policy
from somevakt.policy.packs import guidelines_dir

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".venv" / "bin" / "somevakt"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "somevakt.cli"]


def run(argv, capsys) -> tuple[int, str, str]:
    code = policy.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_it_lists_the_packs(capsys):
    code, out, _ = run(["list"], capsys)
    assert code == 0
    for name in ("Hustadvika kommune", "Rømskog kommune", "Gausdal kommune", "Båtsfjord kommune"):
        assert name in out
    code, out, _ = run(["list", "--json"], capsys)
    data = json.loads(out)
    assert [p["slug"] for p in data] == ["batsfjord", "gausdal", "hustadvika", "romskog"]
    assert {p["slug"]: p["working_days"] for p in data}["romskog"] is None


def test_it_shows_a_pack_with_its_settings_and_clauses(capsys):
    code, out, _ = run(["show", "gausdal"], capsys)
    assert code == 0
    assert "postmottak@gausdal.kommune.no" in out
    assert "Signer svar med fornavn: ja" in out
    assert "gausdal:offisielle-kontoer-7" in out
    code, out, _ = run(["show", "hustadvika", "--json"], capsys)
    data = json.loads(out)
    assert data["slug"] == "hustadvika" and data["policy_revision"]
    assert len(data["clauses"]) > 30


@pytest.mark.skipif(guidelines_dir() is None, reason="the guideline files are not here")
@pytest.mark.parametrize("slug", ["hustadvika", "romskog", "gausdal", "batsfjord"])
def test_it_reports_coverage_with_zero_unmapped(slug, capsys):
    code, out, _ = run(["coverage", slug, "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["policy"] == slug and data["unmapped"] == 0
    statuses = {c["status"] for c in data["clauses"]}
    assert statuses == {"enforced", "workflow", "guidance"}
    code, out, _ = run(["coverage", slug], capsys)
    assert "Ikke dekket: 0 linjer" in out


def test_it_compares_topics_across_municipalities(capsys):
    code, out, _ = run(["compare"], capsys)
    assert code == 0
    header, _rule, *rows = out.splitlines()
    assert "Hustadvika" in header and "Rømskog" in header
    deadline = next(r for r in rows if r.startswith("Svarfrist"))
    assert deadline.split()[1:] == ["1", "arbeidsdag", "1", "arbeidsdag", "ingen", "ingen"]
    deletion = next(r for r in rows if r.startswith("Sletting "))
    assert "—" in deletion, "Gausdal gives no deletion ground"
    code, out, _ = run(["compare", "--json"], capsys)
    data = json.loads(out)
    assert data["topics"]["response_time"]["hustadvika"] == []
    assert data["topics"]["closing"]["gausdal"] == [
        "gausdal:offisielle-kontoer-2",
        "gausdal:offisielle-kontoer-2-beskjed",
    ]
    assert data["settings"]["gausdal"]["deletion_grounds"] == []


@pytest.mark.parametrize("argv", [["show", "oslo"], ["coverage"], ["frobnicate"], []])
def test_it_refuses_bad_input_in_one_line(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("somevakt policy: ")


def test_it_runs_as_a_subprocess():
    result = subprocess.run([*COMMAND, "policy", "show", "oslo"], capture_output=True, cwd=ROOT)
    assert result.returncode == 2
    assert b"known policies: batsfjord, gausdal, hustadvika, romskog" in result.stderr
    assert b"Traceback" not in result.stderr
    result = subprocess.run([*COMMAND, "policy", "compare"], capture_output=True, cwd=ROOT)
    assert result.returncode == 0 and "Årlig gjennomgang" in result.stdout.decode()
