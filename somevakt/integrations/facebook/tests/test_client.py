"""The Graph client: errors in Meta's format, retries on transient trouble only."""

from __future__ import annotations

import pytest

from somevakt.inbox.ports import PlatformError
from somevakt.integrations.facebook.client import GraphClient
from somevakt.integrations.fakes.graph import (
    DEFAULT_TOKEN,
    FakeGraph,
    rate_limited,
    server_error,
    token_expired,
    transient_error,
)
from somevakt.integrations.http import RetryPolicy

PAGE = "100063998877003"


def client(graph: FakeGraph, token: str = DEFAULT_TOKEN, attempts: int = 3) -> GraphClient:
    pauses: list[float] = []
    made = GraphClient(
        token, base_url=graph.url, version="v23.0", retry=RetryPolicy(attempts, sleep=pauses.append)
    )
    made.pauses = pauses  # type: ignore[attr-defined]
    return made


def test_it_retries_transient_errors_and_then_succeeds() -> None:
    with FakeGraph() as graph:
        graph.add_comment(PAGE, f"{PAGE}_1", "1_1", "Hei")
        graph.fail_next(server_error(), transient_error())
        made = client(graph)
        assert made.post("1_1", is_hidden=True) == {"success": True}
    assert len(graph.calls) == 3
    assert made.pauses == [0.5, 1.0]  # type: ignore[attr-defined]


def test_it_gives_up_after_its_attempts_with_a_transient_error() -> None:
    with FakeGraph() as graph:
        graph.fail_next(rate_limited(), rate_limited(), rate_limited())
        with pytest.raises(PlatformError) as raised:
            client(graph).post("1_1", is_hidden=True)
    assert not raised.value.permanent
    assert "Graph API error 32" in str(raised.value)
    assert len(graph.calls) == 3


def test_it_does_not_retry_a_permanent_error() -> None:
    with FakeGraph() as graph:
        graph.fail_next(token_expired())
        with pytest.raises(PlatformError) as raised:
            client(graph).delete("1_1")
    assert raised.value.permanent
    assert raised.value.status == 400
    assert "190/463" in str(raised.value) and "fbtrace_id" in str(raised.value)
    assert len(graph.calls) == 1


def test_it_treats_a_wrong_token_as_permanent_and_never_shows_the_token() -> None:
    with FakeGraph() as graph:
        with pytest.raises(PlatformError) as raised:
            client(graph, token="revoked-secret-token").get(f"{PAGE}/feed")
    assert raised.value.permanent
    assert "revoked-secret-token" not in str(raised.value)


def test_it_treats_an_unreachable_server_as_transient() -> None:
    with FakeGraph() as graph:
        url = graph.url
    made = GraphClient(DEFAULT_TOKEN, base_url=url, retry=RetryPolicy(2, sleep=lambda _: None), timeout=2)
    with pytest.raises(PlatformError) as raised:
        made.get("me")
    assert not raised.value.permanent
    assert DEFAULT_TOKEN not in str(raised.value)


def test_it_follows_paging_cursors() -> None:
    with FakeGraph() as graph:
        for number in range(5):
            graph.add_comment(PAGE, f"{PAGE}_1", f"1_{number}", f"Kommentar {number}")
        rows = client(graph).pages(f"{PAGE}_1/comments", limit=2)
    assert sorted(row["id"] for row in rows) == [f"1_{n}" for n in range(5)]
    assert len(graph.calls) == 3
