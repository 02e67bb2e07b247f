"""Single sign-on end to end: our live server, a real OpenID Connect provider on loopback
(npm's oidc-provider, tests/tenants/oidc), and httpx as the browser. The authorization code flow
with PKCE, signed ID tokens, and every way in which it must fail."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pyotp
import pytest
from django.contrib.auth import get_user_model

from somevakt.tenants import second_factor
from somevakt.tenants.identity import SignOn, SignOnIdentity
from somevakt.tenants.models import AuditAction, AuditEntry, Membership
from somevakt.tenants.roles import Role
from tests.factories import make_member
from tests.tenants.oidc.provider import SECRET

pytestmark = pytest.mark.slow


@pytest.fixture
def sso(settings, live_server, identity_provider, municipality):
    settings.SOMEVAKT_BASE_URL = live_server.url
    municipality.email_domains = ["provekommune.no"]
    municipality.save()

    def configure(client: str = "good", **fields) -> SignOn:
        sign_on, _ = SignOn.objects.update_or_create(
            municipality=municipality,
            defaults={"issuer": identity_provider.issuer, "client_id": f"somevakt-{client}", **fields},
        )
        sign_on.set_secret(SECRET)
        sign_on.save()
        return sign_on

    return configure


@pytest.fixture
def kari(municipality):
    return make_member(
        municipality, "kari", "Kari", "Nordmann", [Role.COMMUNICATIONS], email="Kari@Provekommune.no"
    )


def browser() -> httpx.Client:
    return httpx.Client(timeout=20, headers={"Accept-Language": "nb"})


def sign_in_at_provider(http: httpx.Client, base: str, account: str, slug: str = "provekommune"):
    """From our sign-in button through the provider's own sign-in page and back; the last response."""
    start = http.get(f"{base}/logg-inn/sso/{slug}/")
    assert start.status_code == 302
    authorize = start.headers["location"]
    page = http.get(authorize, follow_redirects=True)
    assert page.status_code == 200, page.text
    action = re.search(r'<form[^>]*action="([^"]+)"', page.text).group(1)
    back = http.post(
        urljoin(str(page.url), action),
        data={"prompt": "login", "login": account, "password": "any"},
        follow_redirects=True,
    )
    return authorize, back


def callback_of(response: httpx.Response) -> str:
    return next(str(r.url) for r in [*response.history, response] if r.url.path.endswith("/svar/"))


def signed_in(http: httpx.Client, base: str) -> bool:
    return http.get(f"{base}/passord/tofaktor/").status_code == 200


def test_it_signs_a_member_in_with_the_authorization_code_flow_and_pkce(sso, kari, live_server) -> None:
    sso()
    with browser() as http:
        authorize, final = sign_in_at_provider(http, live_server.url, "kari-sub")
        query = parse_qs(urlsplit(authorize).query)
        assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
        assert query["response_type"] == ["code"] and "nonce" in query and "state" in query
        assert final.status_code == 200 and final.url.path == "/provekommune/"
        assert signed_in(http, live_server.url)
    entry = AuditEntry.objects.get(action=AuditAction.SSO_SIGN_IN)
    assert entry.actor == kari and entry.after["method"] == "sso"
    assert SignOnIdentity.objects.get(person=kari).subject == "kari-sub"


def test_it_keeps_the_client_secret_sealed_in_the_database(sso) -> None:
    sign_on = sso()
    stored = SignOn.objects.filter(pk=sign_on.pk).values_list("sealed_secret", flat=True).get()
    assert SECRET not in stored and SignOn.objects.get(pk=sign_on.pk).secret == SECRET


def test_it_finds_the_person_by_the_stored_subject_after_their_address_changes(
    sso, kari, live_server
) -> None:
    sso()
    with browser() as http:
        sign_in_at_provider(http, live_server.url, "kari-sub")
    kari.email = "kari.nordmann@provekommune.no"
    kari.save()
    with browser() as http:
        _authorize, final = sign_in_at_provider(http, live_server.url, "kari-sub")
        assert final.url.path == "/provekommune/"
    assert AuditEntry.objects.filter(action=AuditAction.SSO_SIGN_IN, actor=kari).count() == 2


def test_it_gives_a_person_unknown_to_the_municipality_a_clear_page_and_no_account(
    sso, kari, live_server
) -> None:
    sso()
    people = get_user_model().objects.count()
    with browser() as http:
        _authorize, final = sign_in_at_provider(http, live_server.url, "ukjent-sub")
        assert final.status_code == 403
        assert "ikke registrert i somevakt for Prøvekommune" in final.text
        assert "ukjent@provekommune.no" in final.text
        assert not signed_in(http, live_server.url)
    assert get_user_model().objects.count() == people
    assert not Membership.objects.filter(person__email__iexact="ukjent@provekommune.no").exists()
    refused = AuditEntry.objects.get(action=AuditAction.SSO_REFUSED)
    assert refused.subject == "ukjent@provekommune.no" and refused.after["reason"] == "unknown"


def test_it_does_not_match_an_address_outside_the_municipalitys_domains(
    sso, municipality, live_server
) -> None:
    make_member(municipality, "kari2", "Kari", "Annen", [Role.IT], email="kari@example.com")
    sso()
    with browser() as http:
        _authorize, final = sign_in_at_provider(http, live_server.url, "utenfor-sub")
        assert final.status_code == 403 and not signed_in(http, live_server.url)


@pytest.mark.parametrize(
    ("client", "why"),
    [("audience", "another audience"), ("expired", "expired"), ("foreign_key", "unpublished key")],
)
def test_it_refuses_an_id_token_it_must_not_trust(sso, kari, live_server, client, why) -> None:
    sso(client)
    with browser() as http:
        _authorize, final = sign_in_at_provider(http, live_server.url, "kari-sub")
        assert final.status_code == 400, why
        assert "Innloggingen med Prøvekommune lyktes ikke" in final.text
        assert not signed_in(http, live_server.url)
    assert not AuditEntry.objects.filter(action=AuditAction.SSO_SIGN_IN).exists()
    assert AuditEntry.objects.get(action=AuditAction.SSO_REFUSED).after["reason"] == "token"


def test_it_refuses_a_replayed_state_and_code(sso, kari, live_server) -> None:
    sso()
    with browser() as http:
        _authorize, final = sign_in_at_provider(http, live_server.url, "kari-sub")
        callback = callback_of(final)
    with browser() as attacker:  # someone who captured the address, without the browser's session
        replay = attacker.get(callback)
        assert replay.status_code == 400 and not signed_in(attacker, live_server.url)
    with browser() as http:  # and the same browser again, after the state was used
        sign_in_at_provider(http, live_server.url, "kari-sub")
        http.post(f"{live_server.url}/logg-ut/", headers={"X-CSRFToken": http.cookies.get("csrftoken", "")})
    assert AuditEntry.objects.filter(action=AuditAction.SSO_SIGN_IN).count() == 2
    assert AuditEntry.objects.filter(action=AuditAction.SSO_REFUSED, after__reason="protocol").count() == 1


def test_it_answers_404_for_a_municipality_without_single_sign_on(sso, live_server) -> None:
    with browser() as http:
        assert http.get(f"{live_server.url}/logg-inn/sso/provekommune/").status_code == 404
        assert (
            http.get(f"{live_server.url}/logg-inn/sso/provekommune/svar/?code=x&state=y").status_code == 404
        )


def test_it_shows_the_sign_on_button_on_the_sign_in_page(sso, client) -> None:
    sso(label="Prøvekommune (Microsoft)")
    page = client.get("/logg-inn/?next=/provekommune/").content.decode()
    assert 'href="/logg-inn/sso/provekommune/?next=/provekommune/"' in page
    assert "Logg inn med Prøvekommune (Microsoft)" in page


def test_it_asks_a_person_with_a_second_factor_for_the_code_after_single_sign_on(
    sso, kari, live_server
) -> None:
    sso()
    key = pyotp.random_base32()
    second_factor.turn_on(kari, key)
    with browser() as http:
        _authorize, final = sign_in_at_provider(http, live_server.url, "kari-sub")
        assert final.url.path == "/logg-inn/kode/" and not signed_in(http, live_server.url)
        done = http.post(
            f"{live_server.url}/logg-inn/kode/",
            data={"code": pyotp.TOTP(key).now(), "csrfmiddlewaretoken": http.cookies["csrftoken"]},
            follow_redirects=True,
        )
        assert done.url.path == "/provekommune/" and signed_in(http, live_server.url)
    entry = AuditEntry.objects.get(action=AuditAction.SSO_SIGN_IN)
    assert entry.after == {"method": "sso", "issuer": SignOn.objects.get().issuer, "second_factor": "totp"}


def test_it_takes_the_providers_own_second_factor_for_ours(sso, kari, live_server) -> None:
    sso("mfa")
    second_factor.turn_on(kari, pyotp.random_base32())
    with browser() as http:
        _authorize, final = sign_in_at_provider(http, live_server.url, "kari-sub")
        assert final.url.path == "/provekommune/" and signed_in(http, live_server.url)
    assert AuditEntry.objects.get(action=AuditAction.SSO_SIGN_IN).after["second_factor"] == "provider"
