"""`somevakt items --municipality SLUG [--state S] --json` (DESIGN.md §4)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from somevakt import cli
from somevakt.inbox import services
from tests.inbox.conftest import triage_with


def items(*args: str) -> list[dict]:
    out = io.StringIO()
    call_command("items", *args, stdout=out)
    return json.loads(out.getvalue())


def test_it_lists_the_items_with_the_contract_fields(make_item, municipality, owner):
    question = make_item("q1", "Når åpner biblioteket?")
    triage_with(question, "intent.question")
    hidden = make_item("h1", "Ring meg på 912 34 567")
    triage_with(hidden, "personal_data.phone")
    services.hide(hidden, owner, "personal_data")
    listed = items("--municipality", municipality.slug, "--json")
    assert [i["platform_id"] for i in listed] == ["q1", "h1"]
    first = listed[0]
    assert {"id", "account", "platform_id", "state", "action", "also", "due", "codes", "received_at"} <= set(
        first
    )
    assert first["state"] == "open" and first["action"] == "reply"
    assert first["due"] == "2026-03-05T10:00:00+01:00"
    assert first["codes"] == ["intent.question"]
    assert first["account"] == question.account_id
    assert first["received_at"] == "2026-03-04T10:00:00+01:00"
    assert [
        i["platform_id"] for i in items("--municipality", municipality.slug, "--state", "hidden", "--json")
    ] == ["h1"]


def test_it_prints_an_empty_list_for_a_municipality_without_items(municipality):
    assert items("--municipality", municipality.slug, "--json") == []


def test_it_refuses_an_unknown_municipality_in_one_line_with_exit_code_2(municipality, capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["items", "--municipality", "finnes-ikke", "--json"])
    assert exit.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "finnes-ikke" in err


def test_it_refuses_an_unknown_state_with_exit_code_2(municipality, capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["items", "--municipality", municipality.slug, "--state", "lost", "--json"])
    assert exit.value.code == 2
    assert "lost" in capsys.readouterr().err
