"""The mayor in the inbox (Båtsfjord 4.3: in a crisis all information goes through the crisis group
or the mayor): the role table's `crisis` reach. While a crisis holds, Båtsfjord's mayor sees and
answers the items of the accounts it covers, through the web; before and after it, nothing; and
under a pack that does not name the mayor as crisis management (Gausdal), not even in a crisis."""

from __future__ import annotations

import pytest

from somevakt.crisis import services as crisis
from somevakt.inbox.models import ItemEvent
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_account, make_member
from tests.factories import make_item as build_item
from tests.inbox.conftest import triage_with
from tests.publishing.conftest import batsfjord  # noqa: F401  (fixture)

ANSWER = "Vannet må kokes til vi sier fra. Hilsen Ola"


def url(item, action: str = "") -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/" + (f"{action}/" if action else "")


@pytest.fixture
def mayor(municipality, top_unit):
    return make_member(municipality, "ordforer", "Ola", "Ordfører", [Role.MAYOR], unit=top_unit)


@pytest.fixture
def item(make_item):
    found = make_item(text="Er vannet trygt å drikke?")
    triage_with(found, "intent.question")
    return found


@pytest.mark.usefixtures("batsfjord")
def test_the_mayor_sees_no_item_while_no_crisis_holds(municipality, mayor, item):
    client = logged_in(mayor)
    queue = client.get(f"/{municipality.slug}/innboks/")
    assert queue.status_code == 200 and "Er vannet trygt" not in queue.content.decode()
    assert "mens krisemodus varer" in queue.content.decode()  # the empty inbox says why
    assert client.get(url(item)).status_code == 404
    assert client.post(url(item, "reply"), {"text": ANSWER, "purpose": "reply"}).status_code == 404


@pytest.mark.usefixtures("batsfjord")
def test_the_mayor_sees_and_answers_the_crisis_accounts_items_while_it_holds(
    municipality, mayor, item, account
):
    elsewhere = make_account(municipality, external_id="444555666", name="Biblioteket")
    other = build_item(elsewhere, "9_9", "Når åpner biblioteket?")
    triage_with(other, "intent.question")
    declared = crisis.declare(municipality, mayor, "Forurenset drikkevann", accounts=[account])
    client = logged_in(mayor)
    queue = client.get(f"/{municipality.slug}/innboks/").content.decode()
    assert "Er vannet trygt" in queue and "Når åpner biblioteket" not in queue
    assert client.get(url(item)).status_code == 200
    assert client.get(url(other)).status_code == 404  # an account the crisis does not hold
    response = client.post(url(item, "reply"), {"text": ANSWER, "purpose": "reply"})
    assert response.status_code in (200, 302)
    (replied,) = ItemEvent.objects.filter(item=item, type="replied")
    assert replied.actor == mayor and replied.payload["check"]["crisis"]["id"] == declared.pk
    crisis.end(declared, mayor, "Vannet er trygt")
    assert client.get(url(item)).status_code == 404


def test_a_mayor_the_pack_does_not_name_sees_nothing_in_a_crisis(municipality, owner, mayor, item):
    # Gausdal 12: all communication goes through crisis management; the mayor is not named there.
    crisis.declare(municipality, owner, "Flom")
    client = logged_in(mayor)
    queue = client.get(f"/{municipality.slug}/innboks/")
    assert queue.status_code == 200 and "Er vannet trygt" not in queue.content.decode()
    assert client.get(url(item)).status_code == 404


@pytest.mark.usefixtures("batsfjord")
def test_a_mayor_who_leads_a_unit_sees_its_items_and_the_crisiss_besides(municipality, unit, item, account):
    # A person's reach is the widest of their roles, but a crisis's items are not inside a unit
    # leader's: the two are added, not one chosen.
    leader = make_member(
        municipality, "ordforer2", "Liv", "Leder", [Role.MAYOR, Role.UNIT_LEADER], unit=unit, leads=True
    )
    school = make_account(municipality, external_id="777888999", name="Skolen", unit=unit)
    own = build_item(school, "7_7", "Når er det foreldremøte?")
    triage_with(own, "intent.question")
    client = logged_in(leader)
    queue = client.get(f"/{municipality.slug}/innboks/").content.decode()
    assert "foreldremøte" in queue and "Er vannet trygt" not in queue
    assert client.get(url(item)).status_code == 404

    declared = crisis.declare(municipality, leader, "Forurenset drikkevann", accounts=[account])
    queue = client.get(f"/{municipality.slug}/innboks/").content.decode()
    assert "foreldremøte" in queue and "Er vannet trygt" in queue
    assert client.get(url(own)).status_code == 200
    response = client.post(url(item, "reply"), {"text": ANSWER, "purpose": "reply"})
    assert response.status_code in (200, 302)
    assert ItemEvent.objects.filter(item=item, type="replied", actor=leader).exists()

    crisis.end(declared, leader, "Vannet er trygt")
    assert client.get(url(item)).status_code == 404 and client.get(url(own)).status_code == 200
