"""Outbound platform calls: run by the worker, retried on transient trouble, else failed for good."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from somevakt.inbox.ports import OPERATIONS
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph, error, server_error, token_expired
from somevakt.integrations.fakes.mastodon import DEFAULT_TOKEN as MASTODON_TOKEN
from somevakt.integrations.fakes.mastodon import FakeMastodon
from somevakt.integrations.models import OutboundCall, OutboundStatus
from somevakt.integrations.outbound import (
    capabilities,
    perform,
    request,
    retry,
    states,
    sweep_stuck,
    unreached,
)
from somevakt.registry.models import AccountAlert, AlertKind
from tests.factories import make_item
from tests.integrations.conftest import PAGE, with_credentials


@pytest.fixture
def graph(settings):
    with FakeGraph() as fake:
        settings.META_GRAPH_URL = fake.url
        fake.add_comment(PAGE, f"{PAGE}_1", "1_1", "Hei")
        yield fake


def queued_calls() -> list[int]:
    return [
        row.args_kwargs["args"][0]
        for row in DBTaskResult.objects.filter(task_path="somevakt.integrations.outbound.perform_outbound")
    ]


def test_it_queues_the_call_when_the_transaction_commits(account, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call = request(account, "hide", "1_1", item_id=7)
        assert queued_calls() == []
    assert queued_calls() == [call.pk]
    assert (call.status, call.item_id, call.op) == (OutboundStatus.PENDING, 7, "hide")


def test_it_replies_and_records_the_platforms_id(account, graph) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, "reply", "1_1", text="Takk! Hilsen Eva")
    assert perform(call.pk) == OutboundStatus.DONE
    call.refresh_from_db()
    assert graph.replies_to("1_1") == ["Takk! Hilsen Eva"]
    assert call.result_id in graph.comments
    assert OutboundCall.objects.get(pk=call.pk).status == OutboundStatus.DONE
    assert perform(call.pk) == OutboundStatus.DONE  # a second run sends nothing
    assert len(graph.replies_to("1_1")) == 1


def test_it_tries_again_later_after_a_transient_failure(account, graph, settings) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, "hide", "1_1")
    graph.fail_next(server_error(), server_error(), server_error())  # the client's own quick retries too
    assert perform(call.pk) == OutboundStatus.PENDING
    call.refresh_from_db()
    assert call.attempts == 1
    assert "HTTP 500" in call.error
    retry = DBTaskResult.objects.filter(task_path="somevakt.integrations.outbound.perform_outbound").get()
    assert retry.run_after is not None
    assert perform(call.pk) == OutboundStatus.DONE
    assert graph.is_hidden("1_1")


def test_it_fails_for_good_on_a_permanent_error_and_raises_an_alert(account, graph) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, "delete", "1_1")
    graph.fail_next(token_expired())
    assert perform(call.pk) == OutboundStatus.FAILED
    call.refresh_from_db()
    assert call.permanent
    assert "190/463" in call.error
    assert not graph.is_deleted("1_1")
    alert = AccountAlert.objects.get(kind=AlertKind.OUTBOUND_FAILED)
    assert (alert.account, alert.municipality) == (account, account.municipality)
    assert OutboundCall.objects.get(pk=call.pk).status == OutboundStatus.FAILED


def test_it_stops_after_its_attempts(account, graph, settings) -> None:
    settings.OUTBOUND_MAX_ATTEMPTS = 2
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, "hide", "1_1")
    graph.fail_next(*[server_error()] * 6)
    assert perform(call.pk) == OutboundStatus.PENDING
    assert perform(call.pk) == OutboundStatus.FAILED
    call.refresh_from_db()
    assert not call.permanent


def test_it_does_only_what_the_platform_allows(mastodon_account) -> None:
    call = request(mastodon_account, "hide", "112")
    assert call.status == OutboundStatus.LOCAL
    assert queued_calls() == []


def test_it_replies_on_mastodon(mastodon_account) -> None:
    with FakeMastodon() as instance:
        with_credentials(mastodon_account, MASTODON_TOKEN, instance.url)
        status = instance.mention("Hei!")
        call = request(mastodon_account, "reply", status["id"], text="Hei på deg!")
        assert perform(call.pk) == OutboundStatus.DONE
        assert len(instance.replies_to(status["id"])) == 1


def test_it_fails_at_once_without_credentials(account, graph, settings) -> None:
    # Even where the platform cannot be reached (as in the demo), nothing is tried and retried.
    settings.META_GRAPH_URL = "http://127.0.0.1:9"
    call = request(account, "hide", "1_1")
    assert perform(call.pk) == OutboundStatus.FAILED
    call.refresh_from_db()
    assert call.permanent
    assert call.attempts == 1
    assert "set-credentials" in call.error
    assert graph.calls == []
    assert AccountAlert.objects.filter(account=account, kind=AlertKind.OUTBOUND_FAILED).count() == 1


@pytest.mark.parametrize(("op", "text"), [("like", ""), ("reply", "  ")])
def test_it_refuses_unknown_operations_and_empty_replies(account, op, text) -> None:
    with pytest.raises(ValueError):
        request(account, op, "1_1", text=text)
    assert not OutboundCall.objects.exists()


def test_it_queues_again_a_call_whose_worker_died(account, graph) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, "hide", "1_1")
    # The worker took it and died: attempted, still pending, its task gone.
    OutboundCall.objects.filter(pk=call.pk).update(
        attempts=1, attempted_at=timezone.now() - timedelta(hours=1)
    )
    DBTaskResult.objects.all().delete()
    assert sweep_stuck() == 1
    assert queued_calls() == [call.pk]
    assert sweep_stuck() == 0  # not again until it is overdue once more
    assert perform(call.pk) == OutboundStatus.DONE
    assert graph.is_hidden("1_1")


def test_it_leaves_a_call_alone_while_it_waits_for_its_retry(account, graph) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, "hide", "1_1")
    graph.fail_next(server_error(), server_error(), server_error())
    perform(call.pk)
    call.refresh_from_db()
    assert call.attempted_at > call.created_at
    assert sweep_stuck() == 0


# --- why a call failed, its state for the inbox, asking again ---------------------------------


def test_it_keeps_why_a_call_failed_as_a_kind(account, graph, settings) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    kinds = {}
    for name, answer in {
        "permission": token_expired(),
        "gone": error(100, "Object does not exist", "GraphMethodException", subcode=33),
        "other": error(1609005, "Something odd", "OAuthException"),
    }.items():
        call = request(account, "hide", "1_1")
        graph.fail_next(answer)
        assert perform(call.pk) == OutboundStatus.FAILED
        kinds[name] = OutboundCall.objects.get(pk=call.pk).failure
    settings.OUTBOUND_MAX_ATTEMPTS = 1
    call = request(account, "hide", "1_1")
    graph.fail_next(*[server_error()] * 3)
    assert perform(call.pk) == OutboundStatus.FAILED
    kinds["unavailable"] = OutboundCall.objects.get(pk=call.pk).failure
    assert kinds == {k: k for k in kinds}


def test_it_calls_a_missing_token_no_credentials(account) -> None:
    call = request(account, "reply", "1_1", text="Hei", item_id=5)
    perform(call.pk)
    state = states([5])[call.pk]
    assert (state.state, state.failure, state.retryable) == ("failed", "no_credentials", True)
    assert "set-credentials" in state.error
    assert state.at is not None


def test_it_asks_again_once_and_never_twice(account, graph, django_capture_on_commit_callbacks) -> None:
    call = request(account, "hide", "1_1", item_id=5)
    perform(call.pk)  # no credentials yet
    with_credentials(account, DEFAULT_TOKEN)
    assert retry(call.pk, item_id=6) is None  # not this item's call
    with django_capture_on_commit_callbacks(execute=True):
        assert retry(call.pk, item_id=5).state == "pending"
        assert retry(call.pk, item_id=5).state == "pending"  # a second click asks nothing more
    assert queued_calls().count(call.pk) == 1
    assert perform(call.pk) == OutboundStatus.DONE
    assert retry(call.pk, item_id=5).state == "done"  # done meanwhile: left alone
    assert queued_calls().count(call.pk) == 1
    assert graph.is_hidden("1_1")


def test_it_resolves_the_accounts_alerts_once_nothing_is_failed(account, graph) -> None:
    call = request(account, "hide", "1_1", item_id=5)
    perform(call.pk)
    alert = AccountAlert.objects.get(kind=AlertKind.OUTBOUND_FAILED)
    assert "(no_credentials)" in alert.message
    with_credentials(account, DEFAULT_TOKEN)
    retry(call.pk, item_id=5)
    perform(call.pk)
    alert.refresh_from_db()
    assert alert.resolved_at is not None


def test_it_does_not_ask_again_for_a_comment_that_is_gone(account, graph) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    call = request(account, "reply", "1_1", text="Hei", item_id=5)
    graph.fail_next(error(100, "Object does not exist", "GraphMethodException", subcode=33))
    perform(call.pk)
    state = retry(call.pk, item_id=5)
    assert (state.state, state.retryable) == ("failed", False)


def test_it_lists_the_items_whose_action_did_not_reach_the_platform(account, graph, other_account) -> None:
    for item_id, op in ((1, "hide"), (2, "hide"), (3, "reply"), (4, "delete")):
        perform(request(account, op, "1_1", text="Hei", item_id=item_id).pk)
    request(account, "unhide", "1_1", item_id=2)  # a failed hide made moot by showing it again
    perform(request(other_account, "hide", "9_9", item_id=9).pk)  # another municipality's
    assert sorted(
        unreached().filter(account__municipality=account.municipality_id).values_list("item_id", flat=True)
    ) == [1, 3, 4]


def test_it_answers_a_direct_message_in_its_conversation_and_says_when_the_window_has_closed(
    account, graph
) -> None:
    with_credentials(account, DEFAULT_TOKEN)
    graph.add_message(PAGE, "7011", "m_1", "Er legevakten åpen i jula?")
    graph.add_message(PAGE, "7022", "m_2", "Hei?", created=datetime(2026, 1, 1, tzinfo=UTC))
    fresh = make_item(account, "m_1", "Er legevakten åpen i jula?", channel="message", post_id="t_7011")
    old = make_item(account, "m_2", "Hei?", channel="message", post_id="t_7022")
    answered = request(account, "reply", "m_1", text="Ja, ring 116 117. Hilsen Kari", item_id=fresh.pk)
    too_late = request(account, "reply", "m_2", text="Beklager sent svar", item_id=old.pk)
    assert perform(answered.pk) == OutboundStatus.DONE
    assert perform(too_late.pk) == OutboundStatus.FAILED
    assert graph.sent == [
        {"recipient": "7011", "text": "Ja, ring 116 117. Hilsen Kari", "messaging_type": "RESPONSE"}
    ]
    assert graph.replies_to("m_1") == []  # not as a comment under it
    too_late.refresh_from_db()
    assert (too_late.failure, too_late.permanent) == ("window_closed", True)


@pytest.mark.parametrize(
    ("platform", "kind", "allowed"),
    [
        ("facebook", "comment", {"reply", "hide", "unhide", "delete"}),
        ("facebook", "post", {"reply", "hide", "unhide", "delete"}),
        ("facebook", "mention", {"reply"}),
        ("facebook", "review", {"reply"}),
        ("facebook", "message", {"reply"}),
        ("instagram", "mention", {"reply"}),
        ("instagram", "message", {"reply"}),
    ],
)
def test_it_knows_what_each_platform_allows_for_each_kind_of_item(platform, kind, allowed) -> None:
    assert {op for op in OPERATIONS if capabilities(platform, kind).allows(op)} == allowed


def test_it_never_sends_what_the_platform_does_not_allow_for_the_kind(account) -> None:
    call = request(account, "hide", "m_1", kind="message")
    assert call.status == OutboundStatus.LOCAL
    assert queued_calls() == []


def test_it_answers_a_facebook_mention_as_a_comment_where_the_platform_has_no_mentions_edge(
    account, graph
) -> None:
    # Which door a mention is answered through is the platform's capability (`mention_edge`),
    # not its name: Facebook's has none, so the answer is a comment under the post that names us.
    assert (
        capabilities("instagram", "mention").mention_edge
        and not capabilities("facebook", "mention").mention_edge
    )
    with_credentials(account, DEFAULT_TOKEN)
    mention = make_item(account, "1_1", "@kommunen når kommer brøytebilen?", channel="mention", post_id="1_1")
    call = request(
        account, "reply", "1_1", text="I morgen tidlig. Hilsen Kari", item_id=mention.pk, kind="mention"
    )
    assert perform(call.pk) == OutboundStatus.DONE
    assert graph.replies_to("1_1") == ["I morgen tidlig. Hilsen Kari"]
    assert graph.mention_replies == []


def test_it_answers_an_instagram_mention_through_the_mentions_edge(instagram_account, settings) -> None:
    # Issue 16: replying where the door is. A mention in someone's comment is answered as a reply
    # to that comment, one in a caption as a comment on the media; never as a reply on our own.
    from tests.integrations.conftest import INSTAGRAM

    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_instagram_account(INSTAGRAM)
        with_credentials(instagram_account, DEFAULT_TOKEN)
        in_comment = make_item(
            instagram_account,
            "17900000000000111",
            "@kommunen når kommer brøytebilen?",
            platform="instagram",
            account_external_id=INSTAGRAM,
            channel="mention",
            post_id="17800000000000222",
            parent_id="",
        )
        in_caption = make_item(
            instagram_account,
            "17800000000000333",
            "Fin tur! @kommunen",
            platform="instagram",
            account_external_id=INSTAGRAM,
            channel="mention",
            post_id="17800000000000333",
            parent_id="",
        )
        for item, text in ((in_comment, "I morgen tidlig. Hilsen Kari"), (in_caption, "Takk! Hilsen Kari")):
            call = request(
                instagram_account, "reply", item.platform_id, text=text, item_id=item.pk, kind="mention"
            )
            assert perform(call.pk) == OutboundStatus.DONE
        answers = [{k: a[k] for k in ("media_id", "comment_id", "message")} for a in graph.mention_replies]
    assert answers == [
        {
            "media_id": "17800000000000222",
            "comment_id": "17900000000000111",
            "message": "I morgen tidlig. Hilsen Kari",
        },
        {"media_id": "17800000000000333", "comment_id": "", "message": "Takk! Hilsen Kari"},
    ]
