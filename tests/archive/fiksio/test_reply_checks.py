"""The archive's replies as KS's clients send them, and the check of who sent them: a reply packed
as KS's .NET client packs it settles the entry; a reply whose signature does not hold, signed by
someone no trusted issuer vouches for, or sent from another account is kept, never acted on, and
shown as such on the entry in the reader's language; a reply Fiks IO kept in Dokumentlager is
fetched from there."""

from __future__ import annotations

import os
import uuid

import pytest
from cryptography import x509
from django.conf import settings

from somevakt.archive.models import DeliveryState, JournalEntry
from somevakt.archive.services import deliver_pending
from somevakt.archive.transports.fiksio import receiving, signature
from somevakt.archive.transports.fiksio.api import INLINE_LIMIT
from somevakt.archive.transports.fiksio.messages import KVITTERING, MOTTATT
from somevakt.archive.transports.fiksio.models import FiksIOReply
from tests.archive.conftest import decide_all, url
from tests.archive.fiksio.conftest import configure
from tests.archive.fiksio.fakes import kvittering
from tests.archive.fiksio.foreign import cms_encrypt_streamed, dotnet_container
from tests.archive.fiksio.pki import issue
from tests.archive.fiksio.test_transport import by_entry
from tests.factories import logged_in

pytestmark = pytest.mark.slow  # renders the PDF/A captures with WeasyPrint


@pytest.fixture
def sent(fiksio, acted, profile, municipality, records_officer):
    """Three entries sent through Fiks IO and taken by the archive (as in test_transport)."""
    configure(municipality, fiksio)
    decide_all(records_officer)
    assert deliver_pending(municipality, force=True).sent == 3
    return fiksio.archive.take()


def _for_us(fiksio, container: bytes) -> bytes:
    ours = x509.load_pem_x509_certificate(fiksio.ours.certificate_pem.encode())
    return cms_encrypt_streamed(container, ours)


def _page(person, entry, language: str) -> str:
    client = logged_in(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language  # the language chosen at the top
    return client.get(url("entry", entry_id=entry.pk)).content.decode()


def test_a_receipt_packed_as_ks_dotnet_client_packs_it_registers_the_entry(
    fiksio,
    sent,
    municipality,
    records_officer,
):
    entry = JournalEntry.objects.get(reason="refer_formal")
    received = by_entry(fiksio, entry)
    container = dotnet_container([("arkivmelding-kvittering.xml", kvittering(31))], fiksio.pki.archive)
    fiksio.archive.answer(received, MOTTATT)
    fiksio.archive.answer_raw(received, KVITTERING, _for_us(fiksio, container))
    assert receiving.receive_all() == 2
    entry.refresh_from_db()
    assert entry.state == DeliveryState.ACKNOWLEDGED and entry.receipt["journal_sequence"] == 31
    page = _page(records_officer, entry, "nb")
    assert "Signaturen er kontrollert." in page


@pytest.mark.parametrize("how", ["tampered", "untrusted", "other account"])
def test_a_reply_that_fails_the_check_is_kept_never_acted_on_and_shown_on_the_entry(
    fiksio,
    sent,
    municipality,
    records_officer,
    how,
):
    entry = JournalEntry.objects.get(reason="refer_formal")
    received = by_entry(fiksio, entry)
    signer = fiksio.pki.archive if how != "untrusted" else issue("Falsk Arkiv", org_number="961399254")
    container = dotnet_container(
        [("arkivmelding-kvittering.xml", kvittering(99))], signer, tamper=how == "tampered"
    )
    other = str(uuid.uuid4()) if how == "other account" else ""
    reply_id = fiksio.archive.answer_raw(
        received, KVITTERING, _for_us(fiksio, container), sender_account=other
    )
    assert receiving.receive_all() == 1  # taken off the queue: kept, not left to block it
    reply = FiksIOReply.objects.get(fiks_message_id=reply_id)
    expected = {
        "tampered": signature.INVALID,
        "untrusted": signature.UNTRUSTED,
        "other account": signature.SENDER,
    }
    assert signature.code_of(reply.problem) == expected[how]
    entry.refresh_from_db()
    assert entry.state == DeliveryState.SENT and not entry.receipt  # never acted on
    assert "kunne ikke brukes" in entry.last_error
    nb = {
        "tampered": "Ikke brukt: signaturen på svaret stemmer ikke med innholdet.",
        "untrusted": "Ikke brukt: svaret er ikke signert med et virksomhetssertifikat somevakt stoler på.",
        "other account": "Ikke brukt: Fiks IO sier at svaret ikke kom fra arkivsystemets konto.",
    }
    en = {
        "tampered": "Not used: the reply&#x27;s signature does not match its content.",
        "untrusted": "Not used: the reply is not signed with a trusted business certificate.",
        "other account": (
            "Not used: Fiks IO says the reply did not come from the archive system&#x27;s account."
        ),
    }
    assert nb[how] in _page(records_officer, entry, "nb")
    assert en[how] in _page(records_officer, entry, "en")
    # The genuine receipt that follows still settles the entry.
    fiksio.archive.answer(received, KVITTERING, kvittering(100))
    assert receiving.receive_all() == 1
    entry.refresh_from_db()
    assert entry.state == DeliveryState.ACKNOWLEDGED and entry.receipt["journal_sequence"] == 100


def test_a_reply_fiks_io_kept_in_dokumentlager_is_fetched_from_there(fiksio, sent, municipality):
    entry = JournalEntry.objects.get(reason="refer_formal")
    received = by_entry(fiksio, entry)
    large = [("arkivmelding-kvittering.xml", kvittering(57)), ("vedlegg.pdf", os.urandom(INLINE_LIMIT))]
    fiksio.archive.answer_raw(
        received, KVITTERING, _for_us(fiksio, dotnet_container(large, fiksio.pki.archive))
    )
    assert fiksio.fiks.documents, "the fake Fiks IO should have kept the payload in Dokumentlager"
    assert receiving.receive_all() == 1
    entry.refresh_from_db()
    assert entry.state == DeliveryState.ACKNOWLEDGED and entry.receipt["journal_sequence"] == 57
    assert any(call[1].startswith("/dokumentlager/nedlasting/") for call in fiksio.fiks.calls)
