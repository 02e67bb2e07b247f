import pytest

from somevakt.demo.loader import load_demo
from somevakt.registry.lifecycle import approvers
from somevakt.registry.models import Account, AccountPlan, AccountState


@pytest.mark.slow  # loads the whole demo twice
def test_it_loads_the_demo_accounts_once(db) -> None:
    load_demo(log=lambda _: None)
    first = {
        (a.municipality.slug, a.platform, a.external_id): (a.pk, a.state, a.responsible_id, a.unit_id)
        for a in Account.objects.select_related("municipality")
    }
    load_demo(log=lambda _: None)
    again = {
        (a.municipality.slug, a.platform, a.external_id): (a.pk, a.state, a.responsible_id, a.unit_id)
        for a in Account.objects.select_related("municipality")
    }
    assert first == again
    assert len(first) == 25
    # One account in each state in each municipality.
    for slug in ("batsfjord", "gausdal", "hustadvika", "romskog"):
        states = set(Account.objects.filter(municipality__slug=slug).values_list("state", flat=True))
        assert states == set(AccountState.values), slug
    # A Gausdal plan waits for the chief executive's team, once, however often the demo is loaded.
    waiting = AccountPlan.objects.get(account__municipality__slug="gausdal", decision="submitted")
    assert [p.username for p in approvers(waiting.account)] == ["gausdal.kommunedirektor"]
    assert waiting.account.events.filter(type="submitted").count() == 1
    gausdal = Account.objects.get(municipality__slug="gausdal", external_id="100063998877003")
    assert gausdal.state == "active"
    assert gausdal.responsible.username == "gausdal.kommunikasjon"
    assert sorted(gausdal.admins.values_list("username", flat=True)) == [
        "gausdal.kommunikasjon",
        "gausdal.servicetorg",
    ]
    assert gausdal.approved_by_label == "demo"
    assert not gausdal.has_credentials
