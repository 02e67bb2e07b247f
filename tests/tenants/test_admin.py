"""The admin pages for single sign-on and the second factor: a secret is written and never shown,
a requirement names roles, and every change is in the audit log with who made it."""

from __future__ import annotations

import pyotp
import pytest
from django.test import Client

from somevakt.tenants import second_factor
from somevakt.tenants.identity import SecondFactor, SecondFactorRule, SignOn
from somevakt.tenants.models import AuditAction, AuditEntry
from tests.factories import make_person


@pytest.fixture
def admin_client(db) -> Client:
    client = Client()
    client.force_login(make_person("drift", is_staff=True, is_superuser=True))
    return client


def test_it_sets_a_sign_on_with_a_write_only_secret(admin_client, municipality, settings) -> None:
    settings.DEBUG = False
    form = {"municipality": municipality.pk, "issuer": "https://login.example.no/t/v2.0", "client_id": "abc"}
    response = admin_client.post(
        "/admin/tenants/signon/add/", {**form, "client_secret": "xyzzy-s3cret", "enabled": "on"}
    )
    assert response.status_code == 302
    sign_on = SignOn.objects.get()
    assert sign_on.secret == "xyzzy-s3cret"
    page = admin_client.get(f"/admin/tenants/signon/{sign_on.pk}/change/").content.decode()
    assert "xyzzy-s3cret" not in page and "/logg-inn/sso/provekommune/svar/" in page
    admin_client.post(
        f"/admin/tenants/signon/{sign_on.pk}/change/", {**form, "client_secret": "", "enabled": "on"}
    )
    assert SignOn.objects.get().secret == "xyzzy-s3cret"  # empty keeps the stored one
    refused = admin_client.post("/admin/tenants/signon/add/", {**form, "issuer": "http://login.example.no/"})
    assert refused.status_code == 200 and SignOn.objects.count() == 1
    entry = AuditEntry.objects.get(action=AuditAction.SIGN_ON_CHANGED)
    assert entry.actor.username == "drift" and entry.after["sealed_secret"] == "(changed)"


def test_it_requires_a_second_factor_for_the_roles_ticked(admin_client, municipality) -> None:
    response = admin_client.post(
        "/admin/tenants/secondfactorrule/add/", {"municipality": municipality.pk, "roles": ["it", "records"]}
    )
    assert response.status_code == 302
    assert SecondFactorRule.objects.get().roles == ["it", "records"]
    entry = AuditEntry.objects.get(action=AuditAction.SECOND_FACTOR_RULE_CHANGED)
    assert (
        entry.after == {"everyone": False, "roles": ["it", "records"]} and entry.municipality == municipality
    )


def test_an_administrator_removes_a_lost_second_factor_and_it_is_logged(admin_client, member) -> None:
    second_factor.turn_on(member, pyotp.random_base32())
    factor = SecondFactor.objects.get()
    response = admin_client.post(f"/admin/tenants/secondfactor/{factor.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not SecondFactor.objects.exists()
    entry = AuditEntry.objects.get(action=AuditAction.SECOND_FACTOR_DISABLED)
    assert entry.subject == "medlem" and entry.actor.username == "drift"
