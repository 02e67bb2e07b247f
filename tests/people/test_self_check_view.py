"""The self-check page: any member checks a text; htmx gets the verdict alone; nothing is stored or logged."""

from __future__ import annotations

import logging

from django.apps import apps
from django.db import models
from django.urls import reverse

SECRET = "Pasienten Kari Hansen på sjukeheimen har fått kreft."


def url(slug: str = "provekommune") -> str:
    return reverse("people:self_check", kwargs={"municipality": slug})


def test_it_shows_the_form_the_privacy_promise_and_the_checklist(member_client) -> None:
    response = member_client.get(url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "ikke lagret, ikke logget" in page
    assert 'hx-post="/provekommune/folk/sjekk/"' in page
    assert "#gausdal:bruk-1" in page  # a checklist item links to its clause
    assert "?kind=post" not in page  # an employee checks private posts only


def test_it_gives_the_verdict_on_a_plain_form_post(member_client) -> None:
    response = member_client.post(url(), {"kind": "private", "text": SECRET})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-verdict="block"' in page
    assert "Ikke publiser dette" in page
    assert 'href="/provekommune/retningslinjer/#gausdal:bruk-7"' in page
    assert "<mark" in page
    assert "<!DOCTYPE html>" in page
    assert "no-store" in response["Cache-Control"]


def test_it_answers_htmx_with_the_verdict_alone(member_client) -> None:
    response = member_client.post(
        url(), {"kind": "private", "text": "Fin tur i dag!"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<!DOCTYPE html>" not in page
    assert 'data-verdict="ok"' in page


def test_it_escapes_what_was_typed(member_client) -> None:
    page = member_client.post(
        url(), {"kind": "private", "text": "<img src=x onerror=alert(1)> ring 912 34 567"}
    ).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_it_stores_and_logs_nothing_of_the_text(member_client, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    member_client.post(url(), {"kind": "private", "text": SECRET})
    member_client.post(url(), {"kind": "private", "text": SECRET}, HTTP_HX_REQUEST="true")
    assert "Kari Hansen" not in caplog.text
    for model in apps.get_models():
        text_fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        for row in model.objects.values_list(*text_fields) if text_fields else []:
            assert "Kari Hansen" not in repr(row), model


def test_it_checks_official_posts_for_communications(owner_client) -> None:
    page = owner_client.get(url() + "?kind=post").content.decode()
    assert "?kind=private" in page
    assert 'name="kind" value="post"' in page
    response = owner_client.post(url(), {"kind": "post", "text": "Biblioteket holder åpent til 20 i kveld."})
    assert response.status_code == 200
    assert "data-verdict=" in response.content.decode()


def test_it_keeps_official_posts_to_communications(member_client) -> None:
    assert member_client.post(url(), {"kind": "post", "text": "Hei"}).status_code == 403
    assert member_client.get(url() + "?kind=post").status_code == 403


def test_it_rejects_an_unknown_kind_with_a_message(member_client) -> None:
    response = member_client.post(url(), {"kind": "comment", "text": "Hei"})
    assert response.status_code == 400
    assert "Ukjent teksttype" in response.content.decode()


def test_it_gives_outsiders_404(outsider_client, municipality) -> None:
    assert outsider_client.get(url()).status_code == 404
    assert outsider_client.post(url(), {"kind": "private", "text": "Hei"}).status_code == 404


def test_it_speaks_nynorsk_and_english_with_the_guidelines_own_words(member_client) -> None:
    text = "Skriv til meg på ola@gausdal.kommune.no om turen."
    expected = {
        "nn": (
            "Profilen eller innlegget brukar e-postadressa frå jobben",
            "Hugs at du er tilsett i kommunen",
        ),
        "en": ("The profile or the post uses your work e-mail address", "Remember that you are employed"),
    }
    for language, (reason, checklist) in expected.items():
        member_client.cookies["somevakt_language"] = language
        page = member_client.post(url(), {"kind": "private", "text": text}).content.decode()
        assert reason in page and checklist in page
        assert "Profilen eller innlegget bruker jobbens" not in page  # the bokmål reason
        assert "Husk at du er ansatt" not in page  # the bokmål checklist


def test_it_asks_about_the_picture_and_holds_one_of_people_without_their_consent(
    member_client, municipality
) -> None:
    # Rømskog 9: no photos of pupils, colleagues or patients without permission, privately too.
    municipality.policy_pack = "romskog"
    municipality.save()
    text = {"kind": "private", "text": "Fin dag på tur med klassen!"}
    page = member_client.get(url()).content.decode()
    assert 'name="shows_people"' in page and 'name="consent"' in page
    held = member_client.post(url(), {**text, "shows_people": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'data-verdict="block"' in held and "#romskog:ansatte-9" in held
    consented = {**text, "shows_people": "1", "consent": "1"}
    assert (
        'data-verdict="ok"' in member_client.post(url(), consented, HTTP_HX_REQUEST="true").content.decode()
    )
    # The same picture under Gausdal, whose guideline says nothing of it for private posts.
    municipality.policy_pack = "gausdal"
    municipality.save()
    gausdal = member_client.post(
        url(), {**text, "shows_people": "1"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'data-verdict="block"' not in gausdal
