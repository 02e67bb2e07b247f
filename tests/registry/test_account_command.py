"""`somevakt account add|list|show|set-credentials` (DESIGN.md §4); the lifecycle steps are in
test_account_lifecycle_command.py."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from somevakt.integrations.credentials import credentials_of
from somevakt.registry.models import Account, AccountState


def run(*args, stdin: str | None = None, monkeypatch=None) -> tuple[str, int]:
    out = io.StringIO()
    if stdin is not None:
        fake = io.StringIO(stdin)
        fake.isatty = lambda: False  # type: ignore[method-assign]
        monkeypatch.setattr("sys.stdin", fake)
    try:
        call_command("account", *args, stdout=out)
    except CommandError as exc:
        return str(exc), exc.returncode
    return out.getvalue(), 0


ADD = [
    "add",
    "--municipality",
    "provekommune",
    "--platform",
    "facebook",
    "--external-id",
    "123",
    "--name",
    "Side",
]


def test_it_adds_a_planned_account_and_prints_only_its_id(municipality) -> None:
    output, code = run(*ADD)
    account = Account.objects.get()
    assert (code, output.strip()) == (0, str(account.pk))
    assert account.state == AccountState.PLANNED
    assert account.approved_at is None
    assert account.events.get().actor_label.startswith("cli:")


def test_it_is_idempotent(municipality) -> None:
    first, _ = run(*ADD)
    again, _ = run(*ADD)
    assert first == again
    assert Account.objects.count() == 1


def test_it_records_a_named_approver_unit_and_responsible(municipality, owner, top_unit) -> None:
    run(*ADD, "--approved-by", "eier", "--unit", "kommunedirektoren", "--responsible", "eier")
    account = Account.objects.get()
    assert (account.approved_by, account.unit, account.responsible) == (owner, top_unit, owner)
    # Approved by a member the pack allows (Gausdal: the chief executive), with a responsible person.
    assert account.state == AccountState.ACTIVE
    assert list(account.events.values_list("type", flat=True)) == ["created", "approved", "activated"]


def test_it_leaves_an_account_approved_without_a_responsible_person(municipality, owner) -> None:
    run(*ADD, "--approved-by", "eier")
    assert Account.objects.get().state == AccountState.APPROVED


def test_it_refuses_an_employee_as_approver_and_creates_nothing(municipality, member) -> None:
    output, code = run(*ADD, "--approved-by", "medlem", "--responsible", "medlem")
    assert (output, code) == ("Only chief executive may approve this account.", 2)
    assert not Account.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--municipality", "finnesikke"], "no municipality with the slug 'finnesikke'"),
        (["--unit", "ukjent"], "no unit 'ukjent' in provekommune"),
        (["--responsible", "utenfor"], "'utenfor' is not a member of provekommune"),
    ],
)
def test_it_refuses_bad_input_with_exit_code_2(municipality, outsider, extra, message) -> None:
    output, code = run(*ADD, *extra)
    assert (output, code) == (message, 2)
    assert not Account.objects.exists()


def test_it_lists_and_shows_accounts_as_json_without_credentials(municipality, monkeypatch) -> None:
    account_id, _ = run(*ADD)
    run("set-credentials", account_id.strip(), stdin="EAAG-secret\n", monkeypatch=monkeypatch)
    listing, _ = run("list", "--municipality", "provekommune", "--json")
    shown, _ = run("show", account_id.strip(), "--json")
    plain, _ = run("show", account_id.strip())
    assert [row["external_id"] for row in json.loads(listing)] == ["123"]
    detail = json.loads(shown)
    assert (detail["platform"], detail["state"], detail["credentials"]) == ("facebook", "planned", "set")
    assert "EAAG" not in listing + shown + plain


def test_it_reads_credentials_from_stdin(municipality, monkeypatch) -> None:
    run(*ADD[:4], "mastodon", *ADD[5:])
    account = Account.objects.get()
    output, code = run(
        "set-credentials",
        str(account.pk),
        stdin="masto-token\nhttps://social.example/\n",
        monkeypatch=monkeypatch,
    )
    assert (code, output.strip()) == (0, f"credentials set for account {account.pk}")
    account.refresh_from_db()
    stored = credentials_of(account)
    assert (stored.token, stored.base_url) == ("masto-token", "https://social.example")


def test_it_reads_credentials_from_the_environment(municipality, monkeypatch) -> None:
    run(*ADD)
    account = Account.objects.get()
    monkeypatch.setenv("SOMEVAKT_ACCOUNT_TOKEN", "env-token")
    assert run("set-credentials", str(account.pk), "--env")[1] == 0
    account.refresh_from_db()
    assert credentials_of(account).token == "env-token"


@pytest.mark.parametrize(
    ("platform", "stdin", "message"),
    [
        ("facebook", "", "nothing on standard input"),
        ("facebook", "a\nb\nc\n", "at most an instance URL"),
        ("mastodon", "token\n", "needs its instance URL"),
        ("mastodon", "token\nsocial.example\n", "must be an http(s) URL"),
    ],
)
def test_it_refuses_unusable_credentials(municipality, monkeypatch, platform, stdin, message) -> None:
    run(*ADD[:4], platform, *ADD[5:])
    account = Account.objects.get()
    output, code = run("set-credentials", str(account.pk), stdin=stdin, monkeypatch=monkeypatch)
    assert code == 2 and message in output
    account.refresh_from_db()
    assert not account.has_credentials


def test_it_has_no_argument_for_the_token(municipality) -> None:
    with pytest.raises(CommandError):
        call_command("account", "set-credentials", "1", "--token", "x")


def test_it_names_a_missing_account(db) -> None:
    assert run("show", "4242") == ("no account with id 4242", 2)
