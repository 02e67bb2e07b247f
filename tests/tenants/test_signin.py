"""Signing in: throttled per name and per address, and every sign-in, sign-out, failure and
lockout in the append-only audit log."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from somevakt.tenants.models import AuditAction, AuditEntry
from somevakt.tenants.signin import WINDOW
from tests.conftest import PASSWORD

MAX_FAILURES_PER_NAME = 5  # the defaults (README, Settings)
MAX_FAILURES_PER_ADDRESS = 30

LOGIN = "/logg-inn/"


def sign_in(client: Client, name: str, password: str, address: str = "10.0.0.7"):
    return client.post(LOGIN, {"username": name, "password": password}, REMOTE_ADDR=address)


def actions() -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True))


def test_it_logs_a_sign_in_and_a_sign_out_with_the_address(client, owner) -> None:
    assert sign_in(client, "eier", PASSWORD).status_code == 302
    client.post("/logg-ut/", REMOTE_ADDR="10.0.0.7")
    entries = list(AuditEntry.objects.order_by("id"))
    assert [(e.action, e.actor, e.address) for e in entries] == [
        (AuditAction.SIGN_IN, owner, "10.0.0.7"),
        (AuditAction.SIGN_OUT, owner, "10.0.0.7"),
    ]


def test_it_locks_a_name_out_after_too_many_failed_sign_ins_even_for_the_right_password(
    client, owner
) -> None:
    for _attempt in range(MAX_FAILURES_PER_NAME):
        assert sign_in(client, "eier", "feil-passord").status_code == 200
    response = sign_in(client, "eier", PASSWORD)
    assert response.status_code == 200  # the form again, not a redirect into the app
    assert "For mange mislykkede innlogginger" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert actions() == [AuditAction.SIGN_IN_FAILED] * MAX_FAILURES_PER_NAME + [AuditAction.LOCKED_OUT]


def test_it_lets_the_name_in_again_when_the_lockout_has_passed(client, owner) -> None:
    for _attempt in range(MAX_FAILURES_PER_NAME):
        sign_in(client, "Eier", "feil-passord")  # the name in another case is the same name
    AuditEntry.objects.update(at=timezone.now() - WINDOW - timedelta(seconds=1))
    assert sign_in(client, "eier", PASSWORD).status_code == 302


def test_it_locks_out_an_address_that_tries_many_names(client, owner) -> None:
    for attempt in range(MAX_FAILURES_PER_ADDRESS):
        sign_in(client, f"gjett{attempt}", "feil", address="203.0.113.9")
    assert (
        "For mange mislykkede innlogginger"
        in sign_in(client, "eier", PASSWORD, "203.0.113.9").content.decode()
    )
    # Someone at another address is not slowed down by it.
    assert sign_in(Client(), "eier", PASSWORD, "10.0.0.8").status_code == 302


def test_it_never_changes_or_deletes_an_entry(owner) -> None:
    entry = AuditEntry.objects.create(action=AuditAction.SIGN_IN, actor=owner, subject="eier")
    entry.subject = "noen andre"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()
    assert AuditEntry.objects.get().subject == "eier"


def test_it_takes_the_limits_from_the_settings(client, owner, settings) -> None:
    settings.SIGNIN_FAILURES_PER_NAME = 2
    for _attempt in range(2):
        sign_in(client, "eier", "feil-passord")
    assert "For mange mislykkede innlogginger" in sign_in(client, "eier", PASSWORD).content.decode()
