import pytest

from somevakt.demo.loader import load_demo
from somevakt.registry.models import Account


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
    assert len(first) == 9
    gausdal = Account.objects.get(municipality__slug="gausdal", platform="facebook")
    assert gausdal.state == "active"
    assert gausdal.responsible.username == "gausdal.kommunikasjon"
    assert sorted(gausdal.admins.values_list("username", flat=True)) == [
        "gausdal.kommunikasjon",
        "gausdal.servicetorg",
    ]
    assert gausdal.approved_by_label == "demo"
    assert not gausdal.has_credentials
