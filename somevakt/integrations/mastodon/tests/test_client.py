from somevakt.integrations.fakes.mastodon import DEFAULT_TOKEN, FakeMastodon
from somevakt.integrations.fakes.server import Response
from somevakt.integrations.http import RetryPolicy
from somevakt.integrations.mastodon.client import MastodonClient


def test_it_retries_a_server_error_and_reads_mentions_oldest_first() -> None:
    with FakeMastodon() as instance:
        ids = [instance.mention(f"nr {n}")["id"] for n in range(3)]
        instance.fail_next(Response(503, {"error": "Service Unavailable"}))
        with MastodonClient(
            instance.url, DEFAULT_TOKEN, retry=RetryPolicy(3, sleep=lambda _: None)
        ) as client:
            notifications = client.mentions_after()
    assert [n["status"]["id"] for n in notifications] == ids
    assert len(instance.calls) == 2
    assert all(c.headers["authorization"] == f"Bearer {DEFAULT_TOKEN}" for c in instance.calls)
