"""The shell's pages: works / requires login / outsider gets 404."""

import pytest
from django.db import OperationalError, connection
from django.urls import resolve

from somevakt.tenants.services import add_member
from somevakt.web.sections import SECTIONS

SECTION_PATHS = [section.path for section in SECTIONS]


def test_it_sends_an_anonymous_visitor_to_the_login_page(client, municipality):
    for url in ["/", f"/{municipality.slug}/", f"/{municipality.slug}/innboks/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/logg-inn/?next=")


def test_it_shows_the_login_page_in_bokmaal_even_to_an_english_browser(client, db):
    response = client.get("/logg-inn/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nb"' in html
    assert "Logg inn i somevakt" in html
    assert "vendor/designsystemet.css" in html


@pytest.mark.parametrize(("code", "text"), [("nn", "Brukarnamn"), ("en", "User name"), ("nb", "Brukernavn")])
def test_it_switches_language_by_choice(client, db, code, text):
    response = client.post("/sprak/", {"language": code, "next": "/logg-inn/"})
    assert response.status_code == 302
    html = client.get("/logg-inn/").content.decode()
    assert f'<html lang="{code}"' in html
    assert text in html


def test_it_logs_in_with_a_password_and_lands_in_the_only_municipality(client, member, municipality):
    response = client.post("/logg-inn/", {"username": "medlem", "password": "test-passord-123"})
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == f"/{municipality.slug}/"


def test_it_refuses_a_wrong_password(client, member):
    response = client.post("/logg-inn/", {"username": "medlem", "password": "feil"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_it_logs_out_with_post(member_client):
    response = member_client.post("/logg-ut/")
    assert response.status_code == 302
    assert member_client.get("/")["Location"].startswith("/logg-inn/")


def test_it_shows_the_overview_of_the_municipality(member_client, municipality, owner):
    html = member_client.get(f"/{municipality.slug}/").content.decode()
    assert "Prøvekommune" in html
    assert "Oppvekst" in html
    assert "Eva Eiersen" in html  # nearest leader, via the unit above
    assert 'aria-label="Hovedmeny"' in html


def required_roles(url: str) -> tuple[str, ...]:
    return getattr(resolve(url).func, "required_roles", ())


@pytest.mark.parametrize("path", SECTION_PATHS)
def test_it_shows_every_section_to_a_member_with_a_role_it_needs(member, member_client, municipality, path):
    url = f"/{municipality.slug}/{path}/"
    roles = required_roles(url)
    if roles:
        add_member(municipality, member, [roles[0]])
    response = member_client.get(url)
    assert response.status_code == 200
    assert 'aria-current="page"' in response.content.decode()


def test_it_leaves_out_of_the_navigation_what_the_member_cannot_open(member, member_client, municipality):
    urls = [f"/{municipality.slug}/{path}/" for path in SECTION_PATHS]
    add_member(municipality, member, [])
    html = member_client.get(f"/{municipality.slug}/").content.decode()
    for url in urls:
        assert (f'href="{url}"' in html) == (not required_roles(url)), url


@pytest.mark.parametrize("path", ["", *SECTION_PATHS])
def test_it_gives_an_outsider_404_on_every_page(outsider_client, municipality, path):
    url = f"/{municipality.slug}/{path}/" if path else f"/{municipality.slug}/"
    response = outsider_client.get(url)
    assert response.status_code == 404
    assert "Prøvekommune" not in response.content.decode()


def test_it_gives_404_for_a_municipality_that_does_not_exist(member_client):
    assert member_client.get("/finnes-ikke/").status_code == 404


def test_it_offers_a_choice_to_a_person_in_several_municipalities(member, member_client, other_municipality):
    add_member(other_municipality, member, ["employee"])
    response = member_client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nabokommune" in html and "Prøvekommune" in html
    assert 'id="switch-municipality"' in html


def test_it_shows_no_switcher_to_a_person_in_one_municipality(member_client, municipality):
    assert 'id="switch-municipality"' not in member_client.get(f"/{municipality.slug}/").content.decode()


def test_it_switches_municipality_for_a_member(member, member_client, other_municipality):
    add_member(other_municipality, member, ["employee"])
    response = member_client.get("/bytt-kommune/", {"kommune": other_municipality.slug})
    assert response["Location"] == f"/{other_municipality.slug}/"


def test_it_refuses_to_switch_to_a_municipality_of_others(outsider_client, municipality):
    assert outsider_client.get("/bytt-kommune/", {"kommune": municipality.slug}).status_code == 404


def test_it_answers_the_health_check_without_login(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_it_answers_503_when_the_database_fails(client, db):
    def broken(execute, sql, params, many, context):
        raise OperationalError("database is locked")

    with connection.execute_wrapper(broken):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_it_sends_security_headers(client, db):
    response = client.get("/logg-inn/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_it_answers_the_health_check_over_http_when_https_is_enforced(db):
    from django.test import Client, override_settings

    with override_settings(SECURE_SSL_REDIRECT=True):
        client = Client()
        assert client.get("/healthz").status_code == 200
        assert client.get("/logg-inn/").status_code == 301
