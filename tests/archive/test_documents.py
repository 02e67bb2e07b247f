"""Documents other apps hand to the journal (tenants.documents): a crisis's report when it ends,
and a post removed from the platform or kept although its consent lapsed. Each becomes one
journal entry about the document (not an inbox item), shown to the records office and delivered
through the outbox with a valid arkivmelding, its own capture and the handed-in file."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pikepdf
import pytest
from django.utils import timezone
from lxml import etree
from pypdf import PdfReader

from somevakt.archive.documents import sweep_documents
from somevakt.archive.extract import export_noark5
from somevakt.archive.formats.outbox import OutboxTransport
from somevakt.archive.models import EntryKind, JournalEntry, Reason
from somevakt.archive.services import deliver_pending
from somevakt.crisis import services as crisis_services
from somevakt.crisis.journal import journal_report
from somevakt.inbox import services as inbox
from somevakt.publishing import services as publishing
from tests.archive.conftest import decide_all, url
from tests.factories import make_item, triage_with
from tests.publishing.conftest import (  # noqa: F401  (fixtures)
    batsfjord,
    consent_for,
    graph,
    media_root,
    picture,
    quick,
    website,
)
from tests.publishing.conftest import facebook as facebook
from tests.publishing.test_services import draft, publish_now
from tests.staff import crisis_lead  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow  # renders PDF/A captures with WeasyPrint

AM = {"a": "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"}


@pytest.fixture
def ended_crisis(account, owner, crisis_lead, django_capture_on_commit_callbacks):  # noqa: F811
    item = make_item(account, text="Er det trygt å drikke vannet? Ring meg på 412 34 567")
    triage_with(item, "intent.question", "personal_data.phone")
    crisis = crisis_services.declare(account.municipality, owner, "Vannforurensning")
    inbox.send_reply(item, crisis_lead, "Kok vannet inntil videre. Hilsen Kari")
    with django_capture_on_commit_callbacks(execute=True):
        crisis_services.end(crisis, owner, "Vannet er trygt igjen")
    crisis.refresh_from_db()
    return crisis


@pytest.fixture
def removed_post(batsfjord, owner, facebook, graph, website):  # noqa: F811
    consent = consent_for(batsfjord, owner)
    post = draft(batsfjord, owner, [facebook], [picture(batsfjord, owner, consents=[consent])])
    publish_now(post, owner)
    publishing.withdraw_consent(batsfjord, consent.pk, owner, "Foreldrene trakk samtykket")
    (row,) = publishing.lapsed(batsfjord, owner=owner)
    publishing.remove(row.target, owner, "Samtykket er trukket")
    return post


def test_it_journals_a_crisis_report_once_when_the_crisis_ends(ended_crisis):
    (entry,) = JournalEntry.objects.all()
    assert (entry.reason, entry.kind, entry.item_id, entry.source_event_id) == (
        Reason.CRISIS_REPORT,
        EntryKind.DOCUMENT,
        None,
        None,
    )
    assert entry.document_source == f"crisis:{ended_crisis.pk}:report"
    # The PDF crisis mode kept at the end goes along unchanged, with its checksum.
    assert bytes(entry.attachment) == bytes(ended_crisis.report_pdf)
    assert entry.document["attachment"]["sha256"] == ended_crisis.report_sha256
    # An answer names the citizen it concerns: screening is proposed, the records office decides.
    assert entry.proposed_screening and entry.skjermet is None
    # The listener again, and the sweep, make no second entry.
    journal_report(ended_crisis)
    assert sweep_documents() == 0
    assert JournalEntry.objects.count() == 1


def test_the_sweep_journals_a_report_the_listener_missed(ended_crisis):
    JournalEntry.objects.all().delete()
    assert sweep_documents(ended_crisis.municipality) == 1
    assert sweep_documents(ended_crisis.municipality) == 0
    assert JournalEntry.objects.get().reason == Reason.CRISIS_REPORT


def test_it_journals_a_post_removed_because_its_consent_was_withdrawn_once(removed_post):
    (entry,) = JournalEntry.objects.all()
    assert (entry.reason, entry.kind, entry.item_id) == (Reason.POST_REMOVED, EntryKind.DOCUMENT, None)
    assert entry.title.startswith("Innlegg fjernet fra Båtsfjord kommune (Facebook)")
    assert "Foreldrene" not in entry.title and entry.proposed_screening  # pupils shown, names of consents
    assert "batsfjord:4.4-bilder" in entry.document["clauses"] or entry.document["clauses"]
    lines = [line for section in entry.document["sections"] for line in section["lines"]]
    assert any("trukket tilbake" in line for line in lines)
    assert sweep_documents() == 0 and JournalEntry.objects.count() == 1


def test_it_journals_a_post_kept_with_its_reason(batsfjord, owner, facebook, graph, website):  # noqa: F811
    consent = consent_for(batsfjord, owner)
    post = draft(batsfjord, owner, [facebook], [picture(batsfjord, owner, consents=[consent])])
    publish_now(post, owner)
    consent.valid_until = timezone.localdate() - dt.timedelta(days=1)
    consent.save()
    (row,) = publishing.lapsed(batsfjord, owner=owner)
    publishing.keep(row.target, owner, "Avtalt med foreldrene at innlegget blir stående")
    (entry,) = JournalEntry.objects.all()
    assert entry.reason == Reason.POST_KEPT
    assert (
        "Begrunnelse: Avtalt med foreldrene at innlegget blir stående. Samtykke" in entry.document["grounds"]
    )
    lines = [line for section in entry.document["sections"] for line in section["lines"]]
    assert any("(sosiale medier, nettsted;" in line and "utløpt" in line for line in lines)


def test_the_records_office_sees_both_and_they_are_delivered_through_the_outbox(
    ended_crisis, removed_post, profile, records_officer, records_client, tmp_path, arkivmelding_schema
):
    page = records_client.get(url("index")).content.decode()
    crisis_entry = JournalEntry.objects.get(reason=Reason.CRISIS_REPORT)
    post_entry = JournalEntry.objects.get(reason=Reason.POST_REMOVED)
    for entry in (crisis_entry, post_entry):
        assert entry.title in page or entry.title.replace("å", "&aring;") in page
        shown = records_client.get(url("entry", entry_id=entry.pk))
        assert shown.status_code == 200 and "Dokumentet" in shown.content.decode()
        assert "Fakta" in shown.content.decode() or "Innlegget" in shown.content.decode()
    # The public journal lists them, screened as proposed: the title it may show, never the text.
    public = records_client.get(url("public_journal")).content.decode()
    assert public.count("Dokument (organinternt)") == 2 and "Kok vannet" not in public
    attachment = records_client.get(url("attachment", entry_id=crisis_entry.pk))
    assert attachment.status_code == 200 and attachment.content == bytes(ended_crisis.report_pdf)

    decide_all(records_officer)
    outbox = OutboxTransport(tmp_path / "outbox")
    summary = deliver_pending(removed_post.municipality, outbox, force=True)
    assert not summary.failed and summary.sent == 2
    for entry in (crisis_entry, post_entry):
        entry.refresh_from_db()
        assert entry.state == "sent"
        folder = outbox.root / entry.message_id
        arkivmelding_schema.validate(str(folder / "arkivmelding.xml"))
        message = etree.parse(str(folder / "arkivmelding.xml"))
        assert message.findtext(".//a:journalposttype/{*}kode", namespaces=AM) == "X"
        assert (
            message.findtext(".//a:korrespondansepart/a:korrespondanseparttype/{*}kode", namespaces=AM)
            == "IA"
        )
        capture = (folder / f"somevakt-{entry.record_id}.pdf").read_bytes()
        assert hashlib.sha256(capture).hexdigest() == entry.capture_sha256
        with pikepdf.open(io.BytesIO(capture)) as pdf:
            assert pdf.open_metadata().get("pdfaid:part") == "2"
    # The crisis report's own PDF lies beside its message, named and summed in the message.
    folder = outbox.root / crisis_entry.message_id
    message = etree.parse(str(folder / "arkivmelding.xml"))
    sums = message.findall(".//a:sjekksum", namespaces=AM)
    assert [s.text for s in sums][1] == ended_crisis.report_sha256
    names = message.findall(".//a:referanseDokumentfil", namespaces=AM)
    assert (folder / names[1].text).read_bytes() == bytes(ended_crisis.report_pdf)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(crisis_entry.pdf_bytes())).pages)
    assert "Vannforurensning" in text and "Kok vannet" in text


def test_the_noark5_extract_holds_the_documents(
    ended_crisis, removed_post, profile, tmp_path, noark5_schemas
):
    today = timezone.localdate()
    export_noark5(ended_crisis.municipality, today, today, tmp_path / "uttrekk")
    for name, schema in noark5_schemas.items():
        schema.validate(str(tmp_path / "uttrekk" / name))
    structure = (tmp_path / "uttrekk" / "arkivstruktur.xml").read_text()
    assert "Rapport fra krisemodus" in structure and "Intern avsender" in structure
