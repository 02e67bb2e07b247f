"""A crisis's report goes to the journal when the crisis ends (Hustadvika 1f, Gausdal 12,
Båtsfjord 4.3: what was said in a crisis has documentation value).

Crisis mode does not import the archive (it sits above): it hands the report to the journal
port below it (`tenants.documents`), and offers the ended crises to the archive's sweep, which
journals any the listener missed. The report's PDF kept at the end goes along unchanged, with
its SHA-256; the text of the report goes as the document's sections, so the archive's own
capture shows it too.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.utils import translation

from somevakt.crisis.labels import person_name
from somevakt.crisis.models import CrisisMode
from somevakt.crisis.report import capture_report, report_of
from somevakt.crisis.services import scope_accounts
from somevakt.policy.packs import PackError, load_pack
from somevakt.tenants import documents

PDFA_2B = ("fmt/477", "PDF/A-2b")
OSLO = ZoneInfo("Europe/Oslo")


def source_of(crisis: CrisisMode) -> str:
    return f"crisis:{crisis.pk}:report"


def _when(value: Any) -> str:
    return f"{value.astimezone(OSLO):%d.%m.%Y kl. %H.%M}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text[-1:] in ".!?" else f"{text}."


def _state(row: Any) -> str:
    """A row the platform has not confirmed says where it stands, before its text."""
    if not row.state:
        return ""
    return f"[{row.state}: {row.detail}] " if row.detail else f"[{row.state}] "


def _event_line(event: Any) -> str:
    """One step of the crisis's history, as the report shows it."""
    payload = event.payload or {}
    if event.type == "declared":
        detail = payload.get("reason") or ""
    elif event.type == "instruction":
        detail = " – ".join(
            str(p)
            for p in (
                payload.get("to_name") or payload.get("to"),
                payload.get("purpose"),
                payload.get("text"),
            )
            if p
        )
    else:
        detail = payload.get("note") or ""
    line = f"{_when(event.at)} · {event.get_type_display()} · {person_name(event.actor)}"
    return f"{line}: {detail}" if detail else line


def document_of(crisis: CrisisMode) -> documents.JournalDocument | None:
    """The ended crisis's report for the journal (bokmål, as the archive keeps it); None while it
    holds. Keeps the report's PDF first if no listener has yet."""
    if crisis.active:
        return None
    if not crisis.report_sha256:
        capture_report(crisis)
        crisis.refresh_from_db()
    municipality = crisis.municipality
    try:
        clause = load_pack(municipality.policy_pack).roles.crisis.clause
    except PackError:
        clause = ""
    with translation.override("nb"):
        report = report_of(crisis)
        accounts = ", ".join(a.name for a in scope_accounts(crisis)) if not crisis.whole_municipality else ""
        facts = [
            f"Erklært av {person_name(crisis.declared_by)} {_when(crisis.started_at)}",
            f"Avsluttet av {person_name(crisis.ended_by)} {_when(crisis.ended_at)}",
            f"Begrunnelse: {crisis.reason}",
            f"Gjaldt: {accounts or 'hele kommunen'}",
        ]
        if crisis.end_note:
            facts.append(f"Merknad ved avslutning: {crisis.end_note}")
        history = [_event_line(event) for event in report.events]
        sections = [documents.Section("Fakta", tuple(facts)), documents.Section("Historikk", tuple(history))]
        for section in report.sections:
            lines = tuple(
                f"{_when(row.at)} · {row.account} · {row.who}: {_state(row)}{row.text}".strip()
                for row in section.rows
            ) or (str(section.empty),)
            sections.append(documents.Section(str(section.title), lines))
    # Answers and escalations name the citizens they concern; somevakt proposes screening then.
    personal = any(section.rows for section in report.sections if not section.key.startswith("published"))
    pdf = bytes(crisis.report_pdf) if crisis.report_pdf is not None else None
    return documents.JournalDocument(
        municipality=municipality,
        source=source_of(crisis),
        kind=documents.CRISIS_REPORT,
        title=f"Rapport fra krisemodus {crisis.started_at:%d.%m.%Y}: {crisis.reason}"[:300],
        date=crisis.ended_at,
        actor=person_name(crisis.ended_by),
        at=crisis.ended_at,
        grounds="Krisemodus ble avsluttet. Rapporten viser hva som ble publisert, besvart og løftet til "
        "kriseledelsen mens krisemodus gjaldt."
        + (f" {_sentence(crisis.end_note)}" if crisis.end_note else ""),
        clauses=(clause,) if clause else (),
        parties=(
            ("erklærte krisemodus", person_name(crisis.declared_by)),
            ("avsluttet krisemodus", person_name(crisis.ended_by)),
        ),
        sections=tuple(sections),
        attachment=documents.Attachment(
            file_name="krisemodus-rapport.pdf",
            content=pdf,
            title="Rapporten slik den ble bevart da krisemodus ble avsluttet",
            format_code=PDFA_2B[0],
            format_name=PDFA_2B[1],
        )
        if pdf
        else None,
        personal_data=personal,
    )


def journal_report(crisis: CrisisMode) -> None:
    """The listener of a crisis's end (crisis.listeners.on_crisis_ended)."""
    found = document_of(
        CrisisMode.objects.select_related("municipality", "declared_by", "ended_by").get(pk=crisis.pk)
    )
    if found is not None:
        documents.journal_document(found)


def ended_reports(municipality: Any, journaled: frozenset[str]) -> list[documents.JournalDocument]:
    """The archive's sweep asks: the ended crises whose report has no entry yet."""
    ended = CrisisMode.objects.filter(municipality=municipality, ended_at__isnull=False).select_related(
        "municipality", "declared_by", "ended_by"
    )
    return [doc for crisis in ended if source_of(crisis) not in journaled and (doc := document_of(crisis))]
