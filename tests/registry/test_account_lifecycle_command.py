"""`somevakt account plan|submit|approve|reject|activate|close|reopen|retire ... --as USERNAME`:
the same checks as the web pages; a refusal is one line and exit code 2."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from somevakt.registry.models import AccountState, PlanDecision
from tests.registry.test_plan_view import ANSWERS


def run(*args) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("account", *map(str, args), stdout=out)
    except CommandError as exc:
        return str(exc), exc.returncode
    return out.getvalue(), 0


def answers() -> list[str]:
    return [f"--answer={key.removeprefix('q_')}={value}" for key, value in ANSWERS.items()]


@pytest.fixture
def sent(planned, planner):
    assert run("plan", planned.pk, *answers(), "--as", "planlegger")[1] == 0
    assert run("submit", planned.pk, "--as", "planlegger") == (f"{planned.pk} planned\n", 0)
    return planned


def test_it_walks_an_account_from_plan_to_retirement(sent, owner, unit_leader):
    assert run("approve", sent.pk, "--comment", "Godkjent", "--as", "eier") == (f"{sent.pk} approved\n", 0)
    assert (
        run("activate", sent.pk, "--responsible", "leder", "--admins", "leder,eier", "--as", "eier")[1] == 0
    )
    assert run("close", sent.pk, "--reason", "Ferie", "--as", "leder") == (
        f"{sent.pk} closed_temporarily\n",
        0,
    )
    assert run("reopen", sent.pk, "--as", "leder")[1] == 0
    assert run("retire", sent.pk, "--reason", "Nedlagt", "--as", "planlegger") == (f"{sent.pk} retired\n", 0)
    sent.refresh_from_db()
    assert sent.responsible == unit_leader
    assert sorted(sent.admins.values_list("username", flat=True)) == ["eier", "leder"]
    shown = json.loads(run("show", sent.pk, "--json")[0])
    assert shown["plan"]["decision"] == "approved"
    assert [line.split(" ")[1] for line in shown["history"]] == [
        "created",
        "plan_saved",
        "submitted",
        "approved",
        "owners_changed",
        "activated",
        "closed",
        "reopened",
        "retired",
    ]


def test_it_names_the_missing_answers(planned, planner):
    output, code = run("plan", planned.pk, "--answer", "goal=Nå ungdom", "--as", "planlegger")
    assert code == 0 and output.startswith("missing: why, achieve,")
    output, code = run("submit", planned.pk, "--as", "planlegger")
    assert code == 2
    assert output.startswith("The plan is missing required answers: Why should the channel be created?")
    assert "\n" not in output


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("medlem", "Only chief executive may approve this account."),
        ("leder", "Only chief executive may approve this account."),
        ("planlegger", "You wrote this plan; someone else must approve it."),
        ("utenfor", "'utenfor' is not a member of provekommune"),
    ],
)
def test_it_refuses_who_may_not_approve_with_exit_code_2(sent, member, unit_leader, outsider, who, message):
    assert run("approve", sent.pk, "--comment", "ok", "--as", who) == (message, 2)
    sent.refresh_from_db()
    assert (sent.state, sent.plan.decision) == (AccountState.PLANNED, PlanDecision.SUBMITTED)


def test_it_says_so_when_approving_twice(sent, owner):
    run("approve", sent.pk, "--comment", "Godkjent", "--as", "eier")
    events = sent.events.count()
    assert run("approve", sent.pk, "--comment", "Igjen", "--as", "eier") == (
        "The account is already approved; nothing was changed.",
        2,
    )
    assert sent.events.count() == events


def test_it_rejects_and_takes_a_revised_plan(sent, owner):
    assert run("reject", sent.pk, "--comment", "Mer om målgruppen", "--as", "eier")[1] == 0
    assert run("plan", sent.pk, "--answer", "goal=Nå ungdom 13–19", "--as", "planlegger")[1] == 0
    assert run("submit", sent.pk, "--as", "planlegger")[1] == 0
    sent.plan.refresh_from_db()
    assert (sent.plan.revisions, sent.plan.answers["goal"]) == (1, "Nå ungdom 13–19")


def test_it_needs_a_responsible_person_to_activate(sent, owner):
    run("approve", sent.pk, "--comment", "Godkjent", "--as", "eier")
    assert run("activate", sent.pk, "--as", "eier") == (
        "Name the account's responsible person before it is activated.",
        2,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--answer", "goal"], "--answer 'goal': write QUESTION=TEXT"),
        (["--answer", "discussion=kaos"], "discussion: 'kaos' is not one of the choices (free, moderated)."),
        (
            ["--answers-file", "/finnes/ikke.json"],
            "--answers-file: [Errno 2] No such file or directory: '/finnes/ikke.json'",
        ),
        (["--admins", "ukjent"], "'ukjent' is not a member of provekommune"),
    ],
)
def test_it_refuses_bad_plan_input(planned, planner, args, message):
    assert run("plan", planned.pk, *args, "--as", "planlegger") == (message, 2)


def test_it_reads_answers_from_a_json_file(planned, planner, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(
        json.dumps({key.removeprefix("q_"): value for key, value in ANSWERS.items()}), encoding="utf-8"
    )
    assert run("plan", planned.pk, "--answers-file", path, "--as", "planlegger")[1] == 0
    assert run("submit", planned.pk, "--as", "planlegger")[1] == 0


def test_it_needs_the_acting_member(planned):
    with pytest.raises(CommandError):
        call_command("account", "submit", str(planned.pk))
