"""Posts from draft to the platforms, through the real services, the fake platforms and our own
server (Instagram fetches the picture from our signed link through Django's test client)."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.utils import timezone, translation
from PIL import Image

from somevakt.integrations.fakes.graph import transient_error
from somevakt.publishing import services
from somevakt.publishing.models import PostEvent, PostState, PostTarget, TargetState
from somevakt.publishing.services import DraftInput, Refused
from tests.publishing.conftest import NEWS, consent_for, picture


@pytest.fixture(autouse=True)
def english():
    # The messages are matched in English here; the pages' tests read them in bokmål and nynorsk.
    with translation.override("en"):
        yield


TEXT = "Skidagen var en suksess! Takk til alle elevene i 5B som var med."


def draft(municipality, owner, accounts, media=(), link=NEWS, **fields):
    data = DraftInput(text=TEXT, accounts=list(accounts), media=list(media), link=link, **fields)
    return services.save_draft(municipality, owner, data)


def publish_now(post, owner):
    services.schedule(post, owner)
    return services.publish(post.pk)


def test_it_strips_exif_and_records_that_a_gps_position_was_removed(batsfjord, owner):
    asset = picture(batsfjord, owner, shows_people=False)
    assert asset.gps_removed
    with Image.open(asset.file.path) as stored:
        assert not stored.getexif()  # no camera, no position
    assert asset.content_type == "image/jpeg" and (asset.width, asset.height) == (64, 48)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (b"%PDF-1.4 not a picture", "not a picture"),
        (b"", "Choose a picture"),
        (b"\xff\xd8" + b"0" * (9 * 1024 * 1024), "the limit is 8 MB"),
    ],
)
def test_it_refuses_what_is_not_a_usable_picture(batsfjord, owner, upload, message):
    with pytest.raises(services.BadPicture, match=message):
        services.add_asset(batsfjord, owner, upload, "x.jpg", services.AssetInput(alt_text="Noe"))


def test_it_requires_alternative_text(batsfjord, owner):
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG")
    with pytest.raises(Refused, match="alternative text"):
        services.add_asset(batsfjord, owner, out.getvalue(), "x.png", services.AssetInput(alt_text=" "))


def test_it_publishes_a_picture_of_pupils_only_with_their_consent(batsfjord, owner, facebook, graph, website):
    unconsented = picture(batsfjord, owner)
    post = draft(batsfjord, owner, [facebook], [unconsented])
    found = services.run_check(post, owner)
    assert found.verdict == "block" and "post.consent_missing" in found.decision.codes
    assert "batsfjord:4.4-samtykke" in found.decision.clauses
    with pytest.raises(Refused):
        services.schedule(post, owner)
    assert graph.own_posts("111222333") == []

    consent = consent_for(batsfjord, owner)
    unconsented.consents.add(consent)
    assert services.run_check(post, owner).verdict == "ok"
    assert publish_now(post, owner) == PostState.PUBLISHED
    target = PostTarget.objects.get(post=post)
    (on_facebook,) = graph.own_posts("111222333")
    assert target.platform_id == on_facebook["id"]
    assert target.permalink == on_facebook["permalink_url"]
    assert on_facebook["message"].startswith(TEXT) and NEWS in on_facebook["message"]
    (photo_id,) = on_facebook["attached_media"]
    photo = graph.photos[photo_id]
    assert photo["alt_text_custom"] == unconsented.alt_text
    with Image.open(io.BytesIO(photo["bytes"])) as sent:
        assert not sent.getexif()  # the platform never gets the position either


def test_it_lists_a_withdrawn_consents_posts_to_their_owner_and_removes_them(
    batsfjord, owner, member, facebook, graph, website
):
    consent = consent_for(batsfjord, owner)
    post = draft(batsfjord, owner, [facebook], [picture(batsfjord, owner, consents=[consent])])
    publish_now(post, owner)
    assert services.lapsed(batsfjord) == []
    services.withdraw_consent(batsfjord, consent.pk, owner, "Foreldrene trakk samtykket")
    (row,) = services.lapsed(batsfjord, owner=owner)
    assert row.consent == consent and row.target.post == post
    assert services.lapsed(batsfjord, owner=member) == []
    services.remove(row.target, owner, "Samtykket er trukket")
    assert graph.own_posts("111222333") == []
    assert PostTarget.objects.get(pk=row.target.pk).state == TargetState.REMOVED
    assert services.lapsed(batsfjord) == []
    post.refresh_from_db()
    assert post.state == PostState.WITHDRAWN
    assert list(post.events.values_list("type", flat=True))[-1] == "removed"


def test_it_lists_an_expired_consent_and_records_why_a_post_stays(batsfjord, owner, facebook, graph, website):
    consent = consent_for(batsfjord, owner)
    post = draft(batsfjord, owner, [facebook], [picture(batsfjord, owner, consents=[consent])])
    publish_now(post, owner)
    consent.valid_until = timezone.localdate() - dt.timedelta(days=1)
    consent.save()
    (row,) = services.lapsed(batsfjord, owner=owner)
    with pytest.raises(Refused, match="why"):
        services.keep(row.target, owner, " ")
    services.keep(row.target, owner, "Avtalt med foreldrene at innlegget blir stående")
    assert services.lapsed(batsfjord) == []
    assert len(graph.own_posts("111222333")) == 1


def test_it_refuses_to_withdraw_a_consent_that_does_not_exist(batsfjord, owner, other_municipality, outsider):
    foreign = consent_for(other_municipality, outsider)
    with pytest.raises(Refused, match="no such consent"):
        services.withdraw_consent(batsfjord, 999999, owner)
    with pytest.raises(Refused, match="no such consent"):
        services.withdraw_consent(batsfjord, foreign.pk, owner)


def test_it_refuses_a_consent_without_a_use(batsfjord, owner):
    with pytest.raises(Refused, match="at least one use"):
        consent_for(batsfjord, owner, uses=[])


def test_it_publishes_on_instagram_from_our_signed_link(
    transactional_db, batsfjord, owner, instagram, graph, website
):
    # Instagram fetches the picture from another thread: the rows must be committed.
    asset = picture(batsfjord, owner, shows_people=False)
    post = draft(batsfjord, owner, [instagram], [asset])
    assert publish_now(post, owner) == PostState.PUBLISHED
    (container,) = graph.containers.values()
    assert container["image_url"].startswith("http://testserver/provekommune/publisering/m/")
    assert container["alt_text"] == asset.alt_text and NEWS in container["caption"]
    with open(asset.file.path, "rb") as stored:
        assert container["image_bytes"] == stored.read()  # fetched from us, as Instagram does
    target = PostTarget.objects.get(post=post)
    assert target.permalink == f"https://www.instagram.com/p/{target.platform_id}/"


def test_it_publishes_several_pictures_on_instagram_as_one_carousel(
    transactional_db, batsfjord, owner, instagram, graph, website
):
    first = picture(batsfjord, owner, shows_people=False)
    second = picture(batsfjord, owner, shows_people=False, alt_text="Skiløypa ved skolen i sol.")
    post = draft(batsfjord, owner, [instagram], [first, second])
    assert publish_now(post, owner) == PostState.PUBLISHED
    items = [c for c in graph.containers.values() if c.get("is_carousel_item")]
    (carousel,) = [c for c in graph.containers.values() if "children" in c]
    # One container per picture, each with its own alt text, joined in the post's order; the
    # caption goes on the carousel, and only the carousel is published.
    assert [c["alt_text"] for c in items] == [first.alt_text, second.alt_text]
    assert carousel["children"] == [c["id"] for c in items] and NEWS in carousel["caption"]
    assert carousel["published"] and not any(c["published"] for c in items)
    target = PostTarget.objects.get(post=post)
    assert graph.posts[target.platform_id]["container"] == carousel["id"]


def test_it_refuses_instagram_without_a_picture(batsfjord, owner, instagram, website):
    post = draft(batsfjord, owner, [instagram])
    assert any("Instagram" in p for p in services.run_check(post, owner).problems)


def test_it_posts_on_mastodon_with_alt_text_and_never_twice(
    batsfjord, owner, mastodon_account, mastodon, website
):
    asset = picture(batsfjord, owner, shows_people=False)
    post = draft(batsfjord, owner, [mastodon_account], [asset])
    assert publish_now(post, owner) == PostState.PUBLISHED
    (status,) = mastodon.own_statuses()
    (attachment,) = status["media_attachments"]
    assert attachment["description"] == asset.alt_text
    upload = next(c for c in mastodon.calls if c.path == "/api/v2/media")
    assert upload.files["file"][1] == "image/jpeg"
    post_call = next(c for c in mastodon.calls if c.path == "/api/v1/statuses")
    assert post_call.values("media_ids[]") == [attachment["id"]]
    assert post_call.headers["idempotency-key"]
    target = PostTarget.objects.get(post=post)
    assert (target.platform_id, target.permalink) == (status["id"], status["url"])


def test_it_retries_a_failure_without_publishing_twice(
    batsfjord, owner, facebook, mastodon_account, graph, mastodon, website, settings
):
    asset = picture(batsfjord, owner, shows_people=False)
    post = draft(batsfjord, owner, [facebook, mastodon_account], [asset])
    # Facebook is down through all the quick retries of the photo upload.
    graph.fail_next(transient_error(), transient_error(), transient_error())
    assert publish_now(post, owner) == PostState.FAILED
    failed = PostTarget.objects.get(post=post, account=facebook)
    assert failed.state == TargetState.FAILED and failed.failure == "unavailable"
    assert PostTarget.objects.get(post=post, account=mastodon_account).state == TargetState.DONE
    services.retry(post, owner)
    assert services.publish(post.pk) == PostState.PUBLISHED
    assert len(graph.own_posts("111222333")) == 1
    assert len(mastodon.own_statuses()) == 1  # Mastodon was not asked again
    assert [e for e in post.events.values_list("type", flat=True)].count("retried") == 1


def test_it_reuses_what_the_platform_made_before_a_failure(
    batsfjord, owner, mastodon_account, mastodon, website
):
    post = draft(batsfjord, owner, [mastodon_account], [picture(batsfjord, owner, shows_people=False)])
    from somevakt.integrations.fakes.server import Response

    # The upload works, the status fails for good: the retry posts with the same upload.
    mastodon_calls = len(mastodon.calls)
    original = mastodon.route

    def refuse_status(request):
        if request.path == "/api/v1/statuses":
            return Response(422, {"error": "Validation failed"})
        return original(request)

    mastodon.route = refuse_status
    assert publish_now(post, owner) == PostState.FAILED
    mastodon.route = original
    services.retry(post, owner)
    assert services.publish(post.pk) == PostState.PUBLISHED
    uploads = [c for c in mastodon.calls[mastodon_calls:] if c.path == "/api/v2/media"]
    assert len(uploads) == 1


def test_it_says_why_an_account_without_credentials_failed(batsfjord, owner, website):
    from tests.factories import make_account

    account = make_account(batsfjord, external_id="555", name="Uten tilgang")
    post = draft(batsfjord, owner, [account], [], link="", no_link_reason="En hilsen")
    assert publish_now(post, owner) == PostState.FAILED
    assert PostTarget.objects.get(post=post).failure == "no_credentials"


@pytest.mark.parametrize("state", ["closed_temporarily", "retired"])
def test_it_refuses_an_account_not_in_use(batsfjord, owner, facebook, website, state):
    post = draft(batsfjord, owner, [facebook])
    facebook.state = state
    facebook.save()
    found = services.run_check(post, owner)
    assert "post.account_closed" in found.decision.codes
    with pytest.raises(Refused, match="not in use"):
        services.schedule(post, owner)


def test_it_refuses_a_time_in_the_past(batsfjord, owner, facebook, website):
    post = draft(batsfjord, owner, [facebook])
    with pytest.raises(Refused, match="in the past"):
        services.schedule(post, owner, timezone.now() - dt.timedelta(hours=2))
    post.refresh_from_db()
    assert post.state == PostState.DRAFT


def test_it_publishes_a_scheduled_post_when_its_time_comes(batsfjord, owner, facebook, graph, website):
    post = draft(batsfjord, owner, [facebook])
    when = timezone.now() + dt.timedelta(hours=1)
    services.schedule(post, owner, when)
    assert services.due_posts() == []
    assert services.publish(post.pk) == PostState.SCHEDULED and graph.own_posts("111222333") == []
    PostEvent.objects.filter(post=post)  # history kept
    post.__class__.objects.filter(pk=post.pk).update(publish_at=timezone.now() - dt.timedelta(seconds=1))
    assert services.due_posts() == [post.pk]
    from somevakt.publishing.jobs import publish_due

    publish_due()
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED and len(graph.own_posts("111222333")) == 1


def test_it_checks_the_website_link(batsfjord, owner, facebook, website):
    off_site = draft(batsfjord, owner, [facebook], link="https://www.example.com/nyheter")
    found = services.run_check(off_site, owner)
    assert any("not on the municipality's website" in p for p in found.problems)
    missing = draft(batsfjord, owner, [facebook], link="http://www.batsfjord.kommune.no/finnes-ikke")
    found = services.run_check(missing, owner)
    assert "post.website_first" in found.decision.codes and "404" in found.notes[0]
    none = draft(batsfjord, owner, [facebook], link="")
    assert "post.website_first" in services.run_check(none, owner).decision.codes
    greeting = draft(batsfjord, owner, [facebook], link="", no_link_reason="En julehilsen fra ordføreren")
    assert services.run_check(greeting, owner).verdict == "ok"
    ok = draft(batsfjord, owner, [facebook])
    assert services.run_check(ok, owner).verdict == "ok"
    assert [c.path for c in website.calls] == ["/finnes-ikke", "/nyheter/bibliotek"]


def test_it_asks_with_get_where_the_website_refuses_head(batsfjord, owner, facebook, website):
    website.head_refused = True
    post = draft(batsfjord, owner, [facebook])
    assert services.run_check(post, owner).verdict == "ok"
    assert [c.method for c in website.calls] == ["HEAD", "GET"]


def test_it_asks_for_the_photographers_permission_in_batsfjord(batsfjord, owner, facebook, website):
    asset = picture(batsfjord, owner, shows_people=False, photographer_permission=False)
    post = draft(batsfjord, owner, [facebook], [asset])
    with pytest.raises(Refused, match="photographer"):
        services.schedule(post, owner)


def test_it_does_not_ask_for_the_photographer_where_the_pack_does_not(municipality, owner, graph, website):
    from somevakt.integrations.base import Credentials
    from somevakt.integrations.credentials import set_credentials
    from tests.factories import make_account

    account = make_account(municipality)
    set_credentials(account, Credentials(token="fake-page-token", base_url=graph.url))
    graph.add_page(account.external_id)
    asset = picture(municipality, owner, shows_people=False, photographer_permission=False)
    post = draft(municipality, owner, [account], [asset], link="", no_link_reason="Hilsen")
    assert publish_now(post, owner) == PostState.PUBLISHED


def test_it_asks_a_second_person_where_the_municipality_wants_it(batsfjord, owner, facebook, graph, website):
    from somevakt.publishing.models import PublishingSettings
    from somevakt.tenants.roles import Role
    from tests.factories import make_member

    PublishingSettings.objects.create(municipality=batsfjord, second_approval=True)
    post = draft(batsfjord, owner, [facebook])
    with pytest.raises(Refused, match="second person"):
        services.schedule(post, owner)
    with pytest.raises(Refused, match="other than the author"):
        services.approve(post, owner)
    colleague = make_member(batsfjord, "kollega", "Kari", "Kollega", [Role.COMMUNICATIONS])
    services.approve(post, colleague)
    assert publish_now(post, owner) == PostState.PUBLISHED
    post.refresh_from_db()
    assert post.approved_by == colleague
    assert json.dumps(list(post.events.values_list("type", flat=True))) == json.dumps(
        ["drafted", "checked", "approved", "checked", "scheduled", "published"]
    )


def test_it_waits_for_the_office_to_open_when_asked(batsfjord, owner, facebook, graph, website):
    # Today and tomorrow are closed days: the post waits for the first opening after them.
    today = timezone.localdate()
    batsfjord.closed_days = [today.isoformat(), (today + dt.timedelta(days=1)).isoformat()]
    batsfjord.save()
    post = draft(batsfjord, owner, [facebook], office_hours_only=True)
    assert publish_now(post, owner) == PostState.SCHEDULED
    post.refresh_from_db()
    assert timezone.localtime(post.publish_at).date() > today + dt.timedelta(days=1)
    assert graph.own_posts("111222333") == []
    post.office_hours_only = False
    post.save()
    post.__class__.objects.filter(pk=post.pk).update(publish_at=timezone.now())
    assert services.publish(post.pk) == PostState.PUBLISHED


def test_it_fails_a_send_a_dead_worker_left_for_a_person_to_decide(batsfjord, owner, facebook, website):
    post = draft(batsfjord, owner, [facebook])
    services.schedule(post, owner)
    PostTarget.objects.filter(post=post).update(
        state=TargetState.SENDING, attempted_at=timezone.now() - dt.timedelta(minutes=20)
    )
    assert services.sweep_interrupted() == 1
    target = PostTarget.objects.get(post=post)
    assert target.state == TargetState.FAILED and "interrupted" in target.error
    post.refresh_from_db()
    assert post.state == PostState.FAILED  # offered to try again, never sent again by itself
