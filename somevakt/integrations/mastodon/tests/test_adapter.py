"""Mastodon: mentions polled from the notifications API, replies posted; no hiding or deleting."""

from __future__ import annotations

import pytest

from somevakt.inbox.ports import PlatformError
from somevakt.integrations.base import Credentials
from somevakt.integrations.fakes.mastodon import DEFAULT_TOKEN, OWN_ACCOUNT_ID, FakeMastodon
from somevakt.integrations.mastodon.adapter import MastodonAdapter
from somevakt.integrations.mastodon.client import PAGE_SIZE


def adapter(instance: FakeMastodon, token: str = DEFAULT_TOKEN, cursor: str = "") -> MastodonAdapter:
    return MastodonAdapter(OWN_ACCOUNT_ID, Credentials(token=token, base_url=instance.url), cursor)


def test_it_says_it_cannot_hide_or_delete_other_peoples_replies() -> None:
    capabilities = MastodonAdapter.capabilities
    assert (capabilities.reply, capabilities.hide, capabilities.unhide, capabilities.delete) == (
        True,
        False,
        False,
        False,
    )
    with pytest.raises(NotImplementedError):
        MastodonAdapter(OWN_ACCOUNT_ID, Credentials()).hide("1")


def test_it_reads_mentions_as_plain_text_and_moves_its_cursor() -> None:
    with FakeMastodon() as instance:
        first = instance.mention("Når åpner <b>biblioteket</b>?")
        instance.favourite(first["id"])
        reading = adapter(instance)
        [comment] = reading.fetch_recent()
        assert reading.cursor == instance.notifications[0]["id"]
        second = instance.mention("Og bassenget?", visibility="direct")
        [later] = adapter(instance, cursor=reading.cursor).fetch_recent()
    assert comment.platform == "mastodon"
    assert comment.account_external_id == OWN_ACCOUNT_ID
    assert comment.platform_id == first["id"]
    assert comment.text == "@romskog Når åpner <b>biblioteket</b>?"
    assert comment.author_name == "Kari Nordmann"
    assert comment.channel == "mention"
    assert comment.received_at is not None
    assert later.platform_id == second["id"]
    assert later.channel == "message"
    assert [c.params("types[]") for c in instance.calls] == [["mention"], ["mention"]]
    assert instance.calls[1].param("min_id") == reading.cursor


def test_it_reads_a_burst_longer_than_a_page_without_skipping() -> None:
    with FakeMastodon() as instance:
        instance.mention("før")
        reading = adapter(instance)
        reading.fetch_recent()
        sent = [instance.mention(f"nummer {n}")["id"] for n in range(PAGE_SIZE * 2 + 5)]
        comments = reading.fetch_recent()
    assert [c.platform_id for c in comments] == sent


def test_it_replies_in_the_thread_mentioning_the_author() -> None:
    with FakeMastodon() as instance:
        status = instance.mention("Hei!", visibility="unlisted")
        reply_id = adapter(instance).reply(status["id"], "Takk for hilsenen. Hilsen Eva")
        posted = instance.statuses[reply_id]
    assert posted["in_reply_to_id"] == status["id"]
    assert posted["visibility"] == "unlisted"
    assert posted["content"] == "<p>@kari@mastodon.example Takk for hilsenen. Hilsen Eva</p>"


def test_it_reports_a_bad_token_as_permanent() -> None:
    with FakeMastodon() as instance:
        with pytest.raises(PlatformError) as raised:
            adapter(instance, token="wrong-secret").fetch_recent()
    assert raised.value.permanent
    assert raised.value.status == 401
    assert "wrong-secret" not in str(raised.value)


def test_it_needs_an_instance_url() -> None:
    with pytest.raises(PlatformError) as raised:
        MastodonAdapter(OWN_ACCOUNT_ID, Credentials(token="x")).fetch_recent()
    assert raised.value.permanent
