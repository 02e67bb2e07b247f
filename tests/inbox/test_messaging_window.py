"""The messaging window of a private conversation (issue 16): Meta takes an answer to a person's
message only within 24 hours of their last one. The composer says until when, warns in the last
hours, and afterwards refuses with the reason and offers the formal-inquiry text instead."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from somevakt.inbox import messaging, services
from somevakt.inbox.services import ActionRefused
from tests.factories import logged_in, make_account, make_item

CONVERSATION = "t_100200300400"


def message(account, number: int, hours_ago: float, text: str = "Hei, når tømmes søpla hos oss?", **fields):
    values = {
        "channel": "message",
        "post_id": CONVERSATION,
        "parent_id": "",
        "received_at": timezone.now() - dt.timedelta(hours=hours_ago),
        **fields,
    }
    return make_item(account, f"m_{number}", text, codes=["intent.question"], **values)


def page(client, item) -> str:
    return client.get(f"/{item.municipality.slug}/innboks/{item.pk}/").content.decode()


def test_it_counts_the_window_from_the_persons_newest_message_in_the_conversation(account):
    first = message(account, 1, hours_ago=30)
    assert messaging.reply_window(first).state() == messaging.CLOSED
    # The person wrote again two hours ago: the conversation can be answered again, the first
    # message included, for 22 more hours.
    message(account, 2, hours_ago=2, text="Hallo? Noen der?")
    window = messaging.reply_window(first)
    assert window.state() == messaging.OPEN
    assert abs(window.closes_at - (timezone.now() + dt.timedelta(hours=22))) < dt.timedelta(minutes=1)
    # Someone else in another conversation does not count.
    other = message(account, 3, hours_ago=40, author_id="999", post_id="t_other")
    assert messaging.reply_window(other).state() == messaging.CLOSED


def test_the_composer_says_until_when_and_warns_in_the_last_hours(account, owner):
    client = logged_in(owner)
    fresh = message(account, 1, hours_ago=1)
    assert 'data-testid="window-open"' in page(client, fresh)
    late = message(account, 2, hours_ago=22, author_id="777", post_id="t_late")
    shown = page(client, late)
    assert 'data-testid="window-closing"' in shown and "Svar snart:" in shown


def test_after_the_window_it_refuses_the_answer_and_offers_the_formal_inquiry_text(account, owner):
    item = message(account, 1, hours_ago=25)
    client = logged_in(owner)
    shown = page(client, item)
    assert 'data-testid="window-closed"' in shown
    assert "postmottak@" in shown  # the pack's formal-inquiry address
    assert 'id="reply-text"' not in shown  # no composer to write in vain
    response = client.post(
        f"/{item.municipality.slug}/innboks/{item.pk}/reply/", {"text": "Hei! Onsdag. Hilsen Eva"}
    )
    assert response.status_code in (200, 400)
    assert not item.events.filter(type="replied").exists()
    try:
        services.send_reply(item, owner, "Hei! Onsdag. Hilsen Eva")
    except ActionRefused as refused:
        assert "24 timer" in str(refused)
    else:
        raise AssertionError("an answer after the window was accepted")


def test_comments_and_mastodon_messages_have_no_window(account, municipality):
    comment = make_item(account, f"{account.external_id}_1_9", "Når åpner biblioteket?")
    assert messaging.reply_window(comment) is None
    mastodon = make_account(municipality, platform="mastodon", external_id="109000000000000001", name="Masto")
    direct = make_item(
        mastodon,
        "109000000000000555",
        "Hei",
        platform="mastodon",
        account_external_id="109000000000000001",
        channel="message",
    )
    assert messaging.reply_window(direct) is None


def test_the_formal_inquiry_text_is_for_the_citizen_in_bokmaal_whatever_the_reader_chose(account, owner):
    item = message(account, 1, hours_ago=30)
    client = logged_in(owner)
    client.cookies["somevakt_language"] = "en"
    shown = page(client, item)
    assert "The platform no longer lets the municipality answer" in shown  # the page in English
    assert "Takk for meldingen." in shown  # the text for the citizen in bokmål
