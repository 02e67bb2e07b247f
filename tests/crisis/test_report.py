"""The crisis report: what was answered and escalated during the crisis on the accounts it held
(and what other apps register), kept as a PDF with its SHA-256 when the crisis ends."""

from __future__ import annotations

import hashlib
import io

import pytest
from pypdf import PdfReader

from somevakt.crisis import listeners, services
from somevakt.crisis.report import report_of
from somevakt.inbox import escalation
from somevakt.inbox import services as inbox
from tests.factories import make_item, triage_with

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def item(account):
    found = make_item(account, text="Er det trygt å drikke vannet?")
    triage_with(found, "intent.question")
    return found


def test_it_lists_what_was_answered_and_escalated_during_the_crisis_only(
    item, account, owner, adviser, crisis_lead
):
    before = make_item(account, "111222333_1_2", text="Når åpner bassenget?")
    triage_with(before, "intent.question")
    inbox.send_reply(before, adviser, "Klokka ni. Hilsen Rolf")  # before the crisis: not in the report
    crisis = services.declare(account.municipality, owner, "Vannforurensning")
    inbox.send_reply(item, crisis_lead, "Kok vannet inntil videre. Hilsen Kari")
    escalation.escalate(item, adviser, "crisis", "Flere spør", draft="Vannet er trygt. Hilsen Rolf")
    sections = {s.key: s for s in report_of(crisis).sections}
    # The platform has yet to carry the answer out: listed apart, never as answered (see
    # test_report_on_platform.py for answers the platform confirmed or refused).
    assert sections["inbox-1-answered"].rows == []
    (waiting,) = sections["inbox-1-not-on-platform"].rows
    assert waiting.text == "Kok vannet inntil videre. Hilsen Kari" and waiting.state == "Venter på Facebook"
    escalated = sections["inbox-2-escalated"].rows
    assert (
        len(escalated) == 1 and "Vannet er trygt" in escalated[0].text and "Flere spør" in escalated[0].text
    )


def test_it_keeps_the_report_as_a_pdf_when_the_crisis_ends(
    item, owner, crisis_lead, django_capture_on_commit_callbacks
):
    crisis = services.declare(item.municipality, owner, "Vannforurensning")
    inbox.send_reply(item, crisis_lead, "Kok vannet inntil videre. Hilsen Kari")
    with django_capture_on_commit_callbacks(execute=True):
        services.end(crisis, owner, "Vannet er trygt igjen")
    crisis.refresh_from_db()
    kept = bytes(crisis.report_pdf)
    assert kept.startswith(b"%PDF") and crisis.report_sha256 == hashlib.sha256(kept).hexdigest()
    text = pdf_text(kept)
    assert "Kriserapport" in text and "Vannforurensning" in text and "Kok vannet" in text
    # What is served afterwards is the copy kept at the end, not a new one.
    from tests.factories import logged_in

    served = logged_in(owner).get(f"/{item.municipality.slug}/krise/{crisis.pk}/rapport.pdf").content
    assert served == kept


def test_a_section_from_another_app_is_included_and_a_failing_listener_is_contained(
    owner, municipality, django_capture_on_commit_callbacks, caplog
):
    crisis = services.declare(municipality, owner, "Storm")

    def published(found):
        return listeners.ReportSection("publishing", "Publisert", [], "Ingenting ble publisert.")

    def broken(found):
        raise RuntimeError("boom")

    listeners.register_report_section(published)
    listeners.on_crisis_ended(broken)
    try:
        assert "publishing" in {s.key for s in report_of(crisis).sections}
        with django_capture_on_commit_callbacks(execute=True):
            services.end(crisis, owner)
        crisis.refresh_from_db()
        assert crisis.ended_at is not None and crisis.report_sha256
        assert "boom" in caplog.text
    finally:
        listeners._sections.pop(listeners._name(published))
        listeners._ended.pop(listeners._name(broken))
