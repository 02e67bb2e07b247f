"""Two-factor sign-in: a code from an authenticator app (TOTP) or a recovery code after the password,
required by the municipality for everyone or for the roles it names, and the person's own page."""

from __future__ import annotations

import time

import pyotp
import pytest
from django.test import Client

from somevakt.tenants import second_factor
from somevakt.tenants.identity import SecondFactor, SecondFactorRule
from somevakt.tenants.models import AuditAction, AuditEntry
from somevakt.tenants.roles import Role
from somevakt.tenants.second_factor_views import NEW_KEY, PENDING
from tests.conftest import PASSWORD
from tests.factories import logged_in, make_member

CODE_PAGE = "/logg-inn/kode/"


def password_step(client: Client, name: str, address: str = "10.0.0.9"):
    return client.post(
        "/logg-inn/", {"username": name, "password": PASSWORD, "next": "/provekommune/"}, REMOTE_ADDR=address
    )


def enter(client: Client, code: str, address: str = "10.0.0.9"):
    return client.post(CODE_PAGE, {"code": code}, REMOTE_ADDR=address)


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def key(owner) -> str:
    key = pyotp.random_base32()
    second_factor.turn_on(owner, key)
    return key


def test_it_asks_for_the_code_after_the_password_and_signs_in_with_it(client, owner, key) -> None:
    response = password_step(client, "eier")
    assert response.status_code == 302 and response["Location"] == CODE_PAGE
    assert not is_signed_in(client)
    assert "Skriv de seks sifrene" in client.get(CODE_PAGE).content.decode()
    response = enter(client, pyotp.TOTP(key).now())
    assert response.status_code == 302 and response["Location"] == "/provekommune/"
    assert is_signed_in(client)
    entry = AuditEntry.objects.get(action=AuditAction.SIGN_IN)
    assert entry.actor == owner and entry.after == {"method": "password", "second_factor": "totp"}


def test_it_refuses_a_wrong_code_and_counts_it_as_a_failed_sign_in(client, owner, key) -> None:
    password_step(client, "eier")
    response = enter(client, "000000" if pyotp.TOTP(key).now() != "000000" else "111111")
    assert response.status_code == 400 and not is_signed_in(client)
    assert "Koden stemmer ikke" in response.content.decode()
    failed = AuditEntry.objects.get(action=AuditAction.SIGN_IN_FAILED)
    assert failed.subject == "eier" and failed.after == {"step": "second_factor"}


def test_it_never_accepts_the_same_code_twice(client, owner, key) -> None:
    code = pyotp.TOTP(key).now()
    password_step(client, "eier")
    enter(client, code)
    again = Client()
    password_step(again, "eier")
    assert enter(again, code).status_code == 400 and not is_signed_in(again)


def test_it_takes_a_recovery_code_once(client, owner) -> None:
    codes = second_factor.turn_on(owner, pyotp.random_base32())
    password_step(client, "eier")
    assert enter(client, codes[3].upper()).status_code == 302 and is_signed_in(client)
    assert AuditEntry.objects.get(action=AuditAction.SIGN_IN).after["second_factor"] == "recovery_code"
    assert len(SecondFactor.objects.get(person=owner).recovery_codes) == 9
    again = Client()
    password_step(again, "eier")
    assert enter(again, codes[3]).status_code == 400


def test_it_locks_the_name_out_after_too_many_wrong_codes(client, owner, key) -> None:
    password_step(client, "eier")
    for _attempt in range(5):
        enter(client, "12345x")
    response = enter(client, pyotp.TOTP(key).now())
    assert response.status_code == 400 and not is_signed_in(client)
    assert "For mange mislykkede innlogginger" in response.content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.LOCKED_OUT, subject="eier").count() == 1


def test_it_forgets_a_half_finished_sign_in_after_five_minutes(client, owner, key) -> None:
    password_step(client, "eier")
    session = client.session
    session[PENDING] = {**session[PENDING], "at": time.time() - 301}
    session.save()
    response = enter(client, pyotp.TOTP(key).now())
    assert response.status_code == 302 and response["Location"] == "/logg-inn/"
    assert not is_signed_in(client)


def test_it_sends_the_code_page_back_to_sign_in_without_a_password_first(client) -> None:
    response = client.get(CODE_PAGE)
    assert response.status_code == 302 and response["Location"] == "/logg-inn/"


def test_it_makes_a_person_whose_role_requires_it_set_up_a_second_factor(client, municipality) -> None:
    SecondFactorRule.objects.create(municipality=municipality, roles=[Role.IT, Role.RECORDS])
    make_member(municipality, "it", "Ida", "Drift", [Role.IT])
    assert password_step(client, "it")["Location"] == CODE_PAGE
    response = client.get(CODE_PAGE)
    page = response.content.decode()
    assert "Kommunen din krever en ekstra faktor" in page and 'src="data:image/svg+xml' in page
    assert "no-store" in response["Cache-Control"]  # the new key, before anyone is signed in
    key = client.session[NEW_KEY]
    response = enter(client, pyotp.TOTP(key).now())
    assert response.status_code == 200 and is_signed_in(client)
    codes = response.context["codes"]
    assert len(codes) == 10 and all(code in response.content.decode() for code in codes)
    assert AuditEntry.objects.filter(action=AuditAction.SECOND_FACTOR_ENABLED, subject="it").exists()


def test_it_lets_a_person_without_a_required_role_sign_in_with_the_password_alone(
    client, municipality, member
) -> None:
    SecondFactorRule.objects.create(municipality=municipality, roles=[Role.IT])
    response = password_step(client, "medlem")
    assert response["Location"] == "/provekommune/" and is_signed_in(client)


def test_it_requires_it_of_everyone_when_the_municipality_says_so(client, municipality, member) -> None:
    SecondFactorRule.objects.create(municipality=municipality, everyone=True)
    assert password_step(client, "medlem")["Location"] == CODE_PAGE


def test_it_lets_a_person_turn_it_on_and_off_on_their_own_page(member) -> None:
    client = logged_in(member)
    page = client.get("/passord/tofaktor/")
    assert page.status_code == 200 and "Slå på tofaktor-innlogging" in page.content.decode()
    key = client.session[NEW_KEY]
    wrong = client.post("/passord/tofaktor/", {"what": "on", "code": "999999x"})
    assert wrong.status_code == 400 and not SecondFactor.objects.filter(person=member).exists()
    turned_on = client.post("/passord/tofaktor/", {"what": "on", "code": pyotp.TOTP(key).now()})
    assert len(turned_on.context["codes"]) == 10
    factor = SecondFactor.objects.get(person=member)
    assert key not in factor.sealed_key and factor.key == key
    codes = turned_on.context["codes"]
    off = client.post("/passord/tofaktor/", {"what": "off", "code": codes[0]})
    assert off.status_code == 302 and not SecondFactor.objects.filter(person=member).exists()
    assert [e.action for e in AuditEntry.objects.exclude(action=AuditAction.SIGN_IN).order_by("id")] == [
        AuditAction.SECOND_FACTOR_ENABLED,
        AuditAction.SECOND_FACTOR_DISABLED,
    ]


def test_it_does_not_let_a_person_turn_it_off_when_their_role_requires_it(owner, municipality, key) -> None:
    SecondFactorRule.objects.create(municipality=municipality, roles=[Role.CHIEF_EXECUTIVE])
    client = logged_in(owner)
    response = client.post("/passord/tofaktor/", {"what": "off", "code": pyotp.TOTP(key).now()})
    assert response.status_code == 400 and "kan ikke slås av" in response.content.decode()
    assert SecondFactor.objects.filter(person=owner).exists()


def test_it_makes_new_recovery_codes_and_the_old_ones_stop_working(owner, key) -> None:
    old = SecondFactor.objects.get(person=owner).recovery_codes
    client = logged_in(owner)
    response = client.post("/passord/tofaktor/", {"what": "renew", "code": pyotp.TOTP(key).now()})
    assert len(response.context["codes"]) == 10
    assert not set(old) & set(SecondFactor.objects.get(person=owner).recovery_codes)
    assert AuditEntry.objects.filter(action=AuditAction.RECOVERY_CODES_RENEWED).count() == 1


def test_it_requires_a_sign_in_for_the_own_page(client) -> None:
    assert client.get("/passord/tofaktor/")["Location"].startswith("/logg-inn/")
