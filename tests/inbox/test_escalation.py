"""Escalations reach whom the pack names: the nearest leader of the item's account (or the deputy
while the leader is away), never the person escalating; others are refused with nothing changed."""

from __future__ import annotations

import pytest
from django.core import mail

from somevakt.inbox import escalation
from somevakt.inbox.services import ActionRefused
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_member


def targets(item, person):
    return {t.key: t for t in escalation.escalation_targets(item, person)}


def url(item, action: str = "") -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/" + (f"{action}/" if action else "")


def test_it_sends_a_difficult_case_to_the_leader_of_the_accounts_unit(
    make_unit_item, adviser, unit_leader, owner, django_capture_on_commit_callbacks
):
    # Gausdal 4: the unit leader runs the unit's accounts. The adviser's own unit is the same,
    # but it is the account's unit that decides.
    item = make_unit_item(codes=["abuse.insult"])
    found = targets(item, adviser)
    assert found["difficult_cases"].people == [unit_leader]
    assert found["reputation_critical"].people == [owner]  # communications and chief executive, not oneself
    with django_capture_on_commit_callbacks(execute=True):
        event = escalation.escalate(item, adviser, "difficult_cases", "Se på denne")
    assert event.payload["to_ids"] == [unit_leader.pk]
    assert event.clauses == ["gausdal:offisielle-kontoer-4-enhetsleder"]
    assert [m.to for m in mail.outbox] == [["elin@provekommune.example"]]
    assert "Rolf Rådgiver har eskalert en kommentar til deg" in mail.outbox[0].body
    assert "Se på denne" in mail.outbox[0].body
    item.status.refresh_from_db()
    assert item.status.state == "escalated" and item.status.escalated_to == unit_leader


def test_it_sends_it_to_the_deputy_while_the_leader_is_away(make_unit_item, adviser, unit, municipality):
    deputy = make_member(
        municipality, "stedfortreder", "Stig", "Stedfortreder", [Role.UNIT_LEADER], unit=unit
    )
    unit.deputy, unit.leader_away = deputy, True
    unit.save()
    item = make_unit_item()
    assert targets(item, adviser)["difficult_cases"].people == [deputy]


def test_it_sends_a_leaders_own_case_to_the_leader_above(make_unit_item, unit_leader, owner):
    item = make_unit_item()
    assert targets(item, unit_leader)["difficult_cases"].people == [owner]


def test_it_never_escalates_to_the_person_escalating(make_item, owner, municipality):
    # The account is in the owner's own unit, at the top: nobody above. The owner is also the
    # only communications person and chief executive.
    item = make_item(codes=["abuse.insult"])
    found = targets(item, owner)
    assert found["difficult_cases"].people == [] and not found["difficult_cases"].only_you
    assert found["reputation_critical"].people == [] and found["reputation_critical"].only_you
    with pytest.raises(ActionRefused, match="Det er deg retningslinjen peker på"):
        escalation.escalate(item, owner, "reputation_critical", "")
    with pytest.raises(ActionRefused, match="Ingen har rollen"):
        escalation.escalate(item, owner, "difficult_cases", "")
    assert not item.events.filter(type="escalated").exists()


def test_it_refuses_a_person_or_a_kind_the_pack_does_not_name(make_unit_item, adviser, owner, unit_leader):
    item = make_unit_item()
    with pytest.raises(ActionRefused, match="Eva Eiersen er ikke den retningslinjen peker på"):
        escalation.escalate(item, adviser, "difficult_cases", "", to=owner)
    with pytest.raises(ActionRefused, match="Velg hvor saken skal"):
        escalation.escalate(item, adviser, "whoever", "")
    assert not item.events.filter(type="escalated").exists()
    event = escalation.escalate(item, adviser, "difficult_cases", "", to=unit_leader)
    assert event.payload["to_ids"] == [unit_leader.pk]


def test_it_sends_a_crisis_to_crisis_management(make_item, owner, crisis_lead):
    item = make_item(text="Det brenner på skolen!", codes=["intent.crisis"])
    assert escalation.default_target(item) == "crisis"
    event = escalation.escalate(item, owner, "crisis", "")
    assert event.payload["to_ids"] == [crisis_lead.pk]


def test_it_points_at_the_kind_whose_clause_the_triage_cited(make_item):
    # Gausdal 3: criticism of a named person may be reputation-critical.
    item = make_item(text="Dette er en skandale, Per Hansen må gå", codes=["person.named", "tone.negative"])
    assert "gausdal:offisielle-kontoer-3" in item.status.clauses
    assert escalation.default_target(item) == "reputation_critical"


def test_it_uses_the_packs_roles_in_hustadvika(make_unit_item, adviser, unit_leader, municipality):
    municipality.policy_pack = "hustadvika"
    municipality.save()
    item = make_unit_item()
    found = targets(item, adviser)
    assert found["difficult_cases"].people == [unit_leader]
    assert found["reputation_critical"].people == [unit_leader]


# --- through the page -------------------------------------------------------------------------


def test_it_offers_only_whom_the_pack_names_on_the_item_page(make_unit_item, adviser):
    item = make_unit_item(codes=["abuse.insult"])
    page = logged_in(adviser).get(url(item)).content.decode()
    offered = page.split('data-testid="target-difficult_cases"')[1].split("</div>")[0]
    assert "Elin Enhetsleder" in offered and "Rolf Rådgiver" not in offered
    assert "Nærmeste leder" in offered and "gausdal:offisielle-kontoer-4-enhetsleder" in offered


def test_it_escalates_through_the_form_and_shows_it_on_the_leaders_mine(
    make_unit_item, adviser, unit_leader, django_capture_on_commit_callbacks
):
    item = make_unit_item(codes=["abuse.insult"])
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(adviser).post(
            url(item, "escalate"), {"target": "difficult_cases", "reason": "Se på"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    mine = logged_in(unit_leader).get(f"/{item.municipality.slug}/innboks/?filter=mine").content.decode()
    assert url(item) in mine


def test_it_refuses_a_target_through_the_form_with_a_message(make_unit_item, adviser, owner):
    item = make_unit_item()
    response = logged_in(adviser).post(
        url(item, "escalate"), {"target": "difficult_cases", "to": str(owner.pk)}, follow=True
    )
    assert response.status_code == 200
    assert "er ikke den retningslinjen peker på" in response.content.decode()
    assert not item.events.filter(type="escalated").exists()


def test_it_gives_an_outsider_404(make_unit_item, outsider_client):
    item = make_unit_item()
    assert outsider_client.post(url(item, "escalate"), {"target": "difficult_cases"}).status_code == 404


def test_it_requires_an_inbox_role(make_unit_item, member_client):
    item = make_unit_item()
    assert member_client.post(url(item, "escalate"), {"target": "difficult_cases"}).status_code == 403


def test_its_e_mail_never_quotes_a_private_message(
    make_unit_item, adviser, unit_leader, django_capture_on_commit_callbacks
):
    item = make_unit_item(
        "109000000000000777", "Mora mi har fått demensdiagnose, kan dere ringe?", channel="message"
    )
    with django_capture_on_commit_callbacks(execute=True):
        escalation.escalate(item, adviser, "difficult_cases", "Se på denne")
    body = mail.outbox[0].body
    assert "demensdiagnose" not in body
    assert f"/innboks/{item.pk}/" in body
