"""Local accounts: changing a password, and setting a new one with a link sent by e-mail."""

from __future__ import annotations

import re

from django.test import Client

from somevakt.tenants.models import AuditAction, AuditEntry
from tests.conftest import PASSWORD


def test_it_changes_a_password_and_logs_it(owner_client, owner) -> None:
    form = owner_client.get("/passord/")
    assert form.status_code == 200 and 'autocomplete="current-password"' in form.content.decode()
    response = owner_client.post(
        "/passord/",
        {
            "old_password": PASSWORD,
            "new_password1": "Brøytebil-Follebu-2027",
            "new_password2": "Brøytebil-Follebu-2027",
        },
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("Brøytebil-Follebu-2027")
    assert AuditEntry.objects.filter(action=AuditAction.PASSWORD_CHANGED, actor=owner).count() == 1


def test_it_refuses_a_change_without_the_old_password(owner_client, owner) -> None:
    response = owner_client.post(
        "/passord/",
        {"old_password": "feil", "new_password1": "Ny-passord-2027!", "new_password2": "Ny-passord-2027!"},
    )
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action=AuditAction.PASSWORD_CHANGED).exists()


def test_it_sends_a_reset_link_that_sets_a_new_password_once(client, owner, mailoutbox) -> None:
    owner.email = "eva@provekommune.no"
    owner.save()
    assert client.post("/passord/glemt/", {"email": "eva@provekommune.no"}).status_code == 302
    [mail] = mailoutbox
    link = re.search(r"http://testserver(/passord/ny/\S+/)", mail.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    confirm = form.redirect_chain[-1][0]
    done = client.post(
        confirm, {"new_password1": "Snøskuffe-Vinstra-99", "new_password2": "Snøskuffe-Vinstra-99"}
    )
    assert done.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("Snøskuffe-Vinstra-99")
    # The link works once.
    assert "ds-alert" in Client().get(link, follow=True).content.decode()
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        AuditAction.PASSWORD_RESET_ASKED,
        AuditAction.PASSWORD_RESET,
    ]


def test_it_answers_the_same_for_an_address_nobody_has(client, owner, mailoutbox) -> None:
    response = client.post("/passord/glemt/", {"email": "ingen@example.org"})
    assert response.status_code == 302 and response["Location"] == "/passord/glemt/sendt/"
    assert mailoutbox == []


def test_it_asks_for_a_sign_in_before_changing_a_password(client) -> None:
    response = client.get("/passord/")
    assert response.status_code == 302 and response["Location"].startswith("/logg-inn/")
