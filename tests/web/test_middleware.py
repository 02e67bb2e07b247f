"""The shell's middleware: the chosen language lasts one response, the CSP and Permissions-Policy
headers are set, and a signed-in person's pages are never cached."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from somevakt.web.middleware import POLICY, content_security_policy, language_from_choice, private_responses


@pytest.fixture(autouse=True)
def clean_thread():
    translation.deactivate()
    yield
    translation.deactivate()


def test_it_leaves_no_language_behind_in_the_thread_after_a_response(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get("/logg-inn/").content.decode()
    assert '<html lang="en"' in html
    # What this thread does next (another request, a task, an e-mail) is in bokmål again.
    assert translation.get_language() == "nb"
    assert gettext("Inbox") == "Innboks"


def test_it_answers_in_the_chosen_language_and_says_so():
    seen = {}

    def view(request):
        seen["language"] = translation.get_language()
        return HttpResponse(gettext("Inbox"))

    request = RequestFactory().get("/", HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=nn")
    response = language_from_choice(view)(request)
    assert seen["language"] == "nn" and response["Content-Language"] == "nn"
    assert response.content.decode() == "Innboks"  # the same word in nynorsk
    assert "Cookie" in response["Vary"]


def test_it_ignores_a_language_it_does_not_offer():
    request = RequestFactory().get("/", HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=sv")
    response = language_from_choice(lambda r: HttpResponse(translation.get_language()))(request)
    assert response.content.decode() == "nb"


def test_it_leaves_no_language_behind_when_the_view_fails():
    def broken(request):
        raise RuntimeError("the view failed")

    request = RequestFactory().get("/", HTTP_COOKIE=f"{settings.LANGUAGE_COOKIE_NAME}=en")
    with pytest.raises(RuntimeError):
        language_from_choice(broken)(request)
    assert translation.get_language() == "nb"


def test_it_sets_the_content_security_policy_except_in_the_admin():
    middleware = content_security_policy(lambda r: HttpResponse("ok"))
    assert middleware(RequestFactory().get("/gausdal/"))["Content-Security-Policy"] == POLICY
    assert "Content-Security-Policy" not in middleware(RequestFactory().get("/admin/"))


def test_it_keeps_a_signed_in_persons_pages_and_downloads_out_of_every_cache(owner_client, municipality):
    for path in (f"/{municipality.slug}/innboks/", f"/{municipality.slug}/arkiv/slettet.csv"):
        response = owner_client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path


def test_it_leaves_caching_of_an_anonymous_answer_to_its_view_and_denies_device_apis_everywhere():
    request = RequestFactory().get("/gausdal/arkiv/offentlig-journal/")
    request.user = AnonymousUser()
    response = private_responses(lambda r: HttpResponse("ok"))(request)
    assert "Cache-Control" not in response
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
