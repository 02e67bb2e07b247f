"""`somevakt crisis declare|end|status --municipality SLUG --as USERNAME`: the same services and
checks as the pages; anyone the pack does not allow gets a Norwegian line and exit code 2."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from somevakt.crisis.models import CrisisMode

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("crisis", *map(str, args), stdout=out)
    except CommandError as exc:
        return str(exc), exc.returncode
    return out.getvalue(), 0


def status(municipality) -> dict:
    out, code = run("status", "--municipality", municipality.slug, "--as", "radgiver", "--json")
    assert code == 0
    return json.loads(out)


def test_it_declares_shows_and_ends(municipality, owner, adviser, account, second_account):
    assert status(municipality) == {"active": False, "declared_by": None, "since": None, "accounts": []}
    out, code = run(
        "declare",
        "--municipality",
        municipality.slug,
        "--as",
        "eier",
        "--reason",
        "Flom",
        "--accounts",
        f"{second_account.pk}",
        "--json",
    )
    assert code == 0
    shown = status(municipality)
    assert json.loads(out) == shown
    crisis = CrisisMode.objects.get()
    assert shown["active"] is True and shown["declared_by"] == "eier"
    assert shown["accounts"] == [second_account.pk] and shown["since"] == crisis.started_at.isoformat()
    assert run("end", "--municipality", municipality.slug, "--as", "eier", "--reason", "Over") == (
        "not active\n",
        0,
    )
    crisis.refresh_from_db()
    assert crisis.ended_by == owner and crisis.end_note == "Over"
    assert status(municipality)["active"] is False


def test_it_refuses_the_adviser_with_a_norwegian_line_and_exit_2(municipality, adviser):
    message, code = run(
        "declare", "--municipality", municipality.slug, "--as", "radgiver", "--reason", "Brann"
    )
    assert code == 2
    assert "Bare kriseledelsen" in message and "\n" not in message.strip()
    assert not CrisisMode.objects.exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("declare", "--municipality", "finnes-ikke", "--as", "eier", "--reason", "x"), "finnes-ikke"),
        (("declare", "--municipality", "provekommune", "--as", "utenfor", "--reason", "x"), "utenfor"),
        (("declare", "--municipality", "provekommune", "--as", "eier"), "hvorfor"),
        (
            (
                "declare",
                "--municipality",
                "provekommune",
                "--as",
                "eier",
                "--reason",
                "x",
                "--accounts",
                "a,b",
            ),
            "--accounts",
        ),
        (
            (
                "declare",
                "--municipality",
                "provekommune",
                "--as",
                "eier",
                "--reason",
                "x",
                "--accounts",
                "999",
            ),
            "999",
        ),
        (("end", "--municipality", "provekommune", "--as", "eier"), "ikke"),
    ],
)
def test_it_refuses_bad_input_with_exit_2(municipality, owner, outsider, args, says):
    message, code = run(*args)
    assert code == 2 and says in message
    assert not CrisisMode.objects.exists()
