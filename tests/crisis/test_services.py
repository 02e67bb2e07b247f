"""crisis.services: declaring, instructing and ending, as the pack allows, each in the history
and the audit log."""

from __future__ import annotations

import pytest

from somevakt.crisis import services
from somevakt.crisis.models import CrisisEvent, CrisisMode
from somevakt.tenants.models import AuditAction, AuditEntry
from somevakt.tenants.roles import Role
from tests.factories import make_member, make_municipality

pytestmark = pytest.mark.django_db


def test_it_records_a_declaration_in_the_history_and_the_audit_log(municipality, owner, second_account):
    crisis = services.declare(
        municipality, owner, "Flom i sentrum", accounts=[second_account], address="10.0.0.5"
    )
    assert crisis.declared_by == owner and not crisis.whole_municipality
    assert list(crisis.accounts.all()) == [second_account]
    assert [e.type for e in crisis.events.all()] == ["declared"]
    entry = AuditEntry.objects.get(action=AuditAction.CRISIS_DECLARED)
    assert entry.actor == owner and entry.municipality == municipality and entry.address == "10.0.0.5"
    assert entry.after == {
        "whole_municipality": False,
        "accounts": [second_account.pk],
        "reason": "Flom i sentrum",
    }


@pytest.mark.parametrize("who", ["adviser", "member"])
def test_it_refuses_anyone_the_pack_does_not_name(municipality, who, request):
    person = request.getfixturevalue(who)
    with pytest.raises(services.CrisisRefused, match="kriseledelse"):
        services.declare(municipality, person, "Brann")
    assert not CrisisMode.objects.exists() and not AuditEntry.objects.exists()


def test_crisis_management_declares_and_someone_else_of_it_ends(municipality, owner, crisis_lead):
    crisis = services.declare(municipality, crisis_lead, "Brann")
    ended = services.end(crisis, owner, "Brannen er slukket")
    assert ended.ended_by == owner and ended.ended_at is not None and ended.end_note == "Brannen er slukket"
    assert [e.type for e in CrisisEvent.objects.filter(crisis=crisis)] == ["declared", "ended"]
    assert AuditEntry.objects.filter(action=AuditAction.CRISIS_ENDED, actor=owner).count() == 1


def test_it_refuses_a_second_crisis_while_one_is_in_force(municipality, owner):
    services.declare(municipality, owner, "Brann")
    with pytest.raises(services.CrisisRefused, match="allerede"):
        services.declare(municipality, owner, "Flom")
    assert CrisisMode.objects.count() == 1


def test_it_refuses_to_end_twice_and_to_instruct_after_the_end(municipality, owner, adviser):
    crisis = services.declare(municipality, owner, "Brann")
    services.end(crisis, owner)
    with pytest.raises(services.CrisisRefused):
        services.end(crisis, owner)
    with pytest.raises(services.CrisisRefused):
        services.instruct(crisis, owner, adviser, "Svar")


def test_it_refuses_an_empty_reason_and_another_municipalitys_account(municipality, owner, other_account):
    with pytest.raises(services.CrisisRefused, match="hvorfor"):
        services.declare(municipality, owner, "   ")
    with pytest.raises(services.CrisisRefused):
        services.declare(municipality, owner, "Brann", accounts=[other_account])
    with pytest.raises(services.CrisisRefused, match="999"):
        services.accounts_for(municipality, [999])


def test_an_instruction_goes_to_a_member_only_and_is_recorded(municipality, owner, adviser, outsider):
    crisis = services.declare(municipality, owner, "Brann")
    with pytest.raises(services.CrisisRefused):
        services.instruct(crisis, owner, outsider, "Svar")
    with pytest.raises(services.CrisisRefused):
        services.instruct(crisis, adviser, adviser, "Svar")  # not crisis management
    found = services.instruct(crisis, owner, adviser, "Svar om evakuering", text="Alle er trygge.")
    assert found.given_to == adviser and found.given_by == owner
    event = crisis.events.get(type="instruction")
    assert event.payload["to"] == "radgiver" and event.payload["text"] == "Alle er trygge."
    assert AuditEntry.objects.filter(action=AuditAction.CRISIS_INSTRUCTION).count() == 1


def test_the_mayor_declares_under_batsfjord_only(db):
    for slug, allowed in (("batsfjord", True), ("gausdal", False)):
        place = make_municipality(name=slug, slug=f"{slug}-t", policy_pack=slug)
        mayor = make_member(place, f"ordforer-{slug}", "Ola", "Ordfører", [Role.MAYOR])
        if allowed:
            assert services.declare(place, mayor, "Storm").declared_by == mayor
        else:
            with pytest.raises(services.CrisisRefused):
                services.declare(place, mayor, "Storm")


def test_the_history_is_append_only(municipality, owner):
    crisis = services.declare(municipality, owner, "Brann")
    event = crisis.events.get()
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_crisis_management_is_told_by_e_mail_when_it_begins_and_ends(
    municipality, owner, crisis_lead, adviser, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        crisis = services.declare(municipality, owner, "Brann i rådhuset")
    # Crisis management, but not the one who declared it nor the adviser.
    assert [m.to for m in mail.outbox] == [["kari@provekommune.example"]]
    assert "Eva Eiersen har satt krisemodus: Brann i rådhuset" in mail.outbox[0].body
    assert f"/provekommune/krise/{crisis.pk}/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.end(crisis, owner)
    assert len(mail.outbox) == 2 and mail.outbox[-1].to == ["kari@provekommune.example"]
    assert mail.outbox[-1].subject == "Krisemodus avsluttet i Prøvekommune"
