"""`somevakt demo`'s fake platforms: the demo's items and accounts on the fakes, so what the demo
sends reaches them in Meta's and Mastodon's formats, and the link check reaches the websites."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from somevakt.demo import fake_platforms
from somevakt.demo.loader import load_demo
from somevakt.inbox.models import Item
from somevakt.integrations.credentials import credentials_of
from somevakt.integrations.models import OutboundStatus
from somevakt.integrations.outbound import perform, request
from somevakt.integrations.posts import check_link
from somevakt.publishing import check, services
from somevakt.publishing.models import PostState, PostTarget
from somevakt.registry.closures import add_closure
from somevakt.registry.models import Account

pytestmark = pytest.mark.slow  # loads the whole demo (about 9 s a test)


@pytest.fixture
def demo(db, tmp_path, monkeypatch, settings):
    settings.PLATFORM_RETRY_BACKOFF = 0.0
    settings.MEDIA_ROOT = tmp_path / "media"
    check.forget_links()
    context = load_demo(log=lambda line: None)
    console: list[str] = []
    fakes = fake_platforms.start(tmp_path, context.municipalities.values(), write=console.append)
    for name, value in fakes.env.items():  # as the demo command hands them to the web server and worker
        monkeypatch.setenv(name, value)
    yield context, fakes, console
    fakes.stop()


def adviser_of(context, slug: str):
    return context.people[f"{slug}.kommunikasjon"]


def logged(fakes) -> list[dict]:
    return [json.loads(line) for line in fakes.log_path.read_text(encoding="utf-8").splitlines()]


def test_what_the_demo_sends_reaches_the_fakes_in_the_platforms_formats(demo):
    """One test, as loading the demo takes most of its time."""
    context, fakes, console = demo
    # The demo's posts already out are the pages' own posts on the fake, with their text.
    out = (
        PostTarget.objects.filter(account__platform="facebook").exclude(platform_id="").select_related("post")
    )
    assert out
    for target in out:
        assert fakes.graph.posts[target.platform_id]["own"] is True
        assert fakes.graph.posts[target.platform_id]["message"] == target.post.text
    item = Item.objects.get(platform_id="100063998877003_810001")  # a question on Gausdal's page
    call = request(
        item.account, "reply", item.platform_id, text="Takk for spørsmålet! Hilsen Eva", item_id=item.pk
    )
    assert perform(call.pk) == OutboundStatus.DONE
    assert fakes.graph.replies_to(item.platform_id) == ["Takk for spørsmålet! Hilsen Eva"]
    (sent,) = [c for c in fakes.graph.calls if c.method == "POST"]
    assert sent.path.endswith(f"/{item.platform_id}/comments")
    assert sent.form["message"] == "Takk for spørsmålet! Hilsen Eva"
    assert sent.headers["authorization"].startswith("Bearer ") or sent.form.get("access_token")
    entry = logged(fakes)[-1]
    assert (entry["fake"], entry["method"], entry["status"]) == ("graph", "POST", 200)
    assert entry["form"]["message"] == "Takk for spørsmålet! Hilsen Eva"
    assert "access_token" not in entry["form"] and "access_token" not in entry["query"]
    assert any(f"/{item.platform_id}/comments" in line and "-> 200" in line for line in console)
    # Hiding an Instagram comment works on the same seeded world.
    instagram = Item.objects.get(platform_id="17987766554433001")
    hide = request(instagram.account, "hide", instagram.platform_id, item_id=instagram.pk)
    assert perform(hide.pk) == OutboundStatus.DONE
    assert fakes.graph.is_hidden(instagram.platform_id)
    # A reply to a post that mentions the page is a comment on that post.
    mention = Item.objects.get(platform_id="6603002_930023")
    call = request(mention.account, "reply", mention.platform_id, text="Takk!", item_id=mention.pk)
    assert perform(call.pk) == OutboundStatus.DONE
    on_post = [c["message"] for c in fakes.graph.comments.values() if c["post"] == mention.platform_id]
    assert on_post == ["Takk!"]

    # A closure's notice goes out on the page as a feed post, as Meta takes one.
    page = item.account
    starts = timezone.now()
    closure = add_closure(
        page,
        adviser_of(context, "gausdal"),
        starts,
        starts + dt.timedelta(days=3),
        "Siden er stengt i påsken.",
    )
    closure.refresh_from_db()
    assert perform(closure.notice_call_id) == OutboundStatus.DONE
    notice = next(
        c for c in fakes.graph.calls if c.method == "POST" and c.path.endswith(f"/{page.external_id}/feed")
    )
    assert notice.form["message"].startswith("Siden er stengt i påsken.")
    newest = fakes.graph.own_posts(page.external_id)[0]
    assert newest["message"] == notice.form["message"]

    # On Mastodon: a post with a link to the municipality's website, the check of that link.
    gausdal = context.municipalities["gausdal"]
    adviser = adviser_of(context, "gausdal")
    account = Account.objects.get(municipality=gausdal, platform="mastodon", state="active")
    assert credentials_of(account).base_url == fakes.mastodon[account.external_id].url
    data = services.DraftInput(
        text="Biblioteket holder stengt fredag.",
        accounts=[account],
        media=[],
        link="https://www.gausdal.kommune.no/bibliotek",
    )
    post = services.save_draft(gausdal, adviser, data)
    services.schedule(post, adviser)
    assert services.publish(post.pk) == PostState.PUBLISHED
    instance = fakes.mastodon[account.external_id]
    (status,) = instance.own_statuses()
    assert "Biblioteket holder stengt fredag." in status["content"]
    sent = next(c for c in instance.calls if c.method == "POST" and c.path == "/api/v1/statuses")
    assert sent.headers["authorization"] == f"Bearer {fake_platforms.MASTODON_TOKEN}"
    assert sent.headers["idempotency-key"]
    assert PostTarget.objects.get(post=post).platform_id == status["id"]
    # The website-first check asked the municipality's website over https, through the fake.
    assert any(e["fake"] == "website" and e["host"] == "www.gausdal.kommune.no" for e in logged(fakes))
    assert check_link("https://hustadvika.kommune.no/") == 200
    # Any other site is out of reach, as on a machine without network.
    assert check_link("https://www.example.org/") == 0
    # A reply to a demo toot goes to the status it answers, mentioning its author.
    toot = Item.objects.get(platform_id="113904412345600001")
    call = request(toot.account, "reply", toot.platform_id, text="Takk!", item_id=toot.pk)
    assert perform(call.pk) == OutboundStatus.DONE
    romskog = fakes.mastodon[toot.account.external_id]
    reply = next(c for c in romskog.calls if c.method == "POST" and c.path == "/api/v1/statuses")
    assert reply.form["in_reply_to_id"] == toot.platform_id
    assert reply.form["status"] == "@fjellrev@social.example Takk!"
    # Without the fakes (--no-fake-platforms, --load-only) the credentials for them are forgotten.
    assert fake_platforms.disconnect(context.municipalities.values()) == fakes.connected == 13
    assert not Account.objects.exclude(sealed_credentials="").exists()
