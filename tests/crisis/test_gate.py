"""crisis.gate: who may speak on an account while crisis mode holds it."""

from __future__ import annotations

import pytest
from django.utils import translation

from somevakt.crisis import services
from somevakt.crisis.gate import active_crisis_for, crisis_hold
from somevakt.tenants.roles import Role
from tests.factories import make_account, make_member, make_municipality

pytestmark = pytest.mark.django_db


def test_it_holds_nobody_when_there_is_no_crisis(account, adviser):
    assert active_crisis_for(account) is None
    assert crisis_hold(user=adviser, account=account, text="Hei") is None


def test_it_holds_the_adviser_but_not_crisis_management(account, owner, adviser, crisis_lead):
    crisis = services.declare(account.municipality, owner, "Brann i rådhuset")
    assert active_crisis_for(account) == crisis
    hold = crisis_hold(user=adviser, account=account, text="Biblioteket er åpent.")
    assert hold is not None and hold.crisis == crisis
    assert "Brann i rådhuset" in str(hold.reason)
    assert crisis_hold(user=crisis_lead, account=account, text="Biblioteket er åpent.") is None
    assert crisis_hold(user=owner, account=account) is None


def test_its_reason_reads_in_the_language_of_whoever_is_shown_it(account, owner, adviser):
    services.declare(account.municipality, owner, "Flom")
    hold = crisis_hold(user=adviser, account=account)
    with translation.override("en"):
        assert "Crisis mode is in force" in str(hold.reason)
    with translation.override("nb"):
        assert "Krisemodus" in str(hold.reason)
    with translation.override("nn"):
        assert "Krisemodus" in str(hold.reason) and "kriseleiinga" in str(hold.reason)


def test_it_holds_only_the_accounts_a_crisis_names(account, second_account, owner, adviser):
    services.declare(account.municipality, owner, "Stengt vei", accounts=[second_account])
    assert crisis_hold(user=adviser, account=account) is None
    assert crisis_hold(user=adviser, account=second_account) is not None


def test_an_instruction_for_a_purpose_lets_its_holder_speak(account, owner, adviser, crisis_lead):
    crisis = services.declare(account.municipality, owner, "Brann")
    services.instruct(crisis, crisis_lead, adviser, "Svar på spørsmål om evakueringen")
    assert crisis_hold(user=adviser, account=account, text="Alle er evakuert.") is None


def test_an_instruction_with_a_wording_lets_through_that_wording_only(account, owner, adviser):
    crisis = services.declare(account.municipality, owner, "Brann")
    services.instruct(crisis, owner, adviser, "Oppdatering", text="Alle  er evakuert. Hilsen Rolf")
    assert crisis_hold(user=adviser, account=account, text="alle er evakuert.\nHilsen Rolf") is None
    other = crisis_hold(user=adviser, account=account, text="Brannen er slukket.")
    assert other is not None and "annen ordlyd" in str(other.reason)


def test_an_instruction_of_an_ended_crisis_no_longer_counts_and_nobody_is_held(account, owner, adviser):
    crisis = services.declare(account.municipality, owner, "Brann")
    services.instruct(crisis, owner, adviser, "Oppdatering")
    services.end(crisis, owner)
    assert active_crisis_for(account) is None
    assert crisis_hold(user=adviser, account=account) is None


def test_it_never_reaches_another_municipality(account, owner, other_account):
    services.declare(account.municipality, owner, "Brann")
    assert active_crisis_for(other_account) is None


def test_under_romskog_the_accounts_own_admins_speak(db):
    # Rømskog: "all communication goes via the responsible administrator".
    romskog = make_municipality(name="Rømskog", slug="romskog-test", policy_pack="romskog")
    chief = make_member(romskog, "rad", "Rita", "Rådmann", [Role.CHIEF_EXECUTIVE])
    admin = make_member(romskog, "admin", "Arne", "Admin", [Role.COMMUNICATIONS])
    other = make_member(romskog, "annen", "Anne", "Annen", [Role.COMMUNICATIONS])
    page = make_account(romskog, external_id="7001", responsible=admin)
    services.declare(romskog, chief, "Krisestab satt")
    assert crisis_hold(user=admin, account=page) is None
    assert crisis_hold(user=other, account=page) is not None


def test_under_batsfjord_the_mayor_speaks(db):
    # Båtsfjord 4.3: all information goes via the crisis group or the mayor.
    batsfjord = make_municipality(name="Båtsfjord", slug="batsfjord-test", policy_pack="batsfjord")
    mayor = make_member(batsfjord, "ordforer", "Ola", "Ordfører", [Role.MAYOR, Role.POLITICIAN])
    adviser = make_member(batsfjord, "komm", "Kim", "Komm", [Role.COMMUNICATIONS])
    page = make_account(batsfjord, external_id="8001")
    services.declare(batsfjord, mayor, "Storm")
    assert crisis_hold(user=mayor, account=page) is None
    assert crisis_hold(user=adviser, account=page) is not None


def test_its_reason_quotes_the_crisis_without_a_double_full_stop(account, owner, adviser):
    # Walking the demo the hold read "(declared by Siri Kvarberg: … er brutt.)." .
    services.declare(account.municipality, owner, "Flom i sentrum, vannforsyningen er brutt.")
    with translation.override("nb"):
        reason = str(crisis_hold(user=adviser, account=account).reason)
    assert "vannforsyningen er brutt)." in reason and ".)." not in reason
