"""The publishing pages through Django's test client: they work for those who publish, answer
403 for members who do not and 404 for outsiders, and bad input gets a message, not a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from somevakt.publishing.models import Consent, MediaAsset, Post, PostState, PostTarget
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_member
from tests.publishing.conftest import NEWS, consent_for, jpeg, picture


def url(municipality, name, **kwargs):
    return reverse(f"publishing:{name}", kwargs={"municipality": municipality.slug, **kwargs})


@pytest.fixture
def comms(batsfjord, owner):
    return logged_in(owner)


@pytest.mark.parametrize("name", ["index", "new", "pictures", "consents"])
def test_it_shows_the_pages_to_communications(comms, batsfjord, facebook, name):
    response = comms.get(url(batsfjord, name))
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["index", "new", "pictures", "consents"])
def test_it_refuses_members_who_do_not_publish(member_client, batsfjord, facebook, name):
    assert member_client.get(url(batsfjord, name)).status_code == 403


@pytest.mark.parametrize("name", ["index", "new", "pictures", "consents"])
def test_it_hides_the_pages_from_outsiders(outsider_client, batsfjord, facebook, name):
    assert outsider_client.get(url(batsfjord, name)).status_code == 404


def test_it_lets_an_accounts_admin_publish_there_only(batsfjord, facebook, instagram):
    admin = make_member(batsfjord, "admin", "Ada", "Admin", [Role.EMPLOYEE])
    facebook.admins.add(admin)
    client = logged_in(admin)
    page = client.get(url(batsfjord, "new")).content.decode()
    assert facebook.name in page and instagram.name not in page


def test_it_saves_a_draft_and_shows_the_check(comms, batsfjord, owner, facebook, website):
    response = comms.post(
        url(batsfjord, "new"),
        {"text": "Biblioteket har nye åpningstider.", "accounts": [facebook.pk], "link": NEWS},
    )
    post = Post.objects.get()
    assert response.status_code == 302 and response["Location"] == url(batsfjord, "detail", post_id=post.pk)
    page = comms.get(response["Location"]).content.decode()
    assert 'data-verdict="ok"' in page and "Biblioteket har nye" in page


def test_it_checks_a_draft_live(comms, batsfjord, owner, facebook, website):
    asset = picture(batsfjord, owner)
    response = comms.post(
        url(batsfjord, "check"),
        {"text": "Se elevene på skidagen!", "accounts": [facebook.pk], "media": [asset.pk], "link": ""},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'data-verdict="block"' in body
    assert "batsfjord:4.4-samtykke" in body
    other_domain = comms.post(
        url(batsfjord, "check"),
        {"text": "Les mer", "accounts": [facebook.pk], "link": "https://www.example.com/x"},
    ).content.decode()
    assert "not on the municipality" in other_domain or "ikke på kommunens nettside" in other_domain


def test_it_publishes_from_the_page_and_shows_the_permalink(
    comms, batsfjord, owner, facebook, graph, website, django_capture_on_commit_callbacks
):
    post_page = comms.post(
        url(batsfjord, "new"), {"text": "Ny lekeplass åpner.", "accounts": [facebook.pk], "link": NEWS}
    )
    post = Post.objects.get()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        comms.post(url(batsfjord, "act", post_id=post.pk, action="publish"))
    assert len(callbacks) == 1  # the task is queued once the transaction commits
    from somevakt.publishing.services import publish

    publish(post.pk)
    page = comms.get(post_page["Location"]).content.decode()
    target = PostTarget.objects.get()
    assert target.permalink and target.permalink in page


def test_it_says_why_a_post_failed_and_offers_to_try_again(comms, batsfjord, owner, website):
    from tests.factories import make_account

    account = make_account(batsfjord, external_id="555", name="Uten tilgang")
    account.admins.add(owner)  # Båtsfjord: the account's administrators speak from it
    comms.post(
        url(batsfjord, "new"),
        {"text": "Hei alle sammen.", "accounts": [account.pk], "no_link_reason": "En hilsen"},
    )
    post = Post.objects.get()
    comms.post(url(batsfjord, "act", post_id=post.pk, action="publish"))
    from somevakt.publishing.services import publish

    assert publish(post.pk) == PostState.FAILED
    page = comms.get(url(batsfjord, "detail", post_id=post.pk)).content.decode()
    assert 'data-failure="no_credentials"' in page
    assert "kontoen er ikke koblet til" in page  # bokmål unless the person chose otherwise
    assert url(batsfjord, "act", post_id=post.pk, action="retry") in page
    comms.post(reverse("set_language"), {"language": "nn"})
    assert (
        "kontoen er ikkje kopla til" in comms.get(url(batsfjord, "detail", post_id=post.pk)).content.decode()
    )


def test_it_refuses_a_schedule_in_the_past_with_a_message(comms, batsfjord, owner, facebook, website):
    comms.post(url(batsfjord, "new"), {"text": "Hei alle sammen.", "accounts": [facebook.pk], "link": NEWS})
    post = Post.objects.get()
    past = (timezone.localtime() - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = comms.post(
        url(batsfjord, "act", post_id=post.pk, action="schedule"), {"publish_at": past}, follow=True
    )
    assert response.status_code == 200
    post.refresh_from_db()
    assert post.state == PostState.DRAFT
    assert list(response.context["messages"])[-1].level_tag == "error"
    garbage = comms.post(
        url(batsfjord, "act", post_id=post.pk, action="schedule"), {"publish_at": "i morgen"}, follow=True
    )
    assert garbage.status_code == 200 and list(garbage.context["messages"])[-1].level_tag == "error"


def test_it_refuses_to_publish_on_a_closed_account_with_a_message(comms, batsfjord, owner, facebook, website):
    comms.post(url(batsfjord, "new"), {"text": "Hei alle sammen.", "accounts": [facebook.pk], "link": NEWS})
    post = Post.objects.get()
    facebook.state = "closed_temporarily"
    facebook.save()
    response = comms.post(url(batsfjord, "act", post_id=post.pk, action="publish"), follow=True)
    post.refresh_from_db()
    assert post.state == PostState.DRAFT
    assert any(facebook.name in str(m) for m in response.context["messages"])


def test_it_uploads_a_picture_and_says_the_position_was_removed(comms, batsfjord):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("skidag.jpg", jpeg(gps=True), content_type="image/jpeg")
    response = comms.post(
        url(batsfjord, "pictures"), {"file": upload, "alt_text": "Barn i skibakken"}, follow=True
    )
    assert response.status_code == 200
    assert MediaAsset.objects.get().gps_removed
    assert any("GPS" in str(m) for m in response.context["messages"])


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"hello, I am text", "notes.jpg", "ikke et bilde"),
        (b"\xff" * (9 * 1024 * 1024), "big.jpg", "Bildet er 9,0 MB; grensen er 8 MB."),
    ],
)
def test_it_refuses_a_bad_upload_with_a_message(comms, batsfjord, content, name, expected):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = comms.post(
        url(batsfjord, "pictures"), {"file": upload, "alt_text": "Noe"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not MediaAsset.objects.exists()


def test_it_registers_a_consent_and_refuses_one_without_a_use(comms, batsfjord):
    base = {
        "subject": "group",
        "name": "5B ved Båtsfjord skole, 2026",
        "valid_from": "2026-01-01",
        "given_by": "guardian",
    }
    refused = comms.post(url(batsfjord, "consents"), base)
    assert refused.status_code == 400 and not Consent.objects.exists()
    done = comms.post(url(batsfjord, "consents"), {**base, "uses": ["social_media", "print"]})
    assert done.status_code == 302
    assert Consent.objects.get().uses == ["social_media", "print"]


def test_it_refuses_to_withdraw_a_consent_that_does_not_exist(comms, batsfjord, other_municipality, outsider):
    foreign = consent_for(other_municipality, outsider)
    for value in ("999999", "abc", str(foreign.pk)):
        response = comms.post(url(batsfjord, "withdraw_consent"), {"consent": value}, follow=True)
        assert response.status_code == 200
        assert list(response.context["messages"])[-1].level_tag == "error"
    foreign.refresh_from_db()
    assert foreign.withdrawn_at is None


def test_it_serves_a_picture_publicly_only_under_a_valid_signed_link(client, batsfjord, owner):
    from somevakt.publishing.services import media_url

    asset = picture(batsfjord, owner, shows_people=False)
    link = media_url(asset).removeprefix("http://testserver")
    assert client.get(link).status_code == 200
    assert client.get(link[:-3] + "xyz/").status_code == 404


def test_it_walks_the_issues_check_for_batsfjord(comms, batsfjord, owner, facebook, graph, website):
    """A picture of pupils without consent is refused; with one it goes out; when the consent is
    withdrawn the post is listed to its author and removed from Facebook."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from somevakt.publishing.services import publish

    upload = SimpleUploadedFile("elever.jpg", jpeg(), content_type="image/jpeg")
    comms.post(
        url(batsfjord, "pictures"),
        {
            "file": upload,
            "alt_text": "Elever i 5B på ski",
            "shows_people": "on",
            "shows_pupils": "on",
            "photographer": "Lærer",
            "photographer_permission": "on",
        },
    )
    asset = MediaAsset.objects.get()
    comms.post(
        url(batsfjord, "new"),
        {"text": "Skidag for 5B!", "accounts": [facebook.pk], "media": [asset.pk], "link": NEWS},
    )
    post = Post.objects.get()
    refused = comms.post(url(batsfjord, "act", post_id=post.pk, action="publish"), follow=True)
    assert any("samtykke" in str(m) for m in refused.context["messages"])
    post.refresh_from_db()
    assert post.state == PostState.DRAFT

    consent = consent_for(batsfjord, owner)
    edited = comms.post(
        url(batsfjord, "picture", asset_id=asset.pk),
        {
            "alt_text": asset.alt_text,
            "shows_people": "on",
            "shows_pupils": "on",
            "consents": [consent.pk],
            "photographer": "Lærer",
            "photographer_permission": "on",
        },
    )
    assert edited.status_code == 302 and list(asset.consents.all()) == [consent]
    comms.post(url(batsfjord, "act", post_id=post.pk, action="publish"))
    assert publish(post.pk) == PostState.PUBLISHED
    assert len(graph.own_posts(facebook.external_id)) == 1

    comms.post(url(batsfjord, "withdraw_consent"), {"consent": consent.pk, "note": "Foresatte trakk det"})
    index = comms.get(url(batsfjord, "index")).content.decode()
    target = PostTarget.objects.get()
    assert f'data-target="{target.pk}"' in index
    comms.post(
        url(batsfjord, "target", post_id=post.pk, target_id=target.pk, action="remove"),
        {"reason": "Samtykke trukket"},
    )
    assert graph.own_posts(facebook.external_id) == []
    assert f'data-target="{target.pk}"' not in comms.get(url(batsfjord, "index")).content.decode()
    # The picture keeps the withdrawn consent, so it still tells why.
    assert consent in asset.consents.all()
