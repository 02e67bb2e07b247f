"""Account notices go out in each recipient's chosen language, bokmål for whoever never chose."""

from __future__ import annotations

from django.core import mail

from somevakt.registry import lifecycle
from somevakt.registry.services import Actor
from somevakt.tenants.language import remember
from tests.factories import make_account
from tests.registry.conftest import pack_municipality
from tests.registry.test_lifecycle import full_answers


def test_the_plans_author_reads_the_decision_in_nynorsk_and_the_approver_the_plan_in_bokmaal(
    db, django_capture_on_commit_callbacks
):
    municipality, unit, people = pack_municipality("gausdal")
    author = people["komm"]
    remember(author, "nn")
    account = make_account(municipality, unit=unit, state="planned")
    lifecycle.save_plan(account, Actor(person=author), full_answers("gausdal"))
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.submit(account, Actor(person=author))
    approver = lifecycle.approvers(account)[0]
    [asked] = mail.outbox
    assert asked.to == [approver.email]
    assert asked.subject.startswith("En plan for ")  # the approver never chose: bokmål
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.approve(account, Actor(person=approver), "Godkjent")
    told = mail.outbox[-1]
    assert told.to == [author.email]
    assert told.subject == f"Planen for {account.name} er godkjend"
