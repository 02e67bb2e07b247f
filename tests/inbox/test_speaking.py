"""Who may speak for the municipality from an account (the packs' `roles.speaking`), through the
real reply view with real members and units: Gausdal's information responsibility (unit leaders
and heads of sector for their unit or sector, the chief executive, the mayor and the editor for
everything) and Rømskog's "only the accounts' administrators". A refused person gets 403 with
the pack's reason in their language and the clauses, their text shown again, and nothing sent."""

from __future__ import annotations

import pytest
from django.urls import reverse

from somevakt.inbox import access, services
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_account, make_item, make_member, make_unit

ANSWER = {"text": "Takk for at du spør. Vi svarer i morgen. Hilsen Kari", "anyway_reason": "prøve"}


def reply(client, item, data=ANSWER):
    return client.post(f"/{item.municipality.slug}/innboks/{item.pk}/reply/", data)


def replied_by(item, person) -> bool:
    return item.events.filter(type="replied", actor=person).exists()


@pytest.fixture
def health(municipality, top_unit):
    """The health and care sector: its head leads it, its nursing home is a unit below it with an
    account of its own that the head does not run, and a crisis team member works in it."""
    sector = make_unit(municipality, "Helse og omsorg", "helse-og-omsorg", parent=top_unit)
    home = make_unit(municipality, "Forset sykehjem", "forset-sykehjem", parent=sector)
    head = make_member(
        municipality, "kommunalsjef", "Hanne", "Helse", [Role.UNIT_LEADER], unit=sector, leads=True
    )
    team = make_member(municipality, "krisestab", "Kai", "Krise", [Role.CRISIS_TEAM], unit=sector)
    account = make_account(municipality, external_id="700000010", name="Forset sykehjem", unit=home)
    main = make_account(municipality, external_id="700000011", name="Kommunen", unit=top_unit)
    return {"sector": sector, "head": head, "team": team, "home": account, "main": main}


def test_it_lets_a_head_of_sector_answer_for_the_units_of_the_sector(health):
    item = make_item(health["home"], "700000010_1_1", codes=["intent.question"])
    response = reply(logged_in(health["head"]), item)
    assert response.status_code == 302
    assert replied_by(item, health["head"])


def test_it_refuses_crisis_management_outside_a_crisis_with_gausdals_clause(health):
    # The crisis team sees the whole inbox, but outside a crisis it is no one's information responsibility.
    item = make_item(health["main"], "700000011_1_1", codes=["intent.question"])
    client = logged_in(health["team"])
    response = reply(client, item)
    assert response.status_code == 403
    page = response.content.decode()
    assert 'data-testid="speaking-refused"' in page
    assert "gausdal:informasjonsansvar-3" in page and "gausdal:informasjonsansvar-4" in page
    assert "Etter informasjonsansvaret i Gausdal kommune" in page
    assert "Takk for at du spør. Vi svarer i morgen." in page  # nothing lost
    assert not replied_by(item, health["team"])
    # The item page says so before anyone writes, in the person's language.
    client.post(reverse("set_language"), {"language": "nn"})
    shown = client.get(f"/{item.municipality.slug}/innboks/{item.pk}/").content.decode()
    assert "Etter informasjonsansvaret i Gausdal kommune uttaler einingsleiarar" in shown
    client.post(reverse("set_language"), {"language": "en"})
    assert (
        "information responsibility, unit leaders and heads of sector" in reply(client, item).content.decode()
    )


def test_it_lets_a_leader_answer_what_they_were_given_and_the_chief_executive_everything(health, owner):
    item = make_item(health["main"], "700000011_1_2", codes=["intent.question"])
    assert reply(logged_in(health["head"]), item).status_code == 404  # not theirs: not even seen
    services.assign(item, owner, health["head"])
    assert health["head"] in access.assignable(item)
    assert health["team"] not in access.assignable(item)
    assert reply(logged_in(health["head"]), item).status_code == 302
    other = make_item(health["home"], "700000010_1_2", codes=["intent.question"])
    assert reply(logged_in(owner), other).status_code == 302  # the chief executive speaks for all


@pytest.fixture
def romskog(municipality):
    municipality.policy_pack = "romskog"
    municipality.save()
    return municipality


def test_it_lets_only_the_accounts_administrators_speak_under_romskog(romskog, adviser, account):
    item = make_item(account, codes=["intent.question"])
    client = logged_in(adviser)
    assert adviser not in access.assignable(item)
    response = reply(client, item)
    assert response.status_code == 403
    page = response.content.decode()
    assert "romskog:talsperson" in page and "romskog:ansatte-10" in page
    assert "Bare kontoens administratorer uttaler seg for Rømskog kommune" in page
    assert not item.events.filter(type="replied").exists()
    account.admins.add(adviser)
    assert adviser in access.assignable(item)
    assert reply(client, item).status_code == 302
    assert replied_by(item, adviser)


def test_it_asks_the_rule_on_who_speaks_once_for_the_item_page(health, monkeypatch):
    item = make_item(health["main"], "700000011_1_3", codes=["intent.question"])
    asked = []
    real = access.speaking_refusal

    def counting(*args, **kwargs):
        asked.append(kwargs.get("led"))
        return real(*args, **kwargs)

    monkeypatch.setattr(access, "speaking_refusal", counting)
    page = logged_in(health["team"]).get(f"/{item.municipality.slug}/innboks/{item.pk}/")
    assert page.status_code == 200
    assert "Etter informasjonsansvaret i Gausdal kommune" in page.content.decode()
    # The page's own decision (reply and publish, and why not) once; the list of people the item
    # can be given to asks for each of them, with their led units read from one query.
    own = [led for led in asked if led is None]
    assert len(own) == 1
    assert len(asked) - 1 == len([led for led in asked if led is not None])


def test_it_reads_the_units_once_for_the_people_an_item_can_be_given_to(health, monkeypatch):
    item = make_item(health["home"], "700000010_1_3", codes=["intent.question"])
    monkeypatch.setattr(access, "led_units", lambda membership: pytest.fail("led_units per person"))
    assert health["head"] in access.assignable(item)
    assert health["team"] not in access.assignable(item)


def test_it_asks_the_rule_on_who_speaks_once_for_a_reply(health, monkeypatch):
    item = make_item(health["home"], "700000010_1_4", codes=["intent.question"])
    asked = []
    real = access.speaking_refusal
    monkeypatch.setattr(access, "speaking_refusal", lambda *a, **k: asked.append(a) or real(*a, **k))
    assert reply(logged_in(health["head"]), item).status_code == 302
    assert replied_by(item, health["head"])
    assert len(asked) == 1
