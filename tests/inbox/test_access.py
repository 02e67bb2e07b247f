"""What a person sees and may do in the inbox (inbox.access on tenants.permissions): a unit leader
sees their unit's accounts and what is given or escalated to them, and nothing else."""

from __future__ import annotations

from somevakt.inbox import access, escalation, listing, services
from somevakt.tenants.models import Membership
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_member


def membership(person):
    return Membership.objects.prefetch_related("grants").select_related("municipality").get(person=person)


def queue(client, item, key="open") -> str:
    return client.get(f"/{item.municipality.slug}/innboks/?filter={key}").content.decode()


def page(item) -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/"


def test_it_shows_a_unit_leader_only_the_items_of_their_units_accounts(
    make_item, make_unit_item, unit_leader
):
    mine = make_unit_item()
    other = make_item()
    client = logged_in(unit_leader)
    listed = queue(client, mine)
    assert page(mine) in listed and page(other) not in listed
    assert client.get(page(mine)).status_code == 200
    assert client.get(page(other)).status_code == 404
    assert client.post(page(other) + "hide/", {"ground": "illegal"}).status_code == 404
    assert not other.events.filter(type="hidden").exists()


def test_it_counts_only_what_the_unit_leader_sees(make_item, make_unit_item, unit_leader, municipality):
    make_unit_item(codes=["intent.question"])
    make_item(codes=["intent.question"])
    make_item("111222333_1_2", codes=["intent.question"])
    scope = access.visible(membership(unit_leader))
    assert listing.counts(municipality, unit_leader, scope=scope)["all"] == 1
    assert listing.counts(municipality, unit_leader)["all"] == 3
    assert listing.rows(municipality, "all", unit_leader, scope=scope).count() == 1


def test_it_shows_a_unit_leader_what_is_escalated_or_given_to_them(make_item, unit_leader, adviser, owner):
    other = make_item(codes=["abuse.insult"])
    assert logged_in(unit_leader).get(page(other)).status_code == 404
    services.assign(other, owner, unit_leader)
    client = logged_in(unit_leader)
    assert client.get(page(other)).status_code == 200
    assert page(other) in queue(client, other, "mine")


def test_it_shows_the_escalated_item_on_mine(make_unit_item, unit_leader, adviser):
    item = make_unit_item(codes=["abuse.insult"])
    escalation.escalate(item, adviser, "difficult_cases", "")
    assert page(item) in queue(logged_in(unit_leader), item, "mine")
    assert page(item) not in queue(logged_in(adviser), item, "mine")


def test_it_lets_the_deputy_lead_while_the_leader_is_away(make_unit_item, unit, unit_leader, municipality):
    deputy = make_member(municipality, "nestleder", "Nils", "Nestleder", [Role.UNIT_LEADER])
    unit.deputy = deputy
    unit.save()
    item = make_unit_item()
    assert logged_in(deputy).get(page(item)).status_code == 404
    unit.leader_away = True
    unit.save()
    assert logged_in(deputy).get(page(item)).status_code == 200
    assert access.led_units(membership(deputy)) == {unit.pk}


def test_it_leads_the_units_below_too(make_unit_item, owner, top_unit, unit):
    assert access.led_units(membership(owner)) == {top_unit.pk, unit.pk}


def test_it_lets_the_pack_narrow_who_replies(
    make_unit_item, make_item, municipality, owner, unit_leader, adviser
):
    # Hustadvika 3g: the account's admins and communications reply.
    municipality.policy_pack = "hustadvika"
    municipality.save()
    main = make_item()
    assert access.may(membership(adviser), main, "reply")
    assert access.may(membership(unit_leader), make_unit_item(), "reply")  # an admin of the unit's account
    assert adviser in access.assignable(main) and unit_leader not in access.assignable(main)
    body = logged_in(owner).get(page(main)).content.decode()
    assert 'id="svar"' in body  # the owner holds the communications role too


def test_it_tells_a_unit_leader_why_they_cannot_answer(
    make_unit_item, unit_account, municipality, unit_leader
):
    # Rømskog 10: the account's admins answer. The leader leads the unit but does not run its account.
    municipality.policy_pack = "romskog"
    municipality.save()
    unit_account.admins.clear()
    unit_account.responsible = None
    unit_account.save()
    item = make_unit_item()
    body = logged_in(unit_leader).get(page(item)).content.decode()
    assert 'data-testid="reply-not-yours"' in body and 'id="svar"' not in body
    assert "romskog:ansatte-10" in body
    assert logged_in(unit_leader).post(page(item) + "reply/", {"text": "Hei. Hilsen Elin"}).status_code == 403
    assert not item.events.filter(type="replied").exists()
