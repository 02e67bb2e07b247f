"""Private messages are private (issue 16): journaled with screening proposed for a case of the
writer's own, and never shown in the public journal, screened or not."""

from __future__ import annotations

from django.utils import timezone

from somevakt.archive.models import JournalEntry
from somevakt.archive.services import decide_screening

from .conftest import refer, url


def test_a_private_message_about_the_writers_own_case_is_proposed_screened(make_item, owner):
    message = make_item(
        "t_100200300",
        "Jeg vil klage på vedtaket om hjemmetjenester.",
        "intent.case_request",
        channel="message",
        received_at=timezone.now(),
    )
    comment = make_item("111222333_5_1", "Jeg vil klage på vedtaket om brøyting.", "intent.case_request")
    refer(message, owner)
    refer(comment, owner)
    assert JournalEntry.objects.get(item=message, reason="refer_formal").proposed_screening
    # The same words in a public comment are already public: nothing to screen.
    assert not JournalEntry.objects.get(item=comment, reason="refer_formal").proposed_screening


def test_the_public_journal_never_shows_a_private_messages_words(
    make_item, owner, records_client, records_officer
):
    message = make_item(
        "t_100200301",
        "Hei, lurer på når søknaden min om parkeringstillatelse blir behandlet.",
        "intent.case_request",
        channel="message",
        received_at=timezone.now(),
    )
    refer(message, owner)
    entry = JournalEntry.objects.get(item=message, reason="refer_formal")
    # Even when the records office decides it need not be screened, the words stay out.
    decide_screening(entry, records_officer, False, confirmed=True)
    page = records_client.get(url("public_journal")).content.decode()
    assert entry.title in page
    assert "parkeringstillatelse" not in page
    found = records_client.get(url("public_journal"), {"q": "parkeringstillatelse"}).content.decode()
    assert entry.title not in found
