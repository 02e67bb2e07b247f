"""Capture has a size limit per message (the rest as a plain-text attachment) and a claim, so the
worker and `archive deliver` never capture the same entry at once."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from somevakt.archive.formats.fulltext import MAX_IN_CAPTURE
from somevakt.archive.formats.outbox import OutboxTransport
from somevakt.archive.models import DeliveryState, JournalEntry
from somevakt.archive.services import capture_entry, claim_capture, deliver_pending

from .conftest import decide_all, hide


@pytest.fixture
def entry(make_item, owner):
    item = make_item("111222333_1_7", "Ring meg på 412 34 567!", "personal_data.phone")
    hide(item, owner)
    return JournalEntry.objects.get(item=item)


def test_it_leaves_an_entry_another_process_is_capturing(entry, municipality, tmp_path) -> None:
    assert claim_capture(entry)  # the other process
    assert not claim_capture(entry)
    assert capture_entry(entry) is False
    entry.refresh_from_db()
    assert entry.state == DeliveryState.PENDING and entry.last_error == ""
    summary = deliver_pending(municipality, OutboxTransport(tmp_path / "outbox"), force=True)
    assert (summary.captured, summary.capture_errors) == (0, [])


@pytest.mark.slow  # renders PDF/A captures
def test_it_takes_over_a_claim_left_by_a_process_that_died(entry, profile) -> None:
    claim_capture(entry)
    JournalEntry.objects.filter(pk=entry.pk).update(capturing_until=timezone.now() - dt.timedelta(seconds=1))
    assert capture_entry(entry) is True
    entry.refresh_from_db()
    assert entry.state == DeliveryState.CAPTURED and entry.capturing_until is None


@pytest.mark.slow  # renders a PDF/A capture
def test_a_very_long_comment_is_captured_short_with_its_whole_text_attached(
    make_item, owner, profile, municipality, records_officer, tmp_path, arkivmelding_schema
) -> None:
    text = ("Dette er en veldig lang klage. " * 7000)[:200_000] + "SLUTT"
    item = make_item("111222333_1_8", text, "personal_data.phone")
    hide(item, owner)
    decide_all(records_officer)
    outbox = OutboxTransport(tmp_path / "outbox")
    started = timezone.now()
    summary = deliver_pending(municipality, outbox, force=True)
    seconds = (timezone.now() - started).total_seconds()
    entry = JournalEntry.objects.get(item=item)
    assert (summary.sent, summary.failed) == (1, False)
    assert seconds < 60  # a 200,000-character comment rendered in full took minutes
    pages = len(PdfReader(io.BytesIO(entry.pdf_bytes())).pages)
    assert pages <= 15
    folder = outbox.root / entry.message_id
    attachment = folder / f"somevakt-{entry.record_id}-melding-1.txt"
    whole = attachment.read_text(encoding="utf-8")
    assert whole.endswith("SLUTT") and text in whole
    arkivmelding_schema.validate(str(folder / "arkivmelding.xml"))
    xml = (folder / "arkivmelding.xml").read_text(encoding="utf-8")
    assert attachment.name in xml and "x-fmt/111" in xml
    assert len(text) > MAX_IN_CAPTURE
