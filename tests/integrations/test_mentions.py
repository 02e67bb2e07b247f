"""A Facebook mention that arrived without its words gets them from the post."""

from __future__ import annotations

from somevakt.inbox.models import Item
from somevakt.integrations.deliveries import process
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph
from somevakt.integrations.fakes.meta_payloads import page_delivery, page_mention
from somevakt.integrations.mentions import fill_mention_texts
from tests.integrations.conftest import PAGE, store, with_credentials


def test_it_reads_the_words_of_a_mention_for_triage(
    account, settings, django_capture_on_commit_callbacks
) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    process([store(page_delivery(PAGE, page_mention(PAGE, "5550003_77"))).pk])
    item = Item.objects.get()
    assert (item.kind, item.text) == ("mention", "")
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_post_by_other("5550003_77", "Kommunen må brøyte Follebuvegen før skolebussen kommer!")
        with django_capture_on_commit_callbacks(execute=True):
            assert fill_mention_texts() == 1
        assert fill_mention_texts() == 0  # it has its words now
    item.refresh_from_db()
    assert item.text == "Kommunen må brøyte Follebuvegen før skolebussen kommer!"
    assert [e.type for e in item.events.order_by("id")][-1] == "edited"
    assert item.status.triage_pending  # the worker triages the words like any new text


def test_it_leaves_a_mention_it_may_not_read_as_it_is(account, settings) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    process([store(page_delivery(PAGE, page_mention(PAGE, "5550003_78"))).pk])
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        assert fill_mention_texts() == 0  # the fake does not know the post: Graph's "does not exist"
    assert Item.objects.get().text == ""
