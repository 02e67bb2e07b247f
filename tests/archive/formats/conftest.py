"""Records shaped like the inbox's journal entries, and marks for tests that need the official schemas
(the schema fixtures are in tests/archive/conftest.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from somevakt.archive.formats.records import (
    Action,
    ArchiveDocument,
    CitedClause,
    JournalRecord,
    Municipality,
    Screening,
    ThreadItem,
)

from ..conftest import ARKIVMELDING_XSD
from ..conftest import NOARK5 as NOARK5  # test modules import it from here

OSLO = ZoneInfo("Europe/Oslo")

needs_fiks_schemas = pytest.mark.skipif(
    not ARKIVMELDING_XSD.is_file(), reason="the Fiks Arkiv schemas in ../shared/fiks-arkiv are absent"
)
needs_noark5_schemas = pytest.mark.skipif(
    not (NOARK5 / "N5" / "arkivstruktur.xsd").is_file(),
    reason="the Noark 5 schemas in ../shared/noark5 are absent",
)

GAUSDAL = Municipality("Gausdal kommune", "961 399 254", "gausdal")
RECEIVED = datetime(2026, 3, 4, 10, 0, tzinfo=OSLO)


@pytest.fixture
def make_record():
    """A factory: `make_record("inquiry" | "reply" | "moderation", **overrides)`."""
    return build_record


def build_record(
    kind: str = "inquiry",
    *,
    record_id: str = "entry-1",
    text: str = "Hei! Jeg vil søke om barnehageplass for sønnen min fra august. Hvordan gjør jeg det?",
    author: str = "Kari Nordmann",
    received: datetime = RECEIVED,
    screening: Screening | None = None,
    with_document: bool = True,
    **overrides: object,
) -> JournalRecord:
    comment = ThreadItem(
        author=author,
        time=received,
        text=text,
        permalink="https://www.facebook.com/gausdalkommune/posts/111?comment_id=222",
        platform="facebook",
        account="Gausdal kommune",
        platform_id="111_222",
        subject=kind != "reply",
        visibility="deleted" if kind == "moderation" else "visible",
    )
    reply = ThreadItem(
        author="Gausdal kommune",
        time=received + timedelta(hours=2),
        text="Hei Kari! Søknad om barnehageplass sendes via kommunens nettside. Hilsen Ola",
        permalink="https://www.facebook.com/gausdalkommune/posts/111?comment_id=333",
        platform="facebook",
        account="Gausdal kommune",
        platform_id="111_333",
        by_municipality=True,
        subject=kind == "reply",
    )
    action = {
        "inquiry": Action(
            "refer_formal",
            "Ola Hansen",
            received + timedelta(hours=2),
            "Søknad om barnehageplass krever saksbehandling; innsenderen er henvist til formell søknad.",
            (CitedClause("gausdal:offisielle-kontoer-10", "Saksbehandling skjer ikke i sosiale medier."),),
        ),
        "reply": Action(
            "reply", "Ola Hansen", received + timedelta(hours=2), "Svar på henvendelse som er journalført."
        ),
        "moderation": Action(
            "delete",
            "Ola Hansen",
            received + timedelta(minutes=30),
            "Trussel mot navngitt ansatt; slettet etter retningslinjene.",
            (CitedClause("batsfjord:4.4", "Straffbare, truende og krenkende innlegg slettes straks."),),
        ),
    }[kind]
    record = JournalRecord(
        id=record_id,
        municipality=GAUSDAL,
        kind=kind,
        title={
            "inquiry": "Henvendelse om barnehageplass via Facebook",
            "reply": "Svar på henvendelse om barnehageplass via Facebook",
            "moderation": "Slettet kommentar på Facebook",
        }[kind],
        thread=(comment, reply),
        action=action,
        registered_at=action.time,
        screening=screening or Screening(),
    )
    if with_document:
        pdf = b"%PDF-1.7\n% not a real capture, a stand-in document for the XML formats\n%%EOF\n"
        record = replace(
            record,
            documents=(
                ArchiveDocument.from_bytes(
                    f"somevakt-{record_id}.pdf",
                    "application/pdf",
                    pdf,
                    title=record.title,
                    format_code="fmt/477",
                    format_name="PDF/A-2b",
                ),
            ),
        )
    return replace(record, **overrides) if overrides else record
