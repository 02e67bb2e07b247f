"""Reconciling with the platform: what the webhook missed is ingested, what arrived changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.utils import timezone

from somevakt.inbox.models import Item
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph
from somevakt.integrations.fakes.mastodon import DEFAULT_TOKEN as MASTODON_TOKEN
from somevakt.integrations.fakes.mastodon import FakeMastodon
from somevakt.integrations.reconcile import reconcile, reconcile_all
from tests.integrations.conftest import PAGE, with_credentials


def test_it_ingests_the_comments_the_webhook_missed_and_only_those(account, settings) -> None:
    now = datetime.now(UTC)
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_comment(PAGE, f"{PAGE}_1", "1_1", "Kom med webhook", created=now - timedelta(minutes=5))
        graph.add_comment(PAGE, f"{PAGE}_1", "1_2", "Kom aldri", created=now - timedelta(minutes=3))
        with_credentials(account, DEFAULT_TOKEN)
        from somevakt.inbox.ingest import ingest_comment
        from somevakt.integrations.facebook.adapter import FacebookAdapter

        arrived = FacebookAdapter(PAGE, None).from_graph(
            graph._facebook_view(graph.comments["1_1"]), f"{PAGE}_1", ""
        )
        ingest_comment(account, arrived)
        assert reconcile(account.pk) == 1
        assert reconcile(account.pk) == 0
    assert sorted(Item.objects.values_list("platform_id", flat=True)) == ["1_1", "1_2"]
    account.refresh_from_db()
    assert account.reconciled_at is not None
    assert account.last_delivery_at is not None


def test_it_polls_mastodon_from_where_it_stopped(mastodon_account) -> None:
    with FakeMastodon() as instance:
        with_credentials(mastodon_account, MASTODON_TOKEN, instance.url)
        instance.mention("Første")
        assert reconcile_all(("mastodon",)) == {mastodon_account.pk: 1}
        instance.mention("Andre")
        assert reconcile_all(("mastodon",)) == {mastodon_account.pk: 1}
        assert reconcile_all(("mastodon",)) == {mastodon_account.pk: 0}
        mastodon_account.refresh_from_db()
        assert mastodon_account.fetch_cursor == instance.notifications[-1]["id"]
        assert instance.calls[-1].param("min_id") == mastodon_account.fetch_cursor
    assert Item.objects.filter(account=mastodon_account).count() == 2


def test_it_goes_on_with_other_accounts_when_one_fails(account, mastodon_account, settings) -> None:
    with FakeMastodon() as instance:
        with_credentials(mastodon_account, "revoked", instance.url)
        results = reconcile_all(("mastodon", "facebook"))
    assert list(results) == [mastodon_account.pk]  # the Facebook account has no credentials
    assert str(results[mastodon_account.pk]).startswith("error: Mastodon answered HTTP 401")


def test_it_looks_back_a_limited_time_on_the_first_run(account, settings) -> None:
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_comment(PAGE, f"{PAGE}_1", "old", "Gammel", created=timezone.now() - timedelta(days=30))
        with_credentials(account, DEFAULT_TOKEN)
        assert reconcile(account.pk) == 0
