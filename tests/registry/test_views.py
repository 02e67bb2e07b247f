"""The accounts pages: works for those who look after accounts, 403 for other members, 404 for outsiders."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from somevakt.integrations.silence import check_silent_accounts


def index(slug: str = "provekommune") -> str:
    return f"/{slug}/kontoer/"


def detail(account) -> str:
    return f"/{account.municipality.slug}/kontoer/{account.pk}/"


def test_it_lists_the_municipalitys_accounts(owner_client, account, other_account) -> None:
    response = owner_client.get(index())
    assert response.status_code == 200
    assert "Offisielle kontoer" in response.content.decode()  # bokmål unless chosen otherwise
    assert account.name.encode() in response.content
    assert other_account.name.encode() not in response.content


def test_it_shows_a_silent_account_alert(owner_client, account) -> None:
    account.last_delivery_at = timezone.now() - timedelta(days=10)
    account.save()
    check_silent_accounts()
    response = owner_client.get(index())
    assert (
        "Prøvekommune (Facebook)".encode() in response.content or b"Pr\xc3\xb8vekommune" in response.content
    )
    assert b'data-color="warning"' in response.content


def test_it_shows_one_account_without_its_credentials(owner_client, account) -> None:
    from somevakt.integrations.base import Credentials
    from somevakt.integrations.credentials import set_credentials

    set_credentials(account, Credentials(token="EAAG-secret"))
    response = owner_client.get(detail(account))
    assert response.status_code == 200
    assert b"111222333" in response.content
    assert b"EAAG" not in response.content


@pytest.mark.parametrize("page", ["index", "detail"])
def test_it_requires_a_role_that_looks_after_accounts(member_client, account, page) -> None:
    url = index() if page == "index" else detail(account)
    assert member_client.get(url).status_code == 403


def test_it_gives_outsiders_404(outsider_client, account) -> None:
    assert outsider_client.get(index()).status_code == 404
    assert outsider_client.get(detail(account)).status_code == 404


def test_it_gives_404_for_another_municipalitys_account(owner_client, other_account) -> None:
    assert owner_client.get(f"/provekommune/kontoer/{other_account.pk}/").status_code == 404


def test_it_groups_the_alerts_in_one_box_per_account_in_norwegian(owner_client, account) -> None:
    from somevakt.integrations.outbound import perform, request

    for number in range(3):
        perform(request(account, "hide", f"1_{number}", item_id=number).pk)  # no credentials: failed
    account.last_delivery_at = timezone.now() - timedelta(days=10)
    account.save()
    check_silent_accounts()
    html = owner_client.get(index()).content.decode()
    assert html.count(f'data-alert-account="{account.pk}"') == 1
    assert "3 handlinger nådde ikke plattformen." in html
    assert "Ingenting har kommet fra kontoen på lengre tid enn vanlig" in html
    assert "failed (no_credentials)" not in html  # the raw record is for IT only
    owner_client.cookies["somevakt_language"] = "en"
    assert "3 actions did not reach the platform." in owner_client.get(index()).content.decode()


def test_it_shows_the_raw_alert_messages_to_it(account, municipality) -> None:
    from somevakt.integrations.outbound import perform, request
    from somevakt.tenants.roles import Role
    from tests.factories import logged_in, make_member

    perform(request(account, "hide", "1_1", item_id=1).pk)
    it = make_member(municipality, "it", "Ida", "IT", [Role.IT])
    html = logged_in(it).get(index()).content.decode()
    assert "failed (no_credentials)" in html
    detail_html = logged_in(it).get(detail(account)).content.decode()
    assert 'data-failure="no_credentials"' in detail_html
    assert "kontoen har ingen tilgangsnøkkel" in detail_html
