"""The archival capture: one journal entry rendered as a PDF/A-2b document.

The document shows the thread as it stood (authors, times in Europe/Oslo, permalinks, what was
visible), or for a handed-in document its text section by section, the entry's metadata and the
action with its grounds and cited clauses. Everything a
commenter wrote is text, never markup: it is HTML-escaped, and characters the embedded font
cannot draw (emoji, other scripts) or that are invisible controls (bidi overrides, zero-width
characters) are written out as `[U+XXXX NAME]`, so the archive keeps what was there and a PDF/A
file never needs a glyph it lacks.

Fonts: DejaVu Sans, found on disk (Debian's `fonts-dejavu-core`) or in `SOMEVAKT_FONT_DIR`, and
embedded (subset) in every file. Rendering never fetches anything else.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from somevakt.archive.formats import fulltext
from somevakt.archive.formats.cleaning import visible
from somevakt.archive.formats.records import (
    ACTION_LABELS,
    ArchiveDocument,
    JournalRecord,
    ThreadItem,
    oslo,
)

PDFA_MIME = "application/pdf"
PDFA_2B_PRONOM = "fmt/477"
PDFA_2B_NAME = "PDF/A-2b"

FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
# Where Debian, Fedora and Arch put DejaVu; SOMEVAKT_FONT_DIR goes first.
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
)

VISIBILITY_LABELS = {"visible": "", "hidden": "Skjult", "deleted": "Slettet"}


class CaptureError(RuntimeError):
    """The capture could not be made (no usable font, a rendering failure); one line."""


def find_fonts() -> dict[str, Path]:
    """The font files to embed, from SOMEVAKT_FONT_DIR or the usual system folders."""
    env = os.environ.get("SOMEVAKT_FONT_DIR", "").strip()
    candidates = ([env] if env else []) + list(FONT_DIRS)
    for folder in candidates:
        paths = {style: Path(folder) / name for style, name in FONT_FILES.items()}
        if all(path.is_file() for path in paths.values()):
            return paths
    where = f"SOMEVAKT_FONT_DIR={env} or " if env else ""
    raise CaptureError(
        f"no DejaVu Sans font found in {where}{', '.join(FONT_DIRS)}: "
        "install Debian's fonts-dejavu-core (apt-get install fonts-dejavu-core)"
    )


@lru_cache(maxsize=4)
def _covered(font_path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(font_path, lazy=True) as font:
        return frozenset(font.getBestCmap())


# The archive's one way of showing a character that cannot or should not be drawn (cleaning.py).
_spell_out = visible


# WeasyPrint breaks a long unbroken run (spam, a pasted URL) in time quadratic in its length;
# a zero-width space every so often gives it break opportunities and costs nothing visible.
_LONG_RUN = re.compile(r"\S{40,}")


def _breakable(run: re.Match[str]) -> str:
    word = run.group(0)
    return "\u200b".join(word[i : i + 40] for i in range(0, len(word), 40))


def safe_text(text: str, covered: frozenset[int]) -> str:
    """Text ready for HTML: drawable characters escaped, everything else spelled out."""
    out = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        if char in "\n\t":
            out.append(char)
        elif unicodedata.category(char).startswith("C") or ord(char) not in covered:
            out.append(_spell_out(char))
        else:
            out.append(char)
    return html.escape(_LONG_RUN.sub(_breakable, "".join(out)), quote=True)


def format_time(value: datetime) -> str:
    local = oslo(value)
    offset = local.strftime("%z")
    return f"{local:%d.%m.%Y} kl. {local:%H.%M} (UTC{offset[:3]}:{offset[3:]})"


_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: "Side " counter(page) " av " counter(pages); font-size: 8pt; color: #444; } }
html, body { font-family: Arkiv; font-size: 10pt; line-height: 1.35; color: #000; }
h1 { font-size: 15pt; margin: 0 0 4mm 0; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; border-bottom: 0.4pt solid #000; }
table.meta { border-collapse: collapse; width: 100%; }
table.meta th { text-align: left; font-weight: bold; width: 38mm; vertical-align: top;
  padding: 0.6mm 2mm 0.6mm 0; }
table.meta td { vertical-align: top; padding: 0.6mm 0; }
.item { border: 0.4pt solid #777; padding: 2mm 3mm; margin: 0 0 2.5mm 0; page-break-inside: auto; }
.item.subject { border: 1.2pt solid #000; }
.item.own { background: #f1f1f1; }
.head { font-weight: bold; }
.facts { font-size: 8.5pt; color: #333; }
.text { white-space: pre-wrap; margin: 1.5mm 0; }
.link { font-size: 8pt; color: #333; }
.text, .link, td { overflow-wrap: anywhere; word-break: break-word; }
ul.clauses { margin: 0; padding-left: 5mm; }
.footer { margin-top: 8mm; font-size: 8pt; color: #333; }
"""


def _font_face(fonts: dict[str, Path]) -> str:
    return (
        f"@font-face {{ font-family: Arkiv; font-weight: normal; src: url({fonts['regular'].as_uri()}); }}\n"
        f"@font-face {{ font-family: Arkiv; font-weight: bold; src: url({fonts['bold'].as_uri()}); }}\n"
    )


def _row(label: str, value: str) -> str:
    return f"<tr><th>{label}</th><td>{value}</td></tr>"


def _count(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0")  # 20 000, with a space that does not break


def _item_html(item: ThreadItem, esc: Callable[[str], str], attachment: str = "") -> str:
    classes = ["item"]
    notes = []
    if item.subject:
        classes.append("subject")
        notes.append("Oppføringen gjelder denne meldingen")
    if item.by_municipality:
        classes.append("own")
        notes.append("Kommunens egen melding")
    if VISIBILITY_LABELS[item.visibility]:
        notes.append(f"{VISIBILITY_LABELS[item.visibility]} da dokumentet ble laget")
    facts = f"{format_time(item.time)} · {esc(item.platform)} · {esc(item.account)}"
    if item.platform_id:
        facts += f" · ID {esc(item.platform_id)}"
    note_html = f"<div class='facts'>{esc(' · '.join(notes))}</div>" if notes else ""
    return (
        f"<div class='{' '.join(classes)}'>"
        f"<div class='head'>{esc(item.author)}</div>"
        f"<div class='facts'>{facts}</div>{note_html}"
        f"<div class='text'>{esc(item.text[: fulltext.MAX_IN_CAPTURE] if attachment else item.text)}</div>"
        + (
            f"<div class='facts'>Teksten er avkortet etter {_count(fulltext.MAX_IN_CAPTURE)} tegn av "
            f"{_count(len(item.text))}; hele teksten ligger ved som {esc(attachment)}.</div>"
            if attachment
            else ""
        )
        + f"<div class='link'>Lenke: {esc(item.permalink)}</div>"
        "</div>"
    )


def _document_html(record: JournalRecord, esc: Callable[[str], str]) -> str:
    """A handed-in document: what it is, its date, and its text section by section."""
    document = record.document
    assert document is not None
    parts = [f"<h2>{esc(document.label)} – {format_time(document.date)}</h2>"]
    for section in document.sections:
        parts.append(f"<h2>{esc(section.heading)}</h2>")
        parts.extend(f"<div class='item'><div class='text'>{esc(line)}</div></div>" for line in section.lines)
    # The capture itself is the main document; what else goes with the entry is named here.
    for doc in (d for d in record.documents if d.file_name != capture_file_name(record)):
        parts.append(
            f"<div class='facts'>Vedlegg: {esc(doc.file_name)} ({esc(doc.title)}), SHA-256 {doc.sha256}</div>"
        )
    return "".join(parts)


def capture_html(record: JournalRecord, generated_at: datetime, fonts: dict[str, Path]) -> str:
    """The capture as a self-contained HTML document (exposed for inspection and tests)."""
    covered = _covered(str(fonts["regular"])) & _covered(str(fonts["bold"]))

    def esc(text: str) -> str:
        return safe_text(text, covered)

    muni = record.municipality
    code, type_text = record.journalposttype
    screening = record.screening
    rows = [
        _row("Kommune", f"{esc(muni.name)} (org.nr. {muni.org_number})"),
        _row("Journalposttype", f"{code} – {type_text}"),
        _row("Journaldato", f"{record.journal_date:%d.%m.%Y}"),
        _row("Registrert", f"{format_time(record.registered_at)} av {esc(record.created_by)}"),
        _row("somevakt-ID", esc(record.id)),
    ]
    if record.case is not None:
        rows.append(_row("Saksnummer", str(record.case)))
    if record.journal_year is not None:
        rows.append(_row("Journalnummer", f"{record.journal_year}/{record.journal_sequence}"))
    if record.classification is not None:
        cls = record.classification
        label = esc(cls.class_id) + (f" – {esc(cls.title)}" if cls.title else "")
        if cls.system_id:
            label += f" ({esc(cls.system_id)})"
        rows.append(_row("Klassering", label))
    if screening.skjermet:
        rows.append(_row("Skjerming", f"Skjermet – {esc(screening.legal_basis)}"))
    else:
        rows.append(_row("Skjerming", "Ikke skjermet"))
    for _code, text, name in record.parties:
        rows.append(_row(esc(text), esc(name)))

    action = record.action
    action_rows = [
        _row("Tiltak", esc(ACTION_LABELS.get(action.action, action.action))),
        _row("Utført av", esc(action.actor)),
        _row("Tidspunkt", format_time(action.time)),
        _row("Begrunnelse", f"<span class='text'>{esc(action.grounds)}</span>"),
    ]
    if action.clauses:
        items = "".join(
            f"<li>{esc(c.id)}{' – ' + esc(c.summary) if c.summary else ''}</li>" for c in action.clauses
        )
        action_rows.append(_row("Retningslinjer", f"<ul class='clauses'>{items}</ul>"))

    if record.document is not None:
        body = _document_html(record, esc)
    else:
        long = {number for number, _item in fulltext.long_messages(record.thread)}
        thread = "".join(
            _item_html(item, esc, fulltext.file_name(record.id, number) if number in long else "")
            for number, item in enumerate(fulltext.in_order(record.thread), start=1)
        )
        body = f"<h2>Tråden slik den var {format_time(generated_at)}</h2>{thread}"
    title = esc(record.title)
    return (
        "<!DOCTYPE html><html lang='nb'><head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        f"<meta name='author' content='{esc(muni.name)}'>"
        "<meta name='generator' content='somevakt'>"
        f"<meta name='dcterms.created' content='{oslo(generated_at).isoformat()}'>"
        f"<style>{_font_face(fonts)}{_CSS}</style></head><body>"
        f"<h1>{title}</h1>"
        f"<table class='meta'>{''.join(rows)}</table>"
        f"<h2>Tiltak og begrunnelse</h2><table class='meta'>{''.join(action_rows)}</table>"
        f"{body}"
        f"<div class='footer'>Arkivdokument laget av somevakt {format_time(generated_at)} for "
        f"{esc(muni.name)}. Tidspunkter er norsk tid (Europe/Oslo). Tekst som skriften ikke kan vise, "
        "og usynlige kontrolltegn, er skrevet ut som [U+kode navn].</div>"
        "</body></html>"
    )


def _fonts_only_fetcher(allowed: set[str]) -> object:
    from weasyprint import URLFetcher

    class FontsOnly(URLFetcher):
        """Nothing in a capture may reach the network or the disk beyond our own fonts."""

        def fetch(self, url: str, headers: object = None) -> object:
            if url not in allowed:
                raise ValueError(f"refusing to fetch {url!r} while rendering a capture")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols=("file",), fail_on_errors=True)


def capture_file_name(record: JournalRecord) -> str:
    return f"somevakt-{record.id}.pdf"


_STAMPING = threading.Lock()


@contextmanager
def _fonts_stamped(when: datetime) -> Iterator[None]:
    """Embedded font subsets carry `when` as their date, not the second they were made.

    fontTools stamps each subset it writes with the current time unless SOURCE_DATE_EPOCH
    (the reproducible-builds convention) is set; without this, two captures of the same
    record a second apart differed. The variable is process-wide, hence the lock.
    """
    with _STAMPING:
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()))
        try:
            yield
        finally:
            if previous is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = previous


def capture(record: JournalRecord, *, generated_at: datetime | None = None) -> ArchiveDocument:
    """Render the record to PDF/A-2b; the result carries the bytes, size and SHA-256.

    The same record and `generated_at` give the same bytes, so a retried capture is identical.
    """
    from weasyprint import HTML

    fonts = find_fonts()
    when = generated_at or datetime.now(tz=oslo(record.registered_at).tzinfo)
    document = capture_html(record, when, fonts)
    identifier = hashlib.sha256(f"{record.id}|{when.isoformat()}".encode()).hexdigest()[:32]
    fetcher = _fonts_only_fetcher({path.as_uri() for path in fonts.values()})
    try:
        with _fonts_stamped(when):
            pdf = HTML(string=document, url_fetcher=fetcher).write_pdf(
                pdf_variant="pdf/a-2b",
                pdf_identifier=identifier.encode(),
            )
    except CaptureError:
        raise
    except Exception as exc:  # WeasyPrint raises many kinds; the entry stays pending with this message.
        raise CaptureError(f"rendering the capture of {record.id} failed: {exc}") from exc
    if not pdf:
        raise CaptureError(f"rendering the capture of {record.id} produced no PDF")
    return ArchiveDocument.from_bytes(
        capture_file_name(record),
        PDFA_MIME,
        bytes(pdf),
        title=record.title,
        format_code=PDFA_2B_PRONOM,
        format_name=PDFA_2B_NAME,
    )
