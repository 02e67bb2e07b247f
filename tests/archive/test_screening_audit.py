"""The records office's screening decision is in the municipality's audit log, with before and after."""

from __future__ import annotations

from somevakt.archive.models import JournalEntry
from somevakt.tenants.models import AuditAction, AuditEntry

from .conftest import url


def test_a_screening_decision_is_in_the_audit_log(acted, records_client, records_officer, municipality):
    entry = JournalEntry.objects.get(item=acted["hidden"])
    records_client.post(
        url("screening", entry_id=entry.pk),
        {"screened": "1", "basis": "Offentleglova § 13"},
        REMOTE_ADDR="10.0.0.8",
    )
    logged = AuditEntry.objects.get(action=AuditAction.SCREENING_DECIDED)
    assert logged.actor == records_officer and logged.address == "10.0.0.8"
    assert logged.municipality == municipality and logged.subject == entry.record_id
    assert logged.before == {"skjermet": None, "screening_basis": ""}
    assert logged.after == {"skjermet": True, "screening_basis": "Offentleglova § 13"}
