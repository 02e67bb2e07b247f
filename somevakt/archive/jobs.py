"""The archive's periodic jobs, run by `somevakt worker`; `ready()` imports this module to register them."""

from __future__ import annotations

import datetime as dt
import logging

from somevakt.archive.retention import apply_all
from somevakt.archive.services import deliver_pending
from somevakt.archive.transports.fiksio.receiving import receive_all
from somevakt.jobs.continuous import continuous
from somevakt.jobs.periodic import periodic
from somevakt.tenants.models import Municipality

log = logging.getLogger(__name__)


@periodic("archive.deliver", every=dt.timedelta(minutes=2))
def deliver() -> None:
    """Journal what is missing, capture, deliver, read receipts and retry failures, per municipality."""
    for municipality in Municipality.objects.all():
        summary = deliver_pending(municipality)
        if summary.failed:
            for line in summary.lines()[1:]:
                log.warning("archive %s: %s", municipality.slug, line)


@periodic("archive.retention", every=dt.timedelta(hours=6))
def retention() -> None:
    apply_all()


@continuous("archive.fiksio_replies")
def fiksio_replies() -> int:
    """Replies from the archive systems on the Fiks IO queues; a lost broker is tried again with backoff."""
    return receive_all()
