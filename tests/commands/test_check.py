"""`somevakt check`: decisions as text, JSON and JSONL; bad input gives one line and exit 2."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from somevakt.analysis.registry import ANALYSERS
from somevakt.commands import check

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".venv" / "bin" / "somevakt"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "somevakt.cli"]

analysers_ready = pytest.mark.skipif(
    not all(importlib.util.find_spec(target.partition(":")[0]) for target in ANALYSERS.values()),
    reason="not every text analyser exists yet",
)


def somevakt(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *args], input=stdin, capture_output=True, cwd=ROOT, timeout=600, env={**os.environ}
    )


def run_main(argv: list[str], stdin: bytes, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = check.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("somevakt check: ")
    return lines[0]


# Bad input (needs no analyser: it is refused before analysis).


def test_it_refuses_an_empty_text(monkeypatch, capsys):
    code, out, err = run_main(["--policy", "gausdal", "  \n"], b"", monkeypatch, capsys)
    assert code == 2 and out == ""
    assert "empty" in one_line_error(err)


def test_it_refuses_empty_stdin(monkeypatch, capsys):
    code, _, err = run_main(["--policy", "gausdal", "-"], b"", monkeypatch, capsys)
    assert code == 2
    assert "empty" in one_line_error(err)


def test_it_refuses_a_megabyte_of_text_as_a_subprocess():
    result = somevakt("check", "--policy", "gausdal", stdin=b"a" * 1_048_576)
    assert result.returncode == 2
    assert "limit" in one_line_error(result.stderr.decode())


def test_it_refuses_invalid_utf8_on_stdin_as_a_subprocess():
    result = somevakt("check", "--policy", "romskog", "-", stdin=b"Hei \xff\xfe der")
    assert result.returncode == 2
    assert "UTF-8" in one_line_error(result.stderr.decode())
    assert result.stdout == b""


def test_it_lists_the_known_policies_for_an_unknown_slug(monkeypatch, capsys):
    code, _, err = run_main(["--policy", "oslo", "Hei"], b"", monkeypatch, capsys)
    assert code == 2
    line = one_line_error(err)
    assert "oslo" in line and "batsfjord, gausdal, hustadvika, romskog" in line


def test_it_refuses_an_unknown_kind_and_a_missing_policy(monkeypatch, capsys):
    code, _, err = run_main(["--policy", "gausdal", "--kind", "tweet", "Hei"], b"", monkeypatch, capsys)
    assert code == 2 and "tweet" in one_line_error(err)
    code, _, err = run_main(["Hei"], b"", monkeypatch, capsys)
    assert code == 2 and "--policy" in one_line_error(err)


def test_it_reports_every_malformed_jsonl_line_and_exits_2(monkeypatch, capsys):
    lines = b"\n".join(
        [
            b"{not json",
            b'["a list"]',
            b'{"id": 7, "kind": "tweet", "text": "Hei"}',
            b'{"id": "x", "text": ""}',
            b"",
            b'{"id": "y"}',
            b'{"id": "z", "text": "Hei", "context": {"crisis": true}}',
            b'{"id": "u", "text": "\xff"}',
        ]
    )
    code, out, err = run_main(["--policy", "batsfjord", "--jsonl"], lines, monkeypatch, capsys)
    assert code == 2
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in results] == [1, 2, 3, 4, 6, 7, 8]
    assert [r["id"] for r in results] == [None, None, 7, "x", "y", "z", None]
    assert all(set(r) == {"line", "id", "error"} and r["error"] for r in results)
    assert "kind" in results[2]["error"] and "empty" in results[3]["error"]
    assert "7 malformed" in one_line_error(err)


def test_it_takes_no_text_argument_with_jsonl(monkeypatch, capsys):
    code, _, err = run_main(["--policy", "batsfjord", "--jsonl", "Hei"], b"", monkeypatch, capsys)
    assert code == 2 and "--jsonl" in one_line_error(err)


# Decisions (need the analysers).


@analysers_ready
def test_it_prints_the_json_contract(monkeypatch, capsys):
    code, out, _ = run_main(
        ["--policy", "gausdal", "--json", "Når åpner svømmehallen igjen etter ferien?"],
        b"",
        monkeypatch,
        capsys,
    )
    assert code == 0
    d = json.loads(out)
    assert set(d) == {"policy", "policy_revision", "kind", "findings", "action", "also", "clauses", "reasons"}
    assert (d["policy"], d["kind"]) == ("gausdal", "comment")
    assert d["action"] == "reply" and d["clauses"]
    assert "intent.question" in {f["code"] for f in d["findings"]}


@analysers_ready
def test_it_exits_0_for_a_delete_as_a_subprocess():
    text = "Du er en jævla idiot, Per Hansen, og burde få sparken."
    result = somevakt("check", "--policy", "hustadvika", "--json", text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["action"] == "delete"
    result = somevakt("check", "--policy", "gausdal", "--json", text)
    assert json.loads(result.stdout)["action"] == "escalate_manager"


@analysers_ready
def test_it_checks_a_jsonl_stream_and_keeps_going_past_a_bad_line(monkeypatch, capsys):
    lines = (
        '{"id": 1, "text": "Tusen takk til de flinke folka på biblioteket!"}\n'
        "oops\n"
        '{"id": "b", "text": "Hei Kari, vi ser på saken. Hilsen Per", "kind": "reply"}\n'
    ).encode()
    code, out, _ = run_main(["--policy", "gausdal", "--jsonl"], lines, monkeypatch, capsys)
    assert code == 2
    first, bad, third = (json.loads(x) for x in out.splitlines())
    assert (first["id"], first["action"]) == (1, "thank")
    assert bad == {"line": 2, "id": None, "error": bad["error"]}
    assert (third["id"], third["kind"]) == ("b", "reply") and third["action"] in {"ok", "revise", "block"}


@analysers_ready
def test_it_prints_a_readable_decision_in_norwegian(monkeypatch, capsys):
    code, out, _ = run_main(
        ["--policy", "romskog", "Når er det åpent på biblioteket?"], b"", monkeypatch, capsys
    )
    assert code == 0
    assert "Handling: reply (svar)" in out
    assert "Begrunnelse:" in out


@analysers_ready
def test_it_reads_the_text_from_stdin_and_applies_context_flags(monkeypatch, capsys):
    code, out, _ = run_main(
        ["--policy", "hustadvika", "--kind", "post", "--crisis-mode", "--json", "-"],
        b"Biblioteket holder stengt i morgen.",
        monkeypatch,
        capsys,
    )
    assert code == 0
    d = json.loads(out)
    assert d["action"] == "block"
    assert "post.crisis_lock" in {f["code"] for f in d["findings"]}
