"""`somevakt rebuild-status`: replaying the log reproduces every status exactly."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from somevakt.inbox import escalation, services
from somevakt.inbox.ingest import receive
from somevakt.inbox.models import ItemStatus
from tests.inbox.conftest import parsed, triage_with


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("rebuild-status", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def history(make_item, owner, adviser, account, municipality, django_capture_on_commit_callbacks):
    """Items in many states, built the way people and platforms build them."""
    with django_capture_on_commit_callbacks(execute=True):
        a = make_item("a", "Når åpner biblioteket?")
        triage_with(a, "intent.question")
        services.claim(a, adviser)
        services.send_reply(a, adviser, "Klokka ti. Hilsen Rolf")
        b = make_item("b", "Jeg skal ta deg")
        triage_with(b, "abuse.threat")
        services.hide(b, owner, "illegal")
        escalation.escalate(b, owner, "reputation_critical", "Trussel")
        services.note(b, adviser, "Politiet varslet")
        c = make_item("c", "Ring meg på 912 34 567")
        triage_with(c, "personal_data.phone")
        h = services.hide(c, owner, "personal_data")
        services.undo(c, owner, h.pk)
        services.close(c, owner)
        services.reopen(c, owner)
        d = make_item("d", "Første tekst")
        receive(account, parsed("d", "Rettet tekst", verb="edited"), enqueue=False)
        receive(account, parsed("d", "", verb="remove"))
    return [a, b, c, d]


def snapshot() -> dict[int, dict]:
    return {s.pk: s.as_status() for s in ItemStatus.objects.all()}


def test_it_reproduces_every_status_from_the_log(history):
    before = snapshot()
    assert {s["state"] for s in before.values()} >= {"answered", "escalated", "open", "deleted"}
    assert "0 differed" in run()
    assert snapshot() == before


def test_it_repairs_a_status_changed_behind_the_logs_back(history):
    before = snapshot()
    ItemStatus.objects.filter(pk=history[0].pk).update(state="closed", assignee=None, due=None)
    ItemStatus.objects.filter(pk=history[1].pk).delete()
    assert "2 differed" in run()
    assert snapshot() == before


def test_it_reports_differences_without_changing_anything_with_check(history):
    ItemStatus.objects.filter(pk=history[2].pk).update(hidden=True)
    with pytest.raises(CommandError) as error:
        run("--check")
    assert error.value.returncode == 1
    assert ItemStatus.objects.get(pk=history[2].pk).hidden


def test_it_refuses_an_unknown_municipality(history):
    with pytest.raises(CommandError) as error:
        run("--municipality", "finnes-ikke")
    assert error.value.returncode == 2
