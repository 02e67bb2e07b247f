"""Delivery through Fiks IO end to end: the archive system receives a signed, encrypted ASiC-E
container with a valid arkivmelding; its replies come back over the real broker and settle the
journal entries (case and registry numbers, errors in Norwegian, retries), each once."""

from __future__ import annotations

import pytest

from somevakt.archive.models import DeliveryState, JournalEntry
from somevakt.archive.services import deliver_pending
from somevakt.archive.transports.fiksio import receiving
from somevakt.archive.transports.fiksio.messages import (
    IKKEFUNNET,
    KVITTERING,
    MOTTATT,
    SERVERFEIL,
    UGYLDIG,
)
from somevakt.archive.transports.fiksio.models import FiksIOMessage, FiksIOReply
from somevakt.inbox.models import ItemEvent
from tests.archive.conftest import FIKS_ARKIV, decide_all, url
from tests.archive.fiksio.conftest import configure
from tests.archive.fiksio.fakes import feilmelding, kvittering
from tests.factories import logged_in

pytestmark = pytest.mark.slow  # renders the PDF/A captures with WeasyPrint


@pytest.fixture
def sent(fiksio, acted, profile, municipality, records_officer):
    configure(municipality, fiksio)
    decide_all(records_officer)
    summary = deliver_pending(municipality, force=True)
    assert (summary.sent, summary.failed) == (3, False), summary.lines()
    return {r.container.files["arkivmelding.xml"]: r for r in fiksio.archive.take()}


def by_entry(fiksio, entry):
    message = FiksIOMessage.objects.get(message_id=entry.message_id)
    return next(r for r in fiksio.archive.received if r.message_id == message.fiks_message_id)


def test_it_sends_each_entry_as_a_signed_container_the_archive_decrypts_and_validates(
    fiksio, sent, municipality
):
    entries = list(JournalEntry.objects.order_by("id"))
    assert {e.state for e in entries} == {DeliveryState.SENT}
    assert len(sent) == 3 == len(fiksio.fiks.sent)
    for entry in entries:
        received = by_entry(fiksio, entry)
        assert received.message_type == "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett"
        assert received.sender == fiksio.ours.account_id
        assert received.signature_verified, "the CAdES signature does not verify against the CA"
        assert received.schema_valid in (True, None)
        pdf = received.container.files[f"somevakt-{entry.record_id}.pdf"]
        assert pdf == entry.pdf_bytes()
        assert entry.record_id.encode() in received.container.files["arkivmelding.xml"]
        message = FiksIOMessage.objects.get(message_id=entry.message_id)
        assert received.headers["klientmelding-id"] == str(message.client_message_id)
        assert int(received.headers and fiksio.fiks.sent[0].metadata["ttl"]) > 0


def test_it_stores_the_archives_numbers_from_the_kvittering_and_shows_them(
    fiksio, sent, municipality, records_officer
):
    entry = JournalEntry.objects.get(reason="refer_formal")
    fiksio.archive.registered(by_entry(fiksio, entry), 4711, case_sequence=88)
    assert receiving.receive_all() == 2
    entry.refresh_from_db()
    assert entry.state == DeliveryState.ACKNOWLEDGED
    assert (entry.receipt["journal_year"], entry.receipt["journal_sequence"]) == (2026, 4711)
    assert (entry.receipt["case_year"], entry.receipt["case_sequence"]) == (2026, 88)
    message = FiksIOMessage.objects.get(message_id=entry.message_id)
    assert message.received_at is not None
    page = (
        logged_in(records_officer)
        .get(url("entry", entry_id=entry.pk), HTTP_ACCEPT_LANGUAGE="nb")
        .content.decode()
    )
    assert "journalnummer 2026/4711" in page.lower() and "saksnummer 2026/88" in page
    assert message.fiks_message_id in page and "mottatt av arkivet" in page


def test_a_reply_delivered_twice_or_out_of_order_is_taken_once(fiksio, sent, municipality):
    entry = JournalEntry.objects.get(reason="refer_formal")
    received = by_entry(fiksio, entry)
    fiksio.archive.answer(received, KVITTERING, kvittering(12))
    fiksio.archive.answer(received, MOTTATT)  # "mottatt" after the kvittering
    receipt_id = fiksio.fiks.sent[-2].message_id
    # Fiks IO delivers the kvittering a second time (a consumer died before acknowledging).
    fiksio.fiks.publish(fiksio.fiks.sent[-2].metadata, fiksio.fiks.sent[-2].data, receipt_id)
    assert receiving.receive_all() == 3
    entry.refresh_from_db()
    assert entry.state == DeliveryState.ACKNOWLEDGED and entry.receipt["journal_sequence"] == 12
    assert FiksIOReply.objects.filter(fiks_message_id=receipt_id).count() == 1
    archived = ItemEvent.objects.filter(item=entry.item, type="archived")
    assert archived.count() <= 1


@pytest.mark.parametrize(
    ("message_type", "permanent", "label"),
    [
        (UGYLDIG, True, "Arkivet avviste meldingen som ugyldig"),
        (IKKEFUNNET, True, "Arkivet fant ikke det meldingen viser til"),
        (SERVERFEIL, False, "Arkivet fikk en feil og ber om at meldingen sendes på nytt"),
    ],
)
def test_an_error_from_the_archive_is_kept_in_norwegian_and_retried_where_it_says_so(
    fiksio, sent, municipality, message_type, permanent, label
):
    entry = JournalEntry.objects.get(reason="refer_formal")
    kind = message_type.rsplit(".", 1)[-1]
    fiksio.archive.answer(by_entry(fiksio, entry), message_type, feilmelding(kind, "Ukjent arkivdel SOME"))
    receiving.receive_all()
    entry.refresh_from_db()
    assert entry.state == DeliveryState.FAILED
    assert entry.last_error == f"{label}: Ukjent arkivdel SOME"
    assert entry.receipt["permanent"] is permanent
    summary = deliver_pending(municipality, force=True)
    entry.refresh_from_db()
    if permanent:
        assert entry.state == DeliveryState.FAILED and summary.retried == 0
    else:
        assert summary.retried == 1 and entry.state == DeliveryState.SENT
        assert entry.message_id == f"{entry.record_id}-2"
        again = fiksio.archive.take()
        assert len(again) == 1 and again[0].signature_verified


def test_a_reply_to_a_message_never_sent_is_kept_and_changes_nothing(fiksio, sent, municipality):
    received = next(iter(sent.values()))
    stranger = type(received)(**{**received.__dict__, "message_id": "00000000-0000-0000-0000-000000000000"})
    fiksio.archive.answer(stranger, KVITTERING, kvittering(1))
    assert receiving.receive_all() == 1
    reply = FiksIOReply.objects.get()
    assert "did not send" in reply.problem and reply.message is None
    assert set(JournalEntry.objects.values_list("state", flat=True)) == {DeliveryState.SENT}


def test_a_reply_that_is_not_a_receipt_is_kept_with_the_reason_on_the_entry(fiksio, sent, municipality):
    entry = JournalEntry.objects.get(reason="refer_formal")
    fiksio.archive.answer(by_entry(fiksio, entry), KVITTERING, b"<html>not a receipt</html>")
    assert receiving.receive_all() == 1
    entry.refresh_from_db()
    assert entry.state == DeliveryState.SENT
    assert "kunne ikke brukes" in entry.last_error and "not a Fiks Arkiv receipt" in entry.last_error


def test_sending_the_same_message_again_hands_nothing_over_twice(fiksio, sent, municipality):
    from somevakt.archive.entry_record import record_for
    from somevakt.archive.formats.outbox import OutgoingMessage
    from somevakt.archive.transports.fiksio.transport import FiksIOTransport

    entry = JournalEntry.objects.get(reason="refer_formal")
    FiksIOTransport(municipality).send(OutgoingMessage.for_record(record_for(entry), entry.message_id))
    assert len(fiksio.fiks.sent) == 3
    assert fiksio.archive.take() == []


def test_with_the_schemas_a_kvittering_that_does_not_validate_is_kept_not_applied(
    fiksio, sent, municipality, settings
):
    if not FIKS_ARKIV.is_dir():
        pytest.skip("the Fiks Arkiv schemas in ../shared/fiks-arkiv are absent")
    settings.SOMEVAKT_FIKS_ARKIV_SCHEMAS = str(FIKS_ARKIV)
    refer = JournalEntry.objects.get(reason="refer_formal")
    hidden = JournalEntry.objects.filter(reason="hide").first()
    # Read without the schema, this would be a registration without its journal year.
    broken = kvittering(7).replace(b"<journalaar>2026</journalaar>", b"<journalaar>i fjor</journalaar>")
    fiksio.archive.answer(by_entry(fiksio, refer), KVITTERING, broken)
    fiksio.archive.answer(by_entry(fiksio, hidden), KVITTERING, kvittering(8))
    assert receiving.receive_all() == 2
    refer.refresh_from_db()
    hidden.refresh_from_db()
    assert refer.state == DeliveryState.SENT and "does not validate" in refer.last_error
    assert hidden.state == DeliveryState.ACKNOWLEDGED and hidden.receipt["journal_sequence"] == 8


def test_a_refused_integration_keeps_the_entries_captured_with_the_reason_and_they_go_later(
    fiksio, acted, profile, municipality, records_officer
):
    configure(municipality, fiksio, integration_password="feil-passord")
    decide_all(records_officer)
    summary = deliver_pending(municipality, force=True)
    assert summary.sent == 0 and len(summary.delivery_errors) == 3
    entry = JournalEntry.objects.get(reason="refer_formal")
    assert entry.state == DeliveryState.CAPTURED
    assert "refused the integration" in entry.last_error and entry.next_attempt_at is not None
    assert fiksio.fiks.sent == []
    configure(municipality, fiksio)  # the records office corrects the password
    assert deliver_pending(municipality, force=True).sent == 3
    assert len(fiksio.archive.take()) == 3
