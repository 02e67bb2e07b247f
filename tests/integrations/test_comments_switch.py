"""Comments off on an Instagram account's media while it is closed, and on again on exactly those
(Gausdal 2), through the outbound gateway against the fake Graph API in its real format."""

from __future__ import annotations

import pytest

from somevakt.inbox.ports import COMMENTS_OFF, COMMENTS_ON
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph, server_error
from somevakt.integrations.models import OutboundCall, OutboundStatus
from somevakt.integrations.outbound import capabilities, perform, request
from tests.integrations.conftest import INSTAGRAM, with_credentials

MEDIA = ("17900000000000001", "17900000000000002", "17900000000000003")


@pytest.fixture
def graph(settings):
    with FakeGraph() as fake:
        settings.META_GRAPH_URL = fake.url
        fake.add_instagram_account(INSTAGRAM)
        for media_id in MEDIA:
            fake.add_media(INSTAGRAM, media_id)
        # Someone had turned comments off on this one already: it must stay off afterwards.
        fake.posts[MEDIA[0]]["comment_enabled"] = False
        yield fake


def switches(graph: FakeGraph) -> list[tuple[str, str]]:
    """(media id, comment_enabled) of each comment switch that reached the fake, in order."""
    return [
        (call.path.rsplit("/", 1)[-1], call.param("comment_enabled"))
        for call in graph.calls
        if call.method == "POST" and call.form.get("comment_enabled")
    ]


def test_only_instagram_lets_somevakt_turn_comments_off() -> None:
    assert capabilities("instagram", "account").allows(COMMENTS_OFF)
    assert capabilities("instagram", "account").allows(COMMENTS_ON)
    for platform in ("facebook", "mastodon", "file"):
        assert not capabilities(platform, "account").allows(COMMENTS_OFF)


def test_comments_go_off_on_each_media_and_back_on_only_where_we_turned_them_off(
    instagram_account, graph
) -> None:
    with_credentials(instagram_account, DEFAULT_TOKEN)
    off = request(instagram_account, COMMENTS_OFF, "", kind="account")
    assert perform(off.pk) == OutboundStatus.DONE
    assert switches(graph) == [(MEDIA[2], "false"), (MEDIA[1], "false")]
    assert not any(graph.comments_enabled(m) for m in MEDIA)
    off.refresh_from_db()
    assert off.progress["off"] == [MEDIA[2], MEDIA[1]] and off.result_id == "2"

    on = request(instagram_account, COMMENTS_ON, str(off.pk), kind="account")
    assert perform(on.pk) == OutboundStatus.DONE
    assert switches(graph)[2:] == [(MEDIA[2], "true"), (MEDIA[1], "true")]
    assert graph.comments_enabled(MEDIA[1]) and graph.comments_enabled(MEDIA[2])
    assert not graph.comments_enabled(MEDIA[0])  # as it was before the closure
    # Authorised by the page's token in the header, never in the URL.
    assert all(c.headers["authorization"] == f"Bearer {DEFAULT_TOKEN}" for c in graph.calls)


def test_a_retry_goes_on_where_the_platform_stopped_answering(instagram_account, graph) -> None:
    with_credentials(instagram_account, DEFAULT_TOKEN)
    off = request(instagram_account, COMMENTS_OFF, "", kind="account")
    # The list and the first media go through; the second media's call fails three times over
    # (the client's own quick retries), so the call is tried again later.
    original = graph.route

    def failing_second(req):
        if req.method == "POST" and req.path.endswith(MEDIA[1]):
            return server_error()
        return original(req)

    graph.route = failing_second  # type: ignore[method-assign]
    assert perform(off.pk) == OutboundStatus.PENDING
    off.refresh_from_db()
    assert off.progress["off"] == [MEDIA[2]]
    graph.route = original  # type: ignore[method-assign]
    assert perform(off.pk) == OutboundStatus.DONE
    off.refresh_from_db()
    assert off.progress["off"] == [MEDIA[2], MEDIA[1]]
    assert [m for m, v in switches(graph) if v == "false"].count(MEDIA[2]) == 1  # not asked twice


def test_turning_on_stops_a_turn_off_still_waiting_and_skips_media_deleted_meanwhile(
    instagram_account, graph
) -> None:
    with_credentials(instagram_account, DEFAULT_TOKEN)
    off = request(instagram_account, COMMENTS_OFF, "", kind="account")
    OutboundCall.objects.filter(pk=off.pk).update(progress={"off": [MEDIA[2], MEDIA[1]]})
    graph.posts[MEDIA[2]]["comment_enabled"] = False
    graph.posts[MEDIA[1]]["deleted"] = True
    on = request(instagram_account, COMMENTS_ON, str(off.pk), kind="account")
    assert perform(on.pk) == OutboundStatus.DONE
    off.refresh_from_db()
    on.refresh_from_db()
    assert off.status == OutboundStatus.LOCAL  # never run after the closure ended
    assert perform(off.pk) == OutboundStatus.LOCAL
    assert on.progress == {"on": [MEDIA[2]], "gone": [MEDIA[1]]}
    assert graph.comments_enabled(MEDIA[2])


def test_without_credentials_it_fails_for_good_with_the_reason(instagram_account) -> None:
    off = request(instagram_account, COMMENTS_OFF, "", kind="account")
    assert perform(off.pk) == OutboundStatus.FAILED
    off.refresh_from_db()
    assert off.failure == "no_credentials"


def test_a_turn_off_still_running_when_the_closure_ended_is_undone_once_it_finishes(
    instagram_account, graph
) -> None:
    with_credentials(instagram_account, DEFAULT_TOKEN)
    off = request(instagram_account, COMMENTS_OFF, "", kind="account")
    # The worker has turned off the newest media and goes on with the rest ...
    OutboundCall.objects.filter(pk=off.pk).update(progress={"off": [MEDIA[2]]}, attempts=1)
    graph.posts[MEDIA[2]]["comment_enabled"] = False
    # ... when the closure ends: the turn-on reads the list as it stands.
    on = request(instagram_account, COMMENTS_ON, str(off.pk), kind="account")
    assert perform(on.pk) == OutboundStatus.DONE
    # The running worker finishes (it had passed its own check before the turn-on stopped it).
    OutboundCall.objects.filter(pk=off.pk).update(status=OutboundStatus.PENDING)
    assert perform(off.pk) == OutboundStatus.DONE
    assert not graph.comments_enabled(MEDIA[1])
    again = OutboundCall.objects.filter(op=COMMENTS_ON, platform_id=str(off.pk)).exclude(pk=on.pk).get()
    assert perform(again.pk) == OutboundStatus.DONE
    assert graph.comments_enabled(MEDIA[1]) and graph.comments_enabled(MEDIA[2])
    assert not graph.comments_enabled(MEDIA[0])
