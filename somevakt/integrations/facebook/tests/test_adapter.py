"""Reading page `feed` deliveries, and the Graph calls for reply, hide, unhide, delete and fetch."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from somevakt.inbox.ports import PlatformError
from somevakt.integrations.base import Credentials
from somevakt.integrations.facebook.adapter import FacebookAdapter
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph
from somevakt.integrations.fakes.meta_payloads import (
    feed_comment,
    messenger_delivery,
    messenger_message,
    page_delivery,
    page_mention,
    page_rating,
    visitor_post,
)
from somevakt.integrations.meta_payload import MalformedDelivery

PAGE = "104870552231001"

# A delivery as Meta sends it for a new comment on a page post (recorded shape, made-up ids).
RECORDED_ADD = {
    "object": "page",
    "entry": [
        {
            "id": PAGE,
            "time": 1772614800,
            "changes": [
                {
                    "field": "feed",
                    "value": {
                        "from": {"id": "24819310577001", "name": "Kari Nordvik"},
                        "post": {
                            "status_type": "added_photos",
                            "is_published": True,
                            "updated_time": "2026-03-04T09:00:00+0000",
                            "permalink_url": "https://www.facebook.com/104870552231001/posts/pfbid02abc",
                            "promotion_status": "inactive",
                            "id": "104870552231001_900001",
                        },
                        "message": "Når åpner gjenbruksstasjonen?",
                        "post_id": "104870552231001_900001",
                        "comment_id": "900001_620001",
                        "created_time": 1772614790,
                        "item": "comment",
                        "parent_id": "104870552231001_900001",
                        "verb": "add",
                    },
                }
            ],
        }
    ],
}


def adapter(token: str = DEFAULT_TOKEN) -> FacebookAdapter:
    return FacebookAdapter(PAGE, Credentials(token=token))


def test_it_reads_a_new_comment_from_a_recorded_delivery() -> None:
    [comment] = FacebookAdapter("", Credentials()).parse(RECORDED_ADD)
    assert comment.platform == "facebook"
    assert comment.account_external_id == PAGE
    assert comment.platform_id == "900001_620001"
    assert comment.text == "Når åpner gjenbruksstasjonen?"
    assert comment.author_name == "Kari Nordvik"
    assert comment.received_at == datetime.fromtimestamp(1772614790, tz=UTC)
    assert comment.parent_id == ""  # a comment on the post itself, not a reply
    assert comment.post_id == "104870552231001_900001"
    assert comment.permalink.startswith("https://www.facebook.com/")
    assert comment.verb == "add"


def test_it_keeps_the_parent_of_a_reply_and_every_verb() -> None:
    payload = page_delivery(
        PAGE,
        feed_comment(PAGE, "1_2", "svar", parent_id="1_1", post_id=f"{PAGE}_1"),
        feed_comment(PAGE, "1_1", "endret", verb="edited"),
        feed_comment(PAGE, "1_3", verb="remove"),
        feed_comment(PAGE, "1_4", verb="hide"),
        feed_comment(PAGE, "1_5", verb="unhide"),
    )
    comments = FacebookAdapter("", Credentials()).parse(payload)
    assert [(c.platform_id, c.verb) for c in comments] == [
        ("1_2", "add"),
        ("1_1", "edited"),
        ("1_3", "remove"),
        ("1_4", "hide"),
        ("1_5", "unhide"),
    ]
    assert comments[0].parent_id == "1_1"


def test_it_skips_the_pages_own_comments_and_changes_that_are_not_comments() -> None:
    own = feed_comment(PAGE, "1_9", "Takk for spørsmålet!", author=(PAGE, "Kommunen"))
    reaction = {"field": "feed", "value": {"item": "reaction", "verb": "add", "post_id": "x"}}
    other_field = {"field": "mention", "value": {"post_id": "x"}}
    assert FacebookAdapter("", Credentials()).parse(page_delivery(PAGE, own, reaction, other_field)) == []


def test_it_ignores_deliveries_for_other_objects() -> None:
    assert FacebookAdapter("", Credentials()).parse({"object": "instagram", "entry": []}) == []


@pytest.mark.parametrize(
    "payload",
    [
        [],
        {"object": "page"},
        {"object": "page", "entry": [{"changes": []}]},
        {"object": "page", "entry": [{"id": PAGE, "changes": [{"field": "feed", "value": "x"}]}]},
        {
            "object": "page",
            "entry": [
                {"id": PAGE, "changes": [{"field": "feed", "value": {"item": "comment", "verb": "add"}}]}
            ],
        },
    ],
)
def test_it_calls_a_delivery_it_cannot_read_malformed(payload) -> None:
    with pytest.raises(MalformedDelivery):
        FacebookAdapter("", Credentials()).parse(payload)


def test_it_replies_hides_unhides_and_deletes_through_the_graph_api(settings) -> None:
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_comment(PAGE, f"{PAGE}_1", "1_1", "Hei")
        reply_id = adapter().reply("1_1", "Takk! Hilsen Eva")
        adapter().hide("1_1")
        assert graph.is_hidden("1_1")
        adapter().unhide("1_1")
        assert not graph.is_hidden("1_1")
        adapter().delete("1_1")
        assert graph.is_deleted("1_1")
    assert reply_id
    assert graph.replies_to("1_1") == ["Takk! Hilsen Eva"]
    calls = [(c.method, c.path, c.param("is_hidden") or c.param("message")) for c in graph.calls]
    assert calls == [
        ("POST", "/v23.0/1_1/comments", "Takk! Hilsen Eva"),
        ("POST", "/v23.0/1_1", "true"),
        ("POST", "/v23.0/1_1", "false"),
        ("DELETE", "/v23.0/1_1", ""),
    ]
    assert all(c.headers["authorization"] == f"Bearer {DEFAULT_TOKEN}" for c in graph.calls)
    assert all("access_token" not in dict(c.query) for c in graph.calls)


def test_it_reports_a_comment_that_is_gone_as_permanent(settings) -> None:
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        with pytest.raises(PlatformError) as raised:
            adapter().hide("does_not_exist")
    assert raised.value.permanent
    assert "100/33" in str(raised.value)


def test_it_fetches_recent_comments_newest_first_back_to_a_time(settings) -> None:
    old = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    new = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_comment(PAGE, f"{PAGE}_1", "1_1", "Gammel", created=old)
        graph.add_comment(PAGE, f"{PAGE}_1", "1_2", "Ny", created=new)
        graph.add_comment(PAGE, f"{PAGE}_1", "1_3", "Svar fra siden", created=new, author=(PAGE, "Kommunen"))
        graph.add_comment(PAGE, f"{PAGE}_1", "1_4", "Svar", created=new, parent_id="1_2")
        comments = adapter().fetch_recent(since=datetime(2026, 3, 2, tzinfo=UTC))
    assert sorted(c.platform_id for c in comments) == ["1_2", "1_4"]
    reply = next(c for c in comments if c.platform_id == "1_4")
    assert reply.parent_id == "1_2"
    assert reply.post_id == f"{PAGE}_1"


# The shapes below follow Meta's webhook references for page `feed` (posts, `edit`), `mention`,
# `ratings` and Messenger `messages`; the ids and texts are made up.
RECORDED_VISITOR_POST = {
    "object": "page",
    "entry": [
        {
            "id": PAGE,
            "time": 1772614800,
            "changes": [
                {
                    "field": "feed",
                    "value": {
                        "from": {"id": "24819310577002", "name": "Ola Bakken"},
                        "link": "https://scontent.xx.fbcdn.net/v/t39.30808-6/4501.jpg",
                        "message": "Hvorfor er ikke veien til skolen brøytet i dag?",
                        "post_id": "104870552231001_900777",
                        "created_time": 1772614795,
                        "item": "photo",
                        "photo_id": "900778",
                        "published": 1,
                        "verb": "add",
                    },
                }
            ],
        }
    ],
}

RECORDED_MESSENGER = {
    "object": "page",
    "entry": [
        {
            "id": PAGE,
            "time": 1772614800123,
            "messaging": [
                {
                    "sender": {"id": "7011000000000001"},
                    "recipient": {"id": PAGE},
                    "timestamp": 1772614799000,
                    "message": {"mid": "m_AbC123", "text": "Hei, når er legevakten åpen i jula?"},
                },
                {
                    "sender": {"id": PAGE},
                    "recipient": {"id": "7011000000000001"},
                    "timestamp": 1772614799500,
                    "message": {"mid": "m_AbC124", "is_echo": True, "text": "Vi svarer snart."},
                },
                {"sender": {"id": "7011000000000001"}, "recipient": {"id": PAGE}, "read": {"watermark": 1}},
            ],
        }
    ],
}


def parse(payload) -> tuple[list, list[str]]:
    adapter = FacebookAdapter("", Credentials())
    return adapter.parse(payload), adapter.unhandled


def test_it_reads_a_visitors_post_with_its_photo_from_a_recorded_delivery() -> None:
    [post], unhandled = parse(RECORDED_VISITOR_POST)
    assert (post.channel, post.platform_id, post.post_id) == (
        "post",
        "104870552231001_900777",
        post.platform_id,
    )
    assert post.text == "Hvorfor er ikke veien til skolen brøytet i dag?"
    assert (post.author_id, post.author_name) == ("24819310577002", "Ola Bakken")
    assert post.raw["photo_id"] == "900778"  # the image reference is kept with the item
    assert post.parent_id == ""
    assert unhandled == []


def test_it_reads_a_post_edit_sent_with_the_verb_edit_as_an_edit() -> None:
    edited = visitor_post(PAGE, f"{PAGE}_5", "Rettet: veien er brøytet nå", verb="edit")
    [post], _ = parse(page_delivery(PAGE, edited))
    assert (post.verb, post.channel) == ("edited", "post")


def test_it_skips_the_pages_own_posts_and_comments_in_either_author_form() -> None:
    own_post = visitor_post(PAGE, f"{PAGE}_6", "Velkommen til julemarked!", author=(PAGE, "Kommunen"))
    own_comment = feed_comment(PAGE, "6_1", "Takk!")
    del own_comment["value"]["from"]
    own_comment["value"].update({"sender_id": int(PAGE), "sender_name": "Kommunen"})
    visitor_comment = feed_comment(PAGE, "6_2", "Når starter det?")
    del visitor_comment["value"]["from"]
    visitor_comment["value"].update({"sender_id": 5550009, "sender_name": "Eva Lie"})
    found, _ = parse(page_delivery(PAGE, own_post, own_comment, visitor_comment))
    assert [(c.platform_id, c.author_id, c.author_name) for c in found] == [("6_2", "5550009", "Eva Lie")]


def test_it_reads_a_mention_of_the_page_and_a_recommendation() -> None:
    mention = page_mention(PAGE, "5550003_777")
    rating = page_rating(PAGE, "Veldig god hjelp på servicetorget!")
    [named, review], unhandled = parse(page_delivery(PAGE, mention, rating))
    assert (named.channel, named.platform_id, named.author_name) == ("mention", "5550003_777", "Per Hansen")
    assert named.permalink == "https://www.facebook.com/5550003_777"
    assert (review.channel, review.text, review.author_name) == (
        "review",
        "Veldig god hjelp på servicetorget!",
        "Anne Berg",
    )
    assert review.platform_id == "1911000000000001"
    assert unhandled == []


def test_it_reads_messenger_messages_with_the_conversation_as_the_thread() -> None:
    [message], unhandled = parse(RECORDED_MESSENGER)
    assert (message.channel, message.platform_id, message.text) == (
        "message",
        "m_AbC123",
        "Hei, når er legevakten åpen i jula?",
    )
    assert (message.author_id, message.post_id) == ("7011000000000001", "t_7011000000000001")
    assert message.received_at == datetime.fromtimestamp(1772614799, tz=UTC)
    assert unhandled == []  # the echo is ours and the read receipt says nothing to answer


def test_it_keeps_a_message_with_only_an_attachment_as_an_item_without_text() -> None:
    [message], _ = parse(messenger_delivery(PAGE, messenger_message(PAGE, "m_9", attachment="image")))
    assert (message.text, message.raw["message"]["attachments"][0]["type"]) == ("", "image")


def test_it_names_what_it_does_not_know_instead_of_dropping_it_in_silence() -> None:
    reaction = {"field": "feed", "value": {"item": "reaction", "verb": "add", "post_id": "x"}}
    unknown_item = {"field": "feed", "value": {"item": "fundraiser", "verb": "add", "post_id": "x"}}
    unknown_field = {"field": "leadgen", "value": {"leadgen_id": "1"}}
    odd_verb = feed_comment(PAGE, "7_1", "Hei", verb="block")
    found, unhandled = parse(page_delivery(PAGE, reaction, unknown_item, unknown_field, odd_verb))
    assert found == []
    assert unhandled == ["feed item 'fundraiser'", "field 'leadgen'", "comment verb 'block'"]


def test_it_fetches_visitor_posts_their_comments_and_messages_the_webhook_missed(settings) -> None:
    old = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    new = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_post(PAGE, f"{PAGE}_1")
        graph.add_visitor_post(PAGE, f"{PAGE}_2", "Når blir veien brøytet?", created=new)
        graph.add_visitor_post(PAGE, f"{PAGE}_3", "Gammelt innlegg", created=old)
        graph.add_comment(PAGE, f"{PAGE}_2", "2_1", "Lurer på det samme", created=new)
        graph.add_message(PAGE, "7011", "m_1", "Gammel melding", created=old)
        graph.add_message(PAGE, "7011", "m_2", "Er legevakten åpen i jula?", created=new)
        found = adapter().fetch_recent(since=datetime(2026, 3, 2, tzinfo=UTC))
    assert sorted((c.platform_id, c.channel) for c in found) == [
        (f"{PAGE}_2", "post"),
        ("2_1", "comment"),
        ("m_2", "message"),
    ]
    message = next(c for c in found if c.channel == "message")
    assert (message.post_id, message.author_id, message.text) == (
        "t_7011",
        "7011",
        "Er legevakten åpen i jula?",
    )


def test_it_answers_a_message_in_its_conversation_within_the_messaging_window(settings) -> None:
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_post(PAGE, f"{PAGE}_1")
        graph.add_message(PAGE, "7011", "m_1", "Er legevakten åpen i jula?")
        graph.add_message(PAGE, "7022", "m_2", "Hei?", created=datetime(2026, 1, 1, tzinfo=UTC))
        sent_id = adapter().send_message("t_7011", "Ja, hele jula – ring 116 117. Hilsen Kari")
        with pytest.raises(PlatformError) as refused:
            adapter().send_message("t_7022", "Beklager sent svar")
    assert sent_id.startswith("m_")
    assert graph.sent == [
        {
            "recipient": "7011",
            "text": "Ja, hele jula – ring 116 117. Hilsen Kari",
            "messaging_type": "RESPONSE",
        }
    ]
    assert refused.value.permanent  # outside Meta's 24-hour window: trying again cannot help
    assert "2018278" in str(refused.value)
