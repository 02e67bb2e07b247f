"""The audit log's own retention: once a day, entries older than SOMEVAKT_AUDIT_RETENTION_DAYS go.

The app never changes or deletes an entry one by one (the model refuses); this job removes whole
days past the period with one DELETE, and says so in the log itself.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from somevakt.jobs.periodic import periodic
from somevakt.tenants.audit import record
from somevakt.tenants.models import AuditAction, AuditEntry


def prune_audit_log(now=None) -> int:
    """Delete entries older than the retention period; returns how many went."""
    days = int(settings.AUDIT_RETENTION_DAYS)
    cutoff = (now or timezone.now()) - timedelta(days=days)
    # QuerySet.delete is one statement and bypasses AuditEntry.delete, which refuses single rows.
    removed, _by_model = AuditEntry.objects.filter(at__lt=cutoff).delete()
    if removed:
        record(
            AuditAction.AUDIT_PRUNED,
            label="somevakt",
            subject=f"{removed}",
            after={"removed": removed, "older_than": cutoff.isoformat(timespec="seconds"), "days": days},
        )
    return removed


@periodic("tenants.audit_retention", every=timedelta(days=1))
def audit_retention() -> None:
    prune_audit_log()
