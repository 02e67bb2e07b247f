"""The Django admin shows an account's state and history but cannot change them around the lifecycle."""

from __future__ import annotations

from tests.factories import logged_in, make_person


def test_it_shows_the_state_and_history_read_only(account, db):
    admin = make_person("drift", is_staff=True, is_superuser=True)
    client = logged_in(admin)
    url = f"/admin/registry/account/{account.pk}/change/"
    html = client.get(url).content.decode()
    assert 'name="state"' not in html
    assert "events-TOTAL_FORMS" in html and "Opprettet" in html
    response = client.post(
        url,
        {
            "municipality": account.municipality_id,
            "platform": account.platform,
            "external_id": account.external_id,
            "name": account.name,
            "state": "retired",
            "quiet_spell": "4 00:00:00",
            "closures-TOTAL_FORMS": "0",
            "closures-INITIAL_FORMS": "0",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code in (200, 302)
    account.refresh_from_db()
    assert account.state == "active"
