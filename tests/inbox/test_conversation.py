"""A private conversation is the message's thread (issue 16), and one of 500 messages stays quick:
the page shows the latest 50 and the one opened, and says how many earlier ones it leaves out."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from somevakt.inbox.ingest import receive_many
from tests.factories import logged_in, parsed


def test_a_conversation_of_500_messages_shows_the_latest_in_a_bounded_number_of_queries(account, owner):
    start = timezone.now() - dt.timedelta(hours=10)
    incoming = [
        (
            account,
            parsed(
                f"m_{n}",
                f"Melding nummer {n} om søppeltømming",
                channel="message",
                post_id="t_5550001",
                parent_id="",
                received_at=start + dt.timedelta(minutes=n),
            ),
            None,
        )
        for n in range(500)
    ]
    received = receive_many(incoming, enqueue=False)
    first, last = received[0].item, received[-1].item
    client = logged_in(owner)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/{account.municipality.slug}/innboks/{last.pk}/").content.decode()
    assert "Samtalen" in page
    assert "Melding nummer 499" in page and "Melding nummer 450" in page
    assert "Melding nummer 449 " not in page
    assert 'data-testid="thread-earlier"' in page and "450 tidligere meldinger vises ikke" in page
    assert len(queries) < 60, len(queries)
    # The first message, opened, is shown among the latest.
    opened = client.get(f"/{account.municipality.slug}/innboks/{first.pk}/").content.decode()
    assert "Melding nummer 0 " in opened or "Melding nummer 0<" in opened
