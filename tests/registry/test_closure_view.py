"""Closing an account for a while from its page: stops the deadline clock for whole Oslo days."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from somevakt.registry.models import Closure
from somevakt.tenants.roles import Role
from somevakt.tenants.services import add_member

OSLO = ZoneInfo("Europe/Oslo")
FORM = {"first_day": "2026-07-06", "last_day": "2026-07-31", "notice": "Siden er stengt i fellesferien."}


def url(account) -> str:
    return f"/{account.municipality.slug}/kontoer/{account.pk}/stenging/"


def test_it_saves_a_closure_of_whole_days(owner_client, account) -> None:
    response = owner_client.post(url(account), FORM)
    assert response.status_code == 302
    closure = Closure.objects.get()
    assert closure.account == account
    assert closure.starts_at == datetime(2026, 7, 6, 0, 0, tzinfo=OSLO)
    assert closure.ends_at == datetime(2026, 8, 1, 0, 0, tzinfo=OSLO)
    assert account.closure_intervals() == [(closure.starts_at, closure.ends_at)]
    page = owner_client.get(response["Location"]).content.decode()
    assert "Siden er stengt i fellesferien." in page


@pytest.mark.parametrize(
    "change",
    [{"last_day": "2026-07-01"}, {"last_day": "2026-12-31"}, {"notice": ""}, {"first_day": "i morgen"}],
)
def test_it_refuses_an_unusable_closure(owner_client, account, change) -> None:
    response = owner_client.post(url(account), {**FORM, **change})
    assert response.status_code == 400
    assert not Closure.objects.exists()
    assert b'role="alert"' in response.content


def test_it_offers_the_form_only_to_those_who_may_close(client, account, municipality, unit) -> None:
    from tests.conftest import logged_in, make_person

    leader = make_person("leder", "Lars", "Leder")
    add_member(municipality, leader, [Role.UNIT_LEADER], unit=unit)
    viewer = logged_in(leader)
    assert viewer.get(f"/provekommune/kontoer/{account.pk}/").status_code == 200
    assert b"stenging/" not in viewer.get(f"/provekommune/kontoer/{account.pk}/").content
    assert viewer.post(url(account), FORM).status_code == 403
    assert not Closure.objects.exists()


def test_it_requires_a_role(member_client, account) -> None:
    assert member_client.post(url(account), FORM).status_code == 403


def test_it_gives_outsiders_404(outsider_client, account) -> None:
    assert outsider_client.post(url(account), FORM).status_code == 404
    assert not Closure.objects.exists()


def test_it_answers_only_post(owner_client, account) -> None:
    assert owner_client.get(url(account)).status_code == 405
