"""Processing stored deliveries into inbox items: idempotent, and nothing lost when a worker dies."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from somevakt.inbox.models import Item, ItemEvent
from somevakt.integrations import deliveries
from somevakt.integrations.deliveries import MAX_ATTEMPTS, drain, process, sweep_stored
from somevakt.integrations.fakes.meta_payloads import (
    feed_comment,
    instagram_comment,
    instagram_delivery,
    messenger_delivery,
    messenger_message,
    page_delivery,
    page_mention,
    page_rating,
    visitor_post,
)
from somevakt.integrations.models import Delivery, DeliveryStatus
from somevakt.registry.models import AccountAlert, AccountState, AlertKind
from tests.integrations.conftest import INSTAGRAM, PAGE, store


def process_delivery(delivery_id: int) -> str:
    """One delivery processed as a batch of one (as the sweep does); its status afterwards."""
    process([delivery_id])
    return Delivery.objects.filter(pk=delivery_id).values_list("status", flat=True).first() or "missing"


def test_it_turns_a_comment_into_a_triaged_item(account) -> None:
    delivery = store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket?")))
    assert process_delivery(delivery.pk) == DeliveryStatus.PROCESSED
    item = Item.objects.get()
    assert (item.account, item.platform_id, item.text) == (account, "1_1", "Når åpner biblioteket?")
    assert item.delivery_id == delivery.pk
    assert list(ItemEvent.objects.filter(item=item).values_list("type", flat=True)) == ["received", "triaged"]
    assert item.status.action == "reply"  # a question, under the municipality's guideline
    assert item.status.due is not None
    delivery.refresh_from_db()
    assert (delivery.status, delivery.comments, delivery.error) == (DeliveryStatus.PROCESSED, 1, "")
    account.refresh_from_db()
    assert account.last_delivery_at == delivery.processed_at


def test_it_maps_instagram_deliveries_to_the_instagram_account(account, instagram_account) -> None:
    delivery = store(instagram_delivery(INSTAGRAM, instagram_comment("c1", "Fint bilde!")))
    process_delivery(delivery.pk)
    assert Item.objects.get().account == instagram_account


def test_it_adds_nothing_for_a_redelivery(account) -> None:
    payload = page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei"))
    first, again = store(payload), store(payload)
    process_delivery(first.pk)
    process_delivery(again.pk)
    process_delivery(first.pk)  # the same delivery processed twice
    assert Item.objects.count() == 1
    assert list(ItemEvent.objects.values_list("type", flat=True)) == ["received", "triaged"]


def test_it_passes_edits_and_removals_to_the_inbox(account) -> None:
    process_delivery(store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei"))).pk)
    process_delivery(store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei igjen", verb="edited"))).pk)
    process_delivery(store(page_delivery(PAGE, feed_comment(PAGE, "1_1", verb="remove"))).pk)
    item = Item.objects.get()
    assert item.text == "Hei igjen"
    assert list(ItemEvent.objects.filter(item=item).values_list("type", flat=True)) == [
        "received",
        "triaged",
        "edited",
        "triaged",  # the new text is triaged again
        "deleted",
    ]


def test_it_notes_comments_for_pages_it_does_not_know(account) -> None:
    delivery = store(page_delivery("404404", feed_comment("404404", "9_9", "Hei")))
    assert process_delivery(delivery.pk) == DeliveryStatus.PROCESSED
    delivery.refresh_from_db()
    assert delivery.error == "no account for facebook 404404"
    assert not Item.objects.exists()


def test_it_delivers_nothing_to_a_retired_account(account) -> None:
    account.state = AccountState.RETIRED
    account.save()
    process_delivery(store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei"))).pk)
    assert not Item.objects.exists()


def test_it_rejects_json_that_is_not_a_delivery_and_raises_an_alert(account) -> None:
    delivery = store({"object": "page", "entry": [{"changes": []}]})
    assert process_delivery(delivery.pk) == DeliveryStatus.REJECTED
    delivery.refresh_from_db()
    assert delivery.error == "entry 0 has no id"
    assert AccountAlert.objects.filter(kind=AlertKind.REJECTED_DELIVERY, delivery_id=delivery.pk).exists()


def test_it_processes_deliveries_left_behind_by_a_worker_that_died(account) -> None:
    # Stored and acknowledged, but the worker never got to it.
    delivery = store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei")))
    assert sweep_stored(older_than=timedelta(minutes=5)) == 0  # too fresh: the ingest loop may still take it
    assert sweep_stored(older_than=timedelta(0)) == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PROCESSED
    assert Item.objects.count() == 1


def test_it_gives_up_on_a_delivery_that_keeps_failing(account) -> None:
    delivery = store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei")))
    Delivery.objects.filter(pk=delivery.pk).update(attempts=MAX_ATTEMPTS)
    sweep_stored(older_than=timedelta(0))
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REJECTED
    assert "failed 5 times" in delivery.error
    assert AccountAlert.objects.filter(delivery_id=delivery.pk).exists()


@pytest.mark.parametrize("verb", ["hide", "unhide"])
def test_it_ignores_moderation_of_comments_it_never_saw(account, verb) -> None:
    delivery = store(page_delivery(PAGE, feed_comment(PAGE, "1_1", verb=verb)))
    assert process_delivery(delivery.pk) == DeliveryStatus.PROCESSED
    assert not Item.objects.exists()


def test_it_drains_fresh_deliveries_in_one_batch_and_triages_their_items(account) -> None:
    deliveries = [
        store(page_delivery(PAGE, feed_comment(PAGE, f"1_{n}", "Når åpner biblioteket?"))) for n in range(3)
    ]
    assert drain() == 3
    assert drain() == 0
    for delivery in deliveries:
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.PROCESSED
        assert delivery.attempts == 1
        assert process_delivery(delivery.pk) == DeliveryStatus.PROCESSED  # again: nothing left to do
    assert Item.objects.count() == 3
    assert ItemEvent.objects.filter(type="triaged", actor_label="worker").count() == 3
    assert ItemEvent.objects.filter(type="received").count() == 3


def test_it_leaves_a_delivery_tried_before_to_the_sweep(account) -> None:
    delivery = store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei")))
    Delivery.objects.filter(pk=delivery.pk).update(attempts=1)
    assert drain() == 0
    assert sweep_stored(older_than=timedelta(0)) == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PROCESSED


def again(payload: dict) -> dict:
    """The same change delivered again in a new envelope (a later `time`): other bytes."""
    copy = json.loads(json.dumps(payload))
    copy["entry"][0]["time"] += 1
    return copy


def test_it_drains_redeliveries_of_one_comment_into_one_item(account) -> None:
    body = page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket?"))
    store(body)
    store(again(body))
    assert drain() == 2
    assert Item.objects.count() == 1
    assert ItemEvent.objects.filter(type="triaged").count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL refuses NUL in text; SQLite keeps it"
)
def test_it_keeps_the_good_deliveries_of_a_batch_when_one_fails(account) -> None:
    good = store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket?")))
    bad = store(page_delivery(PAGE, feed_comment(PAGE, "1_2", "Hei\x00")))
    assert drain() == 2
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.status == DeliveryStatus.PROCESSED
    assert bad.status == DeliveryStatus.STORED  # for the sweep, which counts its attempts
    assert bad.attempts == 1
    assert list(Item.objects.values_list("platform_id", flat=True)) == ["1_1"]
    assert ItemEvent.objects.filter(type="triaged").count() == 1


def test_it_keeps_the_good_deliveries_of_a_batch_when_the_inbox_fails_on_one(account, monkeypatch) -> None:
    receive_many = deliveries.receive_many

    def failing_on_boom(incoming, **kwargs):
        if any("BOOM" in comment.text for _account, comment, _delivery in incoming):
            raise RuntimeError("the inbox failed")
        return receive_many(incoming, **kwargs)

    monkeypatch.setattr(deliveries, "receive_many", failing_on_boom)
    good = store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket?")))
    bad = store(page_delivery(PAGE, feed_comment(PAGE, "1_2", "BOOM")))
    also_good = store(page_delivery(PAGE, feed_comment(PAGE, "1_3", "Takk for hjelpen!")))
    assert drain() == 3
    for delivery in (good, bad, also_good):
        delivery.refresh_from_db()
    assert (good.status, also_good.status) == (DeliveryStatus.PROCESSED, DeliveryStatus.PROCESSED)
    assert (bad.status, bad.attempts) == (DeliveryStatus.STORED, 1)  # the sweep tries it again
    assert sorted(Item.objects.values_list("platform_id", flat=True)) == ["1_1", "1_3"]
    assert ItemEvent.objects.filter(type="triaged").count() == 2
    monkeypatch.setattr(deliveries, "receive_many", receive_many)
    assert sweep_stored(older_than=timedelta(0)) == 1
    bad.refresh_from_db()
    assert (bad.status, bad.attempts) == (DeliveryStatus.PROCESSED, 2)


def test_it_drains_a_mixed_batch(account, instagram_account) -> None:
    question = page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket?"))
    two = page_delivery(PAGE, feed_comment(PAGE, "1_3", "Det lurer jeg også på", parent_id="1_1"))
    two["entry"].append({"id": PAGE, "time": 0, "changes": [feed_comment(PAGE, "1_4", "Takk for svar!")]})
    stored = [
        store(question),
        store(page_delivery(PAGE, feed_comment(PAGE, "1_2", "Tusen takk til hjemmetjenesten!"))),
        store(again(question)),  # Meta delivers again
        store(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket igjen?", verb="edited"))),
        store(page_delivery(PAGE, feed_comment(PAGE, "1_2", verb="remove"))),
        store(page_delivery("404404", feed_comment("404404", "9_9", "Hei"))),  # a page we do not have
        store({"object": "page", "entry": [{"changes": []}]}),  # JSON, but no delivery
        store(two),
        store(page_delivery(PAGE, feed_comment(PAGE, "1_9", verb="hide"))),  # never seen
        store(instagram_delivery(INSTAGRAM, instagram_comment("c1", "Fint bilde! Ring meg på 912 34 567"))),
        store(page_delivery(PAGE, feed_comment(PAGE, "1_4", verb="hide"))),
    ]
    assert drain() == len(stored)
    outcome = list(Delivery.objects.order_by("id").values_list("status", "comments", "error"))
    assert outcome[5:7] == [
        ("processed", 0, "no account for facebook 404404"),
        ("rejected", 0, "entry 0 has no id"),
    ]
    assert {status for status, _comments, _error in outcome} == {"processed", "rejected"}
    items = {item.platform_id: item for item in Item.objects.all()}
    assert sorted(items) == ["1_1", "1_2", "1_3", "1_4", "c1"]
    assert all(item.events.filter(type="triaged").exists() for item in items.values())
    assert items["1_1"].text == "Når åpner biblioteket igjen?"
    assert [e.type for e in items["1_1"].events.all()] == ["received", "edited", "triaged"]
    assert items["1_2"].status.deleted and items["1_4"].status.hidden
    assert items["1_3"].parent == items["1_1"]
    assert items["c1"].account == instagram_account
    assert AccountAlert.objects.filter(kind=AlertKind.REJECTED_DELIVERY, delivery_id=stored[6].pk).exists()
    call_command("rebuild-status", "--check")


def test_it_drains_a_batch_in_the_same_few_queries_however_many_deliveries(account) -> None:
    def queries_for(count: int, start: int) -> int:
        for n in range(start, start + count):
            store(page_delivery(PAGE, feed_comment(PAGE, f"1_{n}", f"Når åpner biblioteket igjen, nr. {n}?")))
        with CaptureQueriesContext(connection) as queries:
            assert drain() == count
        return len(queries)

    few, many = queries_for(3, 0), queries_for(40, 100)
    # A few more only where SQLite's limit on parameters splits a long INSERT in two.
    assert few <= 30
    assert many <= few + 2
    assert Item.objects.count() == 43
    assert ItemEvent.objects.filter(type="triaged").count() == 43


def test_it_turns_every_kind_of_inquiry_into_a_triaged_item_of_its_kind(account) -> None:
    changes = store(
        page_delivery(
            PAGE,
            visitor_post(PAGE, f"{PAGE}_71", "Når blir veien ved skolen brøytet?"),
            feed_comment(PAGE, "71_1", "Lurer på det samme", post_id=f"{PAGE}_71"),
            page_mention(PAGE, "5550003_72"),
            page_rating(PAGE, "Takk for rask hjelp på servicetorget!"),
        )
    )
    messages = store(messenger_delivery(PAGE, messenger_message(PAGE, "m_73", "Når er legevakten åpen?")))
    process([changes.pk, messages.pk])
    kinds = dict(Item.objects.values_list("platform_id", "kind"))
    assert kinds == {
        f"{PAGE}_71": "post",
        "71_1": "comment",
        "5550003_72": "mention",
        "1911000000000001": "review",
        "m_73": "message",
    }
    post = Item.objects.get(platform_id=f"{PAGE}_71")
    assert post.status.action == "reply" and post.status.due is not None  # a question, with its deadline
    message = Item.objects.get(platform_id="m_73")
    assert message.status.action == "reply" and message.status.due is not None
    assert Item.objects.get(kind="review").status.action == "thank"


def test_it_names_what_was_not_for_the_inbox_in_the_deliverys_note(account) -> None:
    unknown = {"field": "leadgen", "value": {"leadgen_id": "1"}}
    fundraiser = {"field": "feed", "value": {"item": "fundraiser", "verb": "add", "post_id": "x"}}
    delivery = store(page_delivery(PAGE, unknown, unknown, fundraiser, feed_comment(PAGE, "74_1", "Hei")))
    assert process_delivery(delivery.pk) == DeliveryStatus.PROCESSED
    delivery.refresh_from_db()
    assert delivery.error == "not for the inbox: feed item 'fundraiser', field 'leadgen' ×2"
    assert delivery.comments == 1
    assert bytes(delivery.body)  # the raw delivery is kept with its note


def test_it_applies_no_replayed_older_delivery_and_says_so(account) -> None:
    original = page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket?"))
    edit = page_delivery(PAGE, feed_comment(PAGE, "1_1", "Når åpner biblioteket igjen?", verb="edited"))
    original["entry"][0]["time"], edit["entry"][0]["time"] = 1772614800, 1772614900
    captured_old_edit = page_delivery(PAGE, feed_comment(PAGE, "1_1", "Tekst fra før", verb="edited"))
    captured_old_edit["entry"][0]["time"] = 1772614850
    process([store(original).pk, store(edit).pk])
    replay = store(captured_old_edit)
    process([replay.pk])
    item = Item.objects.get()
    assert item.text == "Når åpner biblioteket igjen?"
    replay.refresh_from_db()
    assert replay.error == "older than what we have, not applied: 1_1"


def test_the_deliveries_page_counts_what_was_not_for_the_inbox(account) -> None:
    # Issue 16: nothing dropped silently. The installation's operators see, by kind, what the
    # platform sent that the inbox does not take (an unknown field means a subscription to look at).
    from tests.conftest import make_person
    from tests.factories import logged_in

    unknown = {"field": "leadgen", "value": {"leadgen_id": "1"}}
    fundraiser = {"field": "feed", "value": {"item": "fundraiser", "verb": "add", "post_id": "x"}}
    for payload in (page_delivery(PAGE, unknown, unknown, fundraiser), page_delivery(PAGE, unknown)):
        process_delivery(store(payload).pk)
    operator = logged_in(make_person("drift", is_staff=True, is_superuser=True))
    page = operator.get("/admin/integrations/delivery/", follow=True).content.decode()
    assert "field &#x27;leadgen&#x27; ×3" in page and "feed item &#x27;fundraiser&#x27; ×1" in page
    only = operator.get("/admin/integrations/delivery/?unhandled=yes").content.decode()
    assert only.count('<td class="field-error">not for the inbox') == 2
