"""`somevakt import FILE --account ID`: JSON Lines and CSV exports into the inbox, with a summary."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from somevakt.inbox.models import Item

ROWS = [
    {
        "id": "c1",
        "text": "Når åpner biblioteket?",
        "author": "Kari",
        "received_at": "2026-03-04T10:00:00+01:00",
    },
    {"id": "c2", "text": "Takk for god hjelp!", "author": "Ola", "received_at": "2026-03-04T11:00:00+01:00"},
    {"id": "c3", "text": "Svar til c1", "parent_id": "c1", "received_at": "2026-03-04T12:00:00+01:00"},
]


def jsonl(path: Path, rows: list, extra: str = "") -> Path:
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows) + extra, encoding="utf-8"
    )
    return path


def run(path: Path, account_id: int) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("import", str(path), account=account_id, no_progress=True, stdout=out)
    except CommandError as exc:
        return out.getvalue() + f"CommandError: {exc}", exc.returncode
    return out.getvalue(), 0


def test_it_imports_json_lines_and_sums_up(file_account, tmp_path) -> None:
    output, code = run(jsonl(tmp_path / "export.jsonl", ROWS), file_account.pk)
    assert code == 0
    assert "new:       3" in output and "duplicate: 0" in output and "rejected:  0" in output
    items = {item.platform_id: item for item in Item.objects.filter(account=file_account)}
    assert set(items) == {"c1", "c2", "c3"}
    assert items["c3"].parent == items["c1"]
    assert items["c1"].author_name == "Kari"


def test_it_resumes_an_interrupted_import_without_duplicates(file_account, tmp_path) -> None:
    # The first run stopped after two lines; the second run gets the whole file.
    run(jsonl(tmp_path / "export.jsonl", ROWS[:2]), file_account.pk)
    output, code = run(jsonl(tmp_path / "export.jsonl", ROWS), file_account.pk)
    assert code == 0
    assert "new:       1" in output and "duplicate: 2" in output
    assert Item.objects.filter(account=file_account).count() == 3


def test_it_rejects_bad_lines_with_reasons_and_goes_on(file_account, tmp_path) -> None:
    path = jsonl(
        tmp_path / "export.jsonl",
        [ROWS[0], {"id": "x"}],
        extra='{"id": broken\n' + json.dumps(ROWS[1]) + "\n",
    )
    output, code = run(path, file_account.pk)
    assert code == 2
    assert "new:       2" in output and "rejected:  2" in output
    assert "line 2: no text" in output
    assert "line 3: not valid JSON" in output
    assert Item.objects.count() == 2


def test_it_imports_csv(account, tmp_path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "id;message;author;created_time\n"
        'k1;"Hei, kommune!\nTo linjer";Kari;2026-03-04T10:00:00+01:00\n'
        "k2;<script>alert(1)</script>;Ola;2026-03-04T10:05:00+01:00\n",
        encoding="utf-8",
    )
    output, code = run(path, account.pk)
    assert code == 0, output
    assert dict(Item.objects.values_list("platform_id", "text")) == {
        "k1": "Hei, kommune!\nTo linjer",
        "k2": "<script>alert(1)</script>",
    }


@pytest.mark.parametrize(
    ("name", "account_id", "message"),
    [
        ("missing.jsonl", None, "no such file"),
        ("export.jsonl", 999999, "no account with id 999999"),
        ("export.xlsx", None, "unknown file type"),
    ],
)
def test_it_refuses_bad_arguments_with_one_line(file_account, tmp_path, name, account_id, message) -> None:
    if name != "missing.jsonl":
        (tmp_path / name).write_text("{}\n", encoding="utf-8")
    output, code = run(tmp_path / name, account_id or file_account.pk)
    assert code == 2
    assert message in output
