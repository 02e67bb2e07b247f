"""A crisis's report: who declared and ended it, its scope, its history, and what the apps above
did during it (crisis.listeners report sections), as a page and as a PDF for the archive."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from somevakt.crisis.listeners import ReportSection, report_sections
from somevakt.crisis.models import CrisisEvent, CrisisMode
from somevakt.crisis.services import scope_accounts


@dataclass(frozen=True)
class Report:
    crisis: CrisisMode
    accounts: list[Any]
    events: list[CrisisEvent]
    sections: list[ReportSection]


def report_of(crisis: CrisisMode) -> Report:
    return Report(
        crisis=crisis,
        accounts=scope_accounts(crisis),
        events=list(crisis.events.select_related("actor").order_by("at", "id")),
        sections=report_sections(crisis),
    )


def report_html(crisis: CrisisMode, language: str = "nb") -> str:
    """The report as a standalone HTML document (no scripts, no external files) for the PDF."""
    with translation.override(language):
        return render_to_string("crisis/report_document.html", {"report": report_of(crisis)})


def report_pdf(crisis: CrisisMode, language: str = "nb") -> bytes:
    from weasyprint import HTML  # imported when used: loading it costs a second

    def no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # The document is self-contained; nothing is fetched, from the network or the disk.
        raise ValueError(f"the report fetches nothing ({url})")

    # PDF/A-2b: the kept report goes to the archive as it is.
    return HTML(string=report_html(crisis, language), url_fetcher=no_fetching).write_pdf(
        pdf_variant="pdf/a-2b"
    )


log = logging.getLogger(__name__)


def capture_report(crisis: CrisisMode) -> None:
    """Keep the ended crisis's report as it stands now (crisis.listeners.on_crisis_ended): the PDF
    and its SHA-256, never made again, so what the archive receives is what was true at the end."""
    if crisis.active or crisis.report_sha256:
        return
    pdf = report_pdf(crisis)
    updated = CrisisMode.objects.filter(pk=crisis.pk, report_sha256="").update(
        report_pdf=pdf, report_sha256=hashlib.sha256(pdf).hexdigest()
    )
    if updated:
        log.info("crisis: report of crisis %s captured (%s bytes)", crisis.pk, len(pdf))
