"""Capture, delivery and receipts: messages valid against the official schema, checksums that match
the files, PDF/A-2b markers, failures kept with their error, retries without duplicates."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pikepdf
import pytest
from django.utils import timezone
from lxml import etree
from pypdf import PdfReader

from somevakt.archive.entry_record import record_for
from somevakt.archive.formats.outbox import OutboxTransport, OutgoingMessage
from somevakt.archive.models import ArchiveProfile, JournalEntry
from somevakt.archive.services import (
    EntryLocked,
    InvalidMetadata,
    capture_entry,
    decide_screening,
    deliver_pending,
    update_metadata,
)
from somevakt.inbox.models import ItemEvent

from .conftest import OK_RECEIPT, SERVER_ERROR, decide_all

pytestmark = pytest.mark.slow  # renders PDF/A captures with WeasyPrint

AM = {"a": "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"}


@pytest.fixture
def delivered(acted, profile, municipality, records_officer, tmp_path):
    decide_all(records_officer)
    outbox = OutboxTransport(tmp_path / "outbox")
    summary = deliver_pending(municipality, outbox, force=True)
    return outbox, summary


def test_it_captures_and_delivers_every_entry_as_a_valid_message_with_its_document(
    delivered, arkivmelding_schema
):
    outbox, summary = delivered
    entries = list(JournalEntry.objects.order_by("id"))
    assert (summary.captured, summary.sent, summary.failed) == (3, 3, False)
    assert {e.state for e in entries} == {"sent"}
    for entry in entries:
        folder = outbox.root / entry.message_id
        arkivmelding_schema.validate(str(folder / "arkivmelding.xml"))
        pdf = (folder / f"somevakt-{entry.record_id}.pdf").read_bytes()
        assert (
            hashlib.sha256(pdf).hexdigest()
            == entry.capture_sha256
            == hashlib.sha256(entry.pdf_bytes()).hexdigest()
        )
        message = etree.parse(str(folder / "arkivmelding.xml"))
        assert message.findtext(".//a:sjekksum", namespaces=AM) == entry.capture_sha256
        assert message.findtext(".//a:filstoerrelse", namespaces=AM) == str(len(pdf))


def test_its_captures_are_pdf_a_2b_showing_the_thread_and_the_grounds(delivered):
    entry = JournalEntry.objects.get(reason="refer_formal")
    data = entry.pdf_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        meta = pdf.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("2", "B")
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "barnehageplass" in text
    assert "Send søknaden til postmottak" in text  # the municipality's referral, in the thread
    assert "Skjermet" in text and "Offentleglova § 13" in text  # the proposal applies until decided


def test_it_reads_receipts_and_tells_the_inbox_when_an_item_is_archived(delivered, municipality):
    outbox, _ = delivered
    hidden_entry = JournalEntry.objects.get(reason="hide", item__platform_id="111222333_1_2")
    (outbox.root / hidden_entry.message_id / "kvittering.xml").write_text(OK_RECEIPT, encoding="utf-8")
    summary = deliver_pending(municipality, outbox)
    hidden_entry.refresh_from_db()
    assert summary.acknowledged == 1 and hidden_entry.state == "acknowledged"
    assert (hidden_entry.receipt["journal_year"], hidden_entry.receipt["journal_sequence"]) == (2026, 1234)
    assert ItemEvent.objects.filter(item=hidden_entry.item, type="archived").count() == 1
    hidden_entry.item.status.refresh_from_db()
    assert hidden_entry.item.status.archive_pending is False


def test_it_retries_a_delivery_the_archive_failed_under_a_new_message_id(delivered, municipality):
    outbox, _ = delivered
    entry = JournalEntry.objects.get(reason="refer_formal")
    first_id = entry.message_id
    (outbox.root / first_id / "kvittering.xml").write_text(SERVER_ERROR, encoding="utf-8")
    now = timezone.now()
    summary = deliver_pending(municipality, outbox, now=now)
    entry.refresh_from_db()
    assert entry.state == "failed" and "utilgjengelig" in entry.last_error
    assert summary.archive_failures == [(entry.record_id, entry.last_error)]
    assert deliver_pending(municipality, outbox, now=now).retried == 0  # waits before retrying
    later = deliver_pending(municipality, outbox, now=now + dt.timedelta(hours=7))
    entry.refresh_from_db()
    assert later.retried == 1 and entry.state == "sent"
    assert entry.message_id == f"{first_id}-2"
    assert (outbox.root / entry.message_id / "arkivmelding.xml").is_file()


def test_it_resumes_an_interrupted_delivery_without_a_duplicate(
    acted, profile, municipality, records_officer, tmp_path
):
    decide_all(records_officer)
    outbox = OutboxTransport(tmp_path / "outbox")
    entry = JournalEntry.objects.get(item=acted["hidden"])
    assert capture_entry(entry)
    # The message reached the outbox, then the process died before the state was saved.
    outbox.send(OutgoingMessage.for_record(record_for(entry), entry.record_id))
    entry.refresh_from_db()
    assert entry.state == "captured"
    summary = deliver_pending(municipality, outbox, force=True)
    entry.refresh_from_db()
    assert entry.state == "sent" and not summary.delivery_errors
    folders = sorted(p.name for p in outbox.root.iterdir())
    assert folders == sorted(e.record_id for e in JournalEntry.objects.all())  # one folder each


def test_it_keeps_an_entry_pending_with_the_error_when_capture_fails(acted, municipality, tmp_path):
    summary = deliver_pending(municipality, OutboxTransport(tmp_path / "outbox"), force=True)
    entry = JournalEntry.objects.get(item=acted["hidden"])
    assert entry.state == "pending"
    assert "organisation number" in entry.last_error
    assert summary.failed and summary.sent == 0
    ArchiveProfile.objects.create(municipality=municipality, org_number="123")
    assert not capture_entry(entry)
    assert "organisation number" in entry.last_error


def test_it_records_metadata_changes_and_locks_them_after_delivery(acted, profile, records_officer, tmp_path):
    entry = JournalEntry.objects.get(item=acted["hidden"])
    assert update_metadata(entry, records_officer, title="Skjult kommentar", case_reference="2026 / 12") == [
        "title",
        "case_reference",
    ]
    assert entry.case_reference == "2026/12"
    with pytest.raises(InvalidMetadata):
        update_metadata(entry, records_officer, case_reference="tolv")
    with pytest.raises(InvalidMetadata):
        decide_screening(entry, records_officer, True, "")
    assert decide_screening(entry, records_officer, False, confirmed=True)
    entry.refresh_from_db()
    assert (entry.screened, entry.screening_decided_by) == (False, records_officer)
    assert [c.field for c in entry.changes.all()] == ["tittel", "saksnummer", "skjerming"]
    assert entry.changes.last().old.startswith("Skjermet – Offentleglova § 13")
    deliver_pending(entry.municipality, OutboxTransport(tmp_path / "outbox"), force=True)
    entry.refresh_from_db()
    with pytest.raises(EntryLocked):
        update_metadata(entry, records_officer, title="For sent")


def test_it_captures_again_after_a_change_before_delivery(acted, profile, records_officer):
    entry = JournalEntry.objects.get(item=acted["hidden"])
    assert capture_entry(entry)
    update_metadata(entry, records_officer, title="Ny tittel")
    assert entry.state == "pending" and entry.capture_pdf is None


def test_it_holds_what_the_records_office_has_not_decided_and_delivers_what_it_has(
    acted, profile, municipality, records_officer, tmp_path
):
    outbox = OutboxTransport(tmp_path / "outbox")
    summary = deliver_pending(municipality, outbox, force=True)
    assert (summary.captured, summary.sent, summary.held, summary.failed) == (3, 0, 3, False)
    assert "waiting for the records office's decision 3" in summary.lines()[0]
    hidden = JournalEntry.objects.get(item=acted["hidden"])
    decide_screening(hidden, records_officer, True, "Offentleglova § 13")
    summary = deliver_pending(municipality, outbox, force=True)
    hidden.refresh_from_db()
    assert (summary.sent, summary.held, hidden.state) == (1, 2, "sent")
    assert [p.name for p in outbox.root.iterdir()] == [hidden.message_id]


def test_it_delivers_an_undecided_entry_with_the_proposal_after_the_working_hours(
    acted, profile, municipality, tmp_path
):
    from somevakt.archive.hold import Planner
    from somevakt.archive.models import Hold

    profile.hold, profile.hold_hours = Hold.HOURS, 8
    profile.save()
    outbox = OutboxTransport(tmp_path / "outbox")
    entry = JournalEntry.objects.get(item=acted["hidden"])
    at = Planner(municipality).plan(entry).at
    assert deliver_pending(municipality, outbox, now=at - dt.timedelta(minutes=1)).sent == 0
    assert deliver_pending(municipality, outbox, now=at + dt.timedelta(minutes=1)).sent == 3
    entry.refresh_from_db()
    assert entry.state == "sent" and entry.skjermet is None and entry.screened  # the proposal
