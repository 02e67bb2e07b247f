"""Reading Instagram `comments` deliveries, and the Graph calls for Instagram comments."""

from __future__ import annotations

from datetime import UTC, datetime

from somevakt.integrations.base import Credentials
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN, FakeGraph
from somevakt.integrations.fakes.meta_payloads import instagram_comment, instagram_delivery
from somevakt.integrations.instagram.adapter import InstagramAdapter

IG = "17841400000000101"

# A delivery as Meta sends it for a new comment on an Instagram post (recorded shape, made-up ids).
RECORDED = {
    "object": "instagram",
    "entry": [
        {
            "id": IG,
            "time": 1772614800,
            "changes": [
                {
                    "field": "comments",
                    "value": {
                        "from": {"id": "17841455500001", "username": "kari.nordvik"},
                        "media": {"id": "18030000000000001", "media_product_type": "FEED"},
                        "id": "17860000000000001",
                        "text": "Så fint bilde fra Hustadvika!",
                    },
                }
            ],
        }
    ],
}


def adapter() -> InstagramAdapter:
    return InstagramAdapter(IG, Credentials(token=DEFAULT_TOKEN))


def test_it_reads_a_comment_from_a_recorded_delivery() -> None:
    [comment] = InstagramAdapter("", Credentials()).parse(RECORDED)
    assert comment.platform == "instagram"
    assert comment.account_external_id == IG
    assert comment.platform_id == "17860000000000001"
    assert comment.text == "Så fint bilde fra Hustadvika!"
    assert comment.author_name == "kari.nordvik"
    assert comment.post_id == "18030000000000001"
    assert comment.received_at == datetime.fromtimestamp(1772614800, tz=UTC)
    assert comment.verb == "add"


def test_it_keeps_the_parent_of_a_reply_and_skips_the_accounts_own_replies() -> None:
    payload = instagram_delivery(
        IG,
        instagram_comment("2", "svar", parent_id="1"),
        instagram_comment("3", "Takk!", author=(IG, "kommunen")),
    )
    comments = InstagramAdapter("", Credentials()).parse(payload)
    assert [(c.platform_id, c.parent_id) for c in comments] == [("2", "1")]


def test_it_ignores_page_deliveries() -> None:
    assert InstagramAdapter("", Credentials()).parse({"object": "page", "entry": []}) == []


def test_it_replies_hides_unhides_and_deletes_with_the_instagram_edges(settings) -> None:
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_instagram_comment(IG, "m1", "c1", "Hei")
        adapter().reply("c1", "Takk!")
        adapter().hide("c1")
        assert graph.is_hidden("c1")
        adapter().unhide("c1")
        adapter().delete("c1")
        assert graph.is_deleted("c1")
    calls = [(c.method, c.path, c.param("hide") or c.param("message")) for c in graph.calls]
    assert calls == [
        ("POST", "/v23.0/c1/replies", "Takk!"),
        ("POST", "/v23.0/c1", "true"),
        ("POST", "/v23.0/c1", "false"),
        ("DELETE", "/v23.0/c1", ""),
    ]


def test_it_fetches_recent_comments_on_the_latest_media(settings) -> None:
    with FakeGraph() as graph:
        settings.META_GRAPH_URL = graph.url
        graph.add_instagram_comment(IG, "m1", "c1", "Gammel", created=datetime(2026, 3, 1, tzinfo=UTC))
        graph.add_instagram_comment(IG, "m2", "c2", "Ny", created=datetime(2026, 3, 4, tzinfo=UTC))
        comments = adapter().fetch_recent(since=datetime(2026, 3, 2, tzinfo=UTC))
    assert [(c.platform_id, c.text, c.post_id) for c in comments] == [("c2", "Ny", "m2")]
    assert comments[0].permalink == "https://www.instagram.com/p/m2/"


# Shapes from Meta's Instagram webhook references (`mentions` changes and `messaging` events);
# the ids and texts are made up.
RECORDED_MENTION_AND_MESSAGE = {
    "object": "instagram",
    "entry": [
        {
            "id": IG,
            "time": 1772614800,
            "changes": [
                {"field": "mentions", "value": {"media_id": "17887498072083520", "comment_id": "17871"}}
            ],
            "messaging": [
                {
                    "sender": {"id": "5380000000000001"},
                    "recipient": {"id": IG},
                    "timestamp": 1772614799000,
                    "message": {"mid": "aWdfZAG1", "text": "Hei! Når åpner bassenget etter oppussingen?"},
                },
                {
                    "sender": {"id": IG},
                    "recipient": {"id": "5380000000000001"},
                    "timestamp": 1772614799500,
                    "message": {"mid": "aWdfZAG2", "text": "Vi sjekker!", "is_echo": True},
                },
            ],
        }
    ],
}


def test_it_reads_a_mention_and_a_direct_message_from_a_recorded_delivery() -> None:
    adapter_ = InstagramAdapter("", Credentials())
    mention, message = adapter_.parse(RECORDED_MENTION_AND_MESSAGE)
    assert (mention.channel, mention.platform_id, mention.post_id) == (
        "mention",
        "17871",
        "17887498072083520",
    )
    assert (message.channel, message.platform_id, message.post_id) == (
        "message",
        "aWdfZAG1",
        "t_5380000000000001",
    )
    assert message.text == "Hei! Når åpner bassenget etter oppussingen?"
    assert adapter_.unhandled == []


def test_it_names_an_unknown_field_instead_of_dropping_it_in_silence() -> None:
    adapter_ = InstagramAdapter("", Credentials())
    payload = {
        "object": "instagram",
        "entry": [{"id": IG, "changes": [{"field": "story_mentions", "value": {}}]}],
    }
    assert adapter_.parse(payload) == []
    assert adapter_.unhandled == ["field 'story_mentions'"]
