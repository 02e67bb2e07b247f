"""Meta takes no idempotency key: a post whose answer was lost is looked for on the platform and
adopted on the next attempt, never posted twice (closure notices and the publishing app's posts)."""

from __future__ import annotations

import pytest

from somevakt.inbox.ports import MAYBE_SENT, NOTICE, OutgoingMedia, OutgoingPost, PlatformError
from somevakt.integrations import posts
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph, error, server_error
from somevakt.integrations.models import OutboundCall, OutboundStatus
from somevakt.integrations.outbound import perform, request, sweep_stuck
from tests.integrations.conftest import INSTAGRAM, PAGE, with_credentials

NOTICE_TEXT = "Siden er stengt i fellesferien.\n\nStengt fra 6. juli 2026 til og med 31. juli 2026."
PICTURE = b"\xff\xd8\xff\xe0 not much of a jpeg"


@pytest.fixture
def graph(settings):
    with FakeGraph(fetch=lambda url: (200, "image/jpeg", PICTURE)) as fake:
        settings.META_GRAPH_URL = fake.url
        fake.add_page(PAGE)
        fake.add_instagram_account(INSTAGRAM)
        yield fake


def creating(graph: FakeGraph, edge: str) -> int:
    return sum(1 for c in graph.calls if c.method == "POST" and c.path.endswith(f"/{edge}"))


def test_a_notice_whose_answer_was_lost_is_found_on_the_page_and_not_posted_again(account, graph) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, NOTICE, "", text=NOTICE_TEXT, kind="account")
    graph.lose_answer("POST", f"/{PAGE}/feed")
    assert perform(call.pk) == OutboundStatus.PENDING  # made on the page, but we never heard
    call.refresh_from_db()
    assert MAYBE_SENT in call.progress
    assert len(graph.own_posts(PAGE)) == 1

    assert perform(call.pk) == OutboundStatus.DONE
    call.refresh_from_db()
    (on_page,) = graph.own_posts(PAGE)
    assert call.result_id == on_page["id"] and on_page["message"] == NOTICE_TEXT
    assert creating(graph, "feed") == 1  # the retry read the feed instead of posting
    assert MAYBE_SENT not in call.progress


def test_a_5xx_that_made_nothing_is_posted_once_on_the_next_attempt(account, graph) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, NOTICE, "", text=NOTICE_TEXT, kind="account")
    graph.fail_next(server_error())  # answered, but not cleanly: it may or may not have posted
    assert perform(call.pk) == OutboundStatus.PENDING
    assert graph.own_posts(PAGE) == [] and creating(graph, "feed") == 1  # sent once, not three times
    assert perform(call.pk) == OutboundStatus.DONE
    assert len(graph.own_posts(PAGE)) == 1 and creating(graph, "feed") == 2


def test_a_clean_refusal_is_not_looked_for_and_a_visitors_post_with_the_same_words_is_not_ours(
    account, graph
) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    graph.add_visitor_post(PAGE, f"{PAGE}_77", NOTICE_TEXT)
    graph.feeds[PAGE].insert(0, f"{PAGE}_77")  # it shows in the page's feed too
    progress: dict = {}
    graph.fail_next(error(368, "The action attempted has been deemed abusive", "OAuthException"))
    with pytest.raises(PlatformError):
        posts.publish(account, OutgoingPost(text=NOTICE_TEXT), progress)
    assert MAYBE_SENT not in progress  # a 4xx: Meta made nothing
    progress[MAYBE_SENT] = "2000-01-01T00:00:00+00:00"
    published = posts.publish(account, OutgoingPost(text=NOTICE_TEXT), progress)
    assert published.platform_id != f"{PAGE}_77"
    assert [p["id"] for p in graph.own_posts(PAGE)] == [published.platform_id]


def test_an_instagram_post_whose_publish_answer_was_lost_is_adopted(instagram_account, graph) -> None:
    with_credentials(instagram_account, DEFAULT_TOKEN)
    post = OutgoingPost(
        text="Skidagen var en suksess!",
        media=(OutgoingMedia(path="", url="https://kommune.example/bilde.jpg", alt_text="Elever på ski"),),
    )
    progress: dict = {}  # kept across attempts, as the publishing app keeps it on the post
    graph.lose_answer("POST", "/media_publish")
    with pytest.raises(PlatformError) as lost:
        posts.publish(instagram_account, post, progress)
    assert not lost.value.permanent and MAYBE_SENT in progress
    published = posts.publish(instagram_account, post, progress)
    (on_instagram,) = graph.own_posts(INSTAGRAM)
    assert published.platform_id == on_instagram["id"]
    assert published.permalink == on_instagram["permalink"]
    assert creating(graph, "media_publish") == 1 and creating(graph, "media") == 1


def test_a_notice_left_by_a_dead_worker_is_looked_for_before_it_is_sent_again(account, graph) -> None:
    from datetime import timedelta

    from django.utils import timezone

    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, NOTICE, "", text=NOTICE_TEXT, kind="account")
    # The worker posted it and died before it could note anything.
    graph.lose_answer("POST", f"/{PAGE}/feed")
    from somevakt.integrations.facebook.client import GraphClient

    with GraphClient(DEFAULT_TOKEN, base_url=graph.url) as client, pytest.raises(PlatformError):
        client.create(f"{PAGE}/feed", message=NOTICE_TEXT)
    OutboundCall.objects.filter(pk=call.pk).update(
        attempts=1, attempted_at=timezone.now() - timedelta(hours=1)
    )
    assert sweep_stuck() == 1
    assert perform(call.pk) == OutboundStatus.DONE
    assert len(graph.own_posts(PAGE)) == 1 and creating(graph, "feed") == 1


def test_a_publishing_post_whose_answer_was_lost_is_adopted_when_a_person_tries_again(
    municipality, owner, account, graph
) -> None:
    from somevakt.publishing import services
    from somevakt.publishing.models import PostState, PostTarget, TargetState

    with_credentials(account, DEFAULT_TOKEN)
    data = services.DraftInput(
        text="Biblioteket holder stengt mandag.", accounts=[account], media=[], no_link_reason="Kort beskjed"
    )
    post = services.save_draft(municipality, owner, data)
    services.schedule(post, owner)
    graph.lose_answer("POST", f"/{PAGE}/feed")
    assert services.publish(post.pk) == PostState.FAILED  # made on the page, but we never heard
    target = PostTarget.objects.get(post=post)
    assert target.failure == "unavailable" and MAYBE_SENT in target.progress
    services.retry(post, owner)
    assert services.publish(post.pk) == PostState.PUBLISHED
    target.refresh_from_db()
    (on_page,) = graph.own_posts(PAGE)
    assert (target.state, target.platform_id) == (TargetState.DONE, on_page["id"])
    assert creating(graph, "feed") == 1
