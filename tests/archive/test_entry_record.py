"""What a captured document cites: the clauses of the action the entry documents (the hiding's or
deletion's ground, the referral's rule), never the triage's clauses for another action."""

from __future__ import annotations

import pytest

from somevakt.archive.entry_record import take_snapshot
from somevakt.archive.models import JournalEntry
from somevakt.inbox import services
from somevakt.inbox.events import record

from .conftest import refer


def cited(item, reason):
    entry = JournalEntry.objects.select_related("item__status", "source_event__actor").get(
        item=item, reason=reason
    )
    return [clause_id for clause_id, _summary in take_snapshot(entry)["action"]["clauses"]]


def test_a_question_hidden_as_illegal_content_cites_the_clause_on_threats(make_item, owner):
    item = make_item("111222333_2_1", "Når åpner dere? Jeg vet hvor du bor.", "intent.question")
    assert "gausdal:offisielle-kontoer-3" not in item.status.clauses  # triage said: answer it
    services.hide(item, owner, "illegal")
    assert cited(item, "hide") == ["gausdal:offisielle-kontoer-3"]


def test_hiding_exposed_personal_data_cites_the_rule_on_that_data(make_item, owner):
    item = make_item(
        "111222333_2_2", "Refusjonen kan settes inn på konto 9710.05.12347.", "personal_data.bank_account"
    )
    services.hide(item, owner, "personal_data")
    assert cited(item, "hide") == ["gausdal:offisielle-kontoer-10"]


def test_a_referral_cites_the_rule_on_case_processing_whatever_triage_advised(make_item, owner):
    item = make_item("111222333_2_3", "Når kan jeg søke om plass i barnehage?", "intent.question")
    refer(item, owner)
    assert cited(item, "refer_formal") == ["gausdal:offisielle-kontoer-10"]


def test_a_political_referral_cites_the_clause_on_political_matters(make_item, owner):
    item = make_item("111222333_2_4", "Hvorfor vil dere legge ned skolen?", "intent.political")
    services.send_reply(item, owner, "Dette er en sak for politikerne. Hilsen Eva", purpose="refer_political")
    assert cited(item, "refer_political") == ["gausdal:offisielle-kontoer-11"]


def test_hiding_while_an_escalation_is_pending_cites_the_escalations_clause(make_item, owner):
    item = make_item("111222333_2_5", "Dette må lederen se på.", "intent.question")
    # The escalation as the inbox records it (who it goes to is the inbox's business).
    record(
        item,
        "escalated",
        actor=owner,
        reason="Vanskelig sak",
        clauses=["gausdal:offisielle-kontoer-3"],
        payload={"target": "difficult_cases", "to_id": owner.pk, "to_ids": [owner.pk]},
    )
    services.hide(item, owner, "pending_escalation")
    assert cited(item, "hide") == ["gausdal:offisielle-kontoer-3"]


@pytest.mark.slow  # renders the PDF/A capture
def test_the_captured_document_cites_the_hidings_clause(make_item, owner, profile):
    import io

    from pypdf import PdfReader

    from somevakt.archive.services import capture_entry

    item = make_item("111222333_2_6", "Når åpner dere? Jeg vet hvor du bor.", "intent.question")
    services.hide(item, owner, "illegal")
    entry = JournalEntry.objects.get(item=item)
    assert capture_entry(entry)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(entry.pdf_bytes())).pages)
    assert "gausdal:offisielle-kontoer-3" in text
    for clause_id in item.status.clauses:
        assert clause_id not in text
