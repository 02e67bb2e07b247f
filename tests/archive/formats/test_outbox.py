"""The outbox transport: one folder per message, written whole or not at all, idempotent per
message id, and the archive's receipt read back."""

from __future__ import annotations

import hashlib

import pytest
from lxml import etree

from somevakt.archive.formats.arkivmelding import MDK, NS
from somevakt.archive.formats.outbox import (
    MessageFile,
    OutboxTransport,
    OutgoingMessage,
    Transport,
    TransportError,
    parse_receipt,
)

from ..conftest import FAILED_RECEIPT, OK_RECEIPT, SERVER_ERROR
from .conftest import needs_fiks_schemas


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def outbox(tmp_path):
    return OutboxTransport(tmp_path / "outbox")


def test_it_is_a_transport(outbox):
    assert isinstance(outbox, Transport)
    assert outbox.name == "outbox"


def test_it_writes_one_folder_with_the_message_and_its_documents_beside_it(outbox, make_record):
    record = make_record("inquiry")
    outbox.send(OutgoingMessage.for_record(record))
    folder = outbox.root / "entry-1"
    assert sorted(p.name for p in folder.iterdir()) == ["arkivmelding.xml", "somevakt-entry-1.pdf"]
    root = etree.fromstring((folder / "arkivmelding.xml").read_bytes())
    obj = root.find(f".//{{{NS}}}dokumentobjekt")
    referenced = folder / obj.findtext(f"{{{NS}}}referanseDokumentfil")
    assert sha(referenced.read_bytes()) == obj.findtext(f"{{{NS}}}sjekksum") == record.documents[0].sha256
    assert [p.name for p in outbox.root.iterdir()] == ["entry-1"]  # no temporary folder left


def test_it_sends_the_same_message_twice_without_a_second_copy(outbox, make_record):
    message = OutgoingMessage.for_record(make_record("inquiry"))
    outbox.send(message)
    first = (outbox.root / "entry-1" / "arkivmelding.xml").stat()
    outbox.send(message)
    assert (outbox.root / "entry-1" / "arkivmelding.xml").stat().st_ino == first.st_ino
    assert [p.name for p in outbox.root.iterdir()] == ["entry-1"]


def test_it_refuses_different_content_under_an_id_already_sent(outbox, make_record):
    outbox.send(OutgoingMessage.for_record(make_record("inquiry")))
    changed = make_record("inquiry", title="Henvendelse om SFO-plass via Facebook")
    with pytest.raises(TransportError) as caught:
        outbox.send(OutgoingMessage.for_record(changed))
    assert caught.value.permanent
    assert "different content" in str(caught.value)


def test_it_resumes_an_interrupted_delivery_without_leftovers(outbox, make_record):
    message = OutgoingMessage.for_record(make_record("moderation"))
    # What a crash half-way through writing leaves: a temporary folder with part of the files.
    stale = outbox.root / ".tmp-entry-1-0badc0ffee00"
    stale.mkdir(parents=True)
    (stale / "somevakt-entry-1.pdf").write_bytes(b"%PDF-1.7 half")
    outbox.send(message)
    assert sorted(p.name for p in outbox.root.iterdir()) == ["entry-1"]
    assert (outbox.root / "entry-1" / "arkivmelding.xml").read_bytes() == message.arkivmelding


def test_it_reports_an_unwritable_outbox_as_worth_retrying(tmp_path, make_record):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the outbox should be")
    with pytest.raises(TransportError) as caught:
        OutboxTransport(blocker).send(OutgoingMessage.for_record(make_record("inquiry")))
    assert not caught.value.permanent


@pytest.mark.parametrize("message_id", ["../escape", "", ".hidden", "a/b", "x" * 300])
def test_it_refuses_message_ids_that_are_not_plain_folder_names(message_id):
    with pytest.raises(TransportError) as caught:
        OutgoingMessage(message_id, b"<x/>")
    assert caught.value.permanent


@pytest.mark.parametrize("name", ["kvittering.xml", "arkivmelding.xml", "../x.pdf", "a b.pdf"])
def test_it_refuses_file_names_that_would_clash_or_escape(name):
    with pytest.raises(TransportError):
        OutgoingMessage("m-1", b"<x/>", (MessageFile(name, b"x"),))


def test_it_uses_a_message_id_given_by_the_caller(outbox, make_record):
    record = make_record("inquiry")
    outbox.send(OutgoingMessage.for_record(record, message_id="entry-1.r2"))
    assert (outbox.root / "entry-1.r2" / "arkivmelding.xml").is_file()


def test_it_has_no_receipt_before_the_archive_writes_one(outbox, make_record):
    outbox.send(OutgoingMessage.for_record(make_record("inquiry")))
    assert outbox.receipt("entry-1") is None
    assert outbox.receipt("never-sent") is None


@needs_fiks_schemas
def test_the_sample_receipts_are_real_fiks_arkiv_receipts(kvittering_schema):
    kvittering_schema.validate(OK_RECEIPT)


def test_it_reads_a_successful_receipt_with_the_archive_s_journal_number(outbox, make_record):
    outbox.send(OutgoingMessage.for_record(make_record("inquiry")))
    (outbox.root / "entry-1" / "kvittering.xml").write_text(OK_RECEIPT, encoding="utf-8")
    receipt = outbox.receipt("entry-1")
    assert receipt.outcome == "ok"
    assert receipt.created is True
    assert (receipt.journal_year, receipt.journal_sequence) == (2026, 1234)
    assert receipt.system_id == "6f1c2b7e-2d4a-4a7e-9a55-1d3e1f0c9b21"
    # A receipt in the folder does not make a resend look like different content.
    outbox.send(OutgoingMessage.for_record(make_record("inquiry")))


def test_it_reads_a_refused_registration_as_a_permanent_failure():
    receipt = parse_receipt("m-1", FAILED_RECEIPT.encode())
    assert (receipt.outcome, receipt.permanent) == ("failed", True)
    assert (receipt.error_id, receipt.error) == ("E-17", "Ukjent arkivdel SOME")


def test_it_reads_a_server_error_as_a_failure_worth_retrying():
    receipt = parse_receipt("m-1", SERVER_ERROR.encode())
    assert (receipt.outcome, receipt.permanent, receipt.error) == (
        "failed",
        False,
        "Arkivet er utilgjengelig",
    )


@pytest.mark.parametrize("data", [b"<arkivmeldingKvittering", b"<html><body>hei</body></html>", b""])
def test_it_treats_an_unreadable_receipt_as_not_yet_there(data):
    with pytest.raises(TransportError) as caught:
        parse_receipt("m-1", data)
    assert not caught.value.permanent


def test_it_never_resolves_entities_in_a_receipt():
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        b"<serverfeil><feilId>1</feilId><feilmelding>&x;</feilmelding></serverfeil>"
    )
    receipt = parse_receipt("m-1", hostile)
    assert receipt.outcome == "failed"
    assert receipt.error in ("", "serverfeil")


def test_the_message_files_are_the_record_s_documents(make_record):
    record = make_record("inquiry")
    message = OutgoingMessage.for_record(record)
    assert [f.name for f in message.files] == ["somevakt-entry-1.pdf"]
    assert message.files[0].content == record.documents[0].read()
    assert etree.fromstring(message.arkivmelding).find(f".//{{{MDK}}}noekkel").text == "entry-1"
