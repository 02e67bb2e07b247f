"""`somevakt bench` runs on a tiny sample and reports the documented figures (not timed)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from somevakt.cli import main

pytestmark = pytest.mark.slow  # runs the benchmark, with Presidio in a second process


def _run(capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main(["bench", "--n", "8", "--cases", "2", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_it_reports_speed_memory_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    result = _run(capsys, "--no-presidio")
    ours = result["somevakt"]
    assert result["texts"] == 8
    assert ours["cpu_ms_per_item"]["names"] > 0 and "tokens" in ours["cpu_ms_per_item"]
    for key in ("items_per_s", "batch_items_per_s", "p50_ms", "p99_ms", "peak_mb", "load_s"):
        assert ours[key] > 0
    # the same in the process's CPU time, which other work on the machine disturbs far less
    for key in ("items_per_cpu_s", "batch_items_per_cpu_s", "p99_cpu_ms", "load_cpu_s"):
        assert ours[key] > 0
    assert ours["p50_cpu_ms"] <= ours["p99_cpu_ms"]
    assert set(ours["recall"]) == {"national_id", "bank_account", "phone", "email"}
    if not ours["skipped"] or "personal_data" not in ours["skipped"]:
        assert ours["recall"]["national_id"] == 1.0
        assert ours["false_alarms"] == 0
    assert result["presidio"] is None


def test_it_runs_on_generated_sentences_without_the_data(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    result = _run(capsys, "--no-presidio", "--data-dir", str(tmp_path))
    assert result["source"] == "generated"


@pytest.mark.skipif(
    importlib.util.find_spec("presidio_analyzer") is None, reason="the bench extra is not installed"
)
def test_it_runs_presidio_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    result = _run(capsys)
    assert result["presidio"]["items_per_s"] > 0
    assert set(result["presidio"]["recall"]) == set(result["somevakt"]["recall"])


def test_it_rejects_a_bad_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["bench", "--n", "0"])
    assert exc.value.code == 2
    assert "at least 1" in capsys.readouterr().err
