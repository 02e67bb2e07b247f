"""The archival capture is PDF/A-2b (as far as its markers show), carries the thread as text,
and treats hostile comments as text."""

from __future__ import annotations

import hashlib
import io
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pikepdf
import pypdf
import pytest

from somevakt.archive.formats import capture as capture_module
from somevakt.archive.formats.capture import CaptureError, capture, capture_html, find_fonts, safe_text

from .conftest import RECEIVED

pytestmark = pytest.mark.slow  # renders PDF/A captures with WeasyPrint

GENERATED = RECEIVED + timedelta(hours=3)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def captured():
    from .conftest import build_record

    record = build_record("inquiry", with_document=False)
    return record, capture(record, generated_at=GENERATED)


def test_it_marks_the_file_as_pdfa_2b_in_its_xmp_metadata(captured):
    _, doc = captured
    with pikepdf.open(io.BytesIO(doc.read())) as pdf, pdf.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == "2"
        assert xmp["pdfaid:conformance"] == "B"
        assert xmp["dc:title"] == "Henvendelse om barnehageplass via Facebook"


def test_it_has_an_output_intent_with_an_icc_profile(captured):
    _, doc = captured
    with pikepdf.open(io.BytesIO(doc.read())) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) >= 1
        intent = intents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1
        profile = intent.DestOutputProfile
        assert isinstance(profile, pikepdf.Stream)
        assert int(profile.N) == 3
        assert profile.read_bytes()[36:40] == b"acsp"  # the ICC signature


def _font_descriptors(font: pikepdf.Dictionary):
    if "/FontDescriptor" in font:
        yield font.BaseFont, font.FontDescriptor
    for descendant in font.get("/DescendantFonts", []):
        yield from _font_descriptors(descendant)


def test_it_embeds_every_font_it_uses(captured):
    _, doc = captured
    seen = 0
    with pikepdf.open(io.BytesIO(doc.read())) as pdf:
        for page in pdf.pages:
            for _, font in page.Resources.Font.items():
                for name, descriptor in _font_descriptors(font):
                    seen += 1
                    assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
    assert seen >= 2  # regular and bold


def test_it_puts_the_thread_the_action_and_its_grounds_in_the_text(captured):
    _, doc = captured
    text = pdf_text(doc.read())
    for expected in (
        "Henvendelse om barnehageplass via Facebook",
        "Gausdal kommune (org.nr. 961399254)",
        "I – Inngående dokument",
        "Kari Nordmann",
        "Jeg vil søke om barnehageplass",
        "https://www.facebook.com/gausdalkommune/posts/111?comment_id=222",
        "04.03.2026 kl. 10.00 (UTC+01:00)",
        "Henvist til formell henvendelse og saksbehandling",
        "Søknad om barnehageplass krever saksbehandling",
        "gausdal:offisielle-kontoer-10",
        "Kommunens egen melding",
    ):
        assert expected in text.replace("\n", " "), expected


def test_it_returns_the_sha256_and_size_of_the_bytes(captured):
    _, doc = captured
    data = doc.read()
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.size == len(data)
    assert data.startswith(b"%PDF-")
    assert (doc.mime_type, doc.format_code) == ("application/pdf", "fmt/477")


def test_it_gives_the_same_bytes_for_the_same_record_and_time(captured):
    record, doc = captured
    assert capture(record, generated_at=GENERATED).sha256 == doc.sha256


def test_it_gives_the_same_bytes_an_hour_later(captured, monkeypatch):
    # The embedded font subsets used to carry the second they were made in.
    record, doc = captured
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert capture(record, generated_at=GENERATED).sha256 == doc.sha256


def test_it_keeps_hostile_markup_as_visible_text(make_record):
    hostile = (
        "<script>alert(1)</script><img src='http://127.0.0.1:9/x.png'>"
        "<link rel=stylesheet href='file:///etc/passwd'> & <b>fet</b>"
    )
    record = make_record("moderation", text=hostile, author="<i>Troll</i>", with_document=False)
    doc = capture(record, generated_at=GENERATED)
    text = pdf_text(doc.read()).replace("\n", "")
    assert "<script>alert(1)</script>" in text
    assert "<img src='http://127.0.0.1:9/x.png'>" in text
    assert "<b>fet</b>" in text
    assert "<i>Troll</i>" in text
    assert "X – Organinternt dokument uten oppfølging" in text


def test_it_spells_out_characters_the_font_cannot_draw_and_invisible_controls(make_record):
    record = make_record("moderation", text="Se her \u202eevil 漢 slutt", with_document=False)
    doc = capture(record, generated_at=GENERATED)
    text = pdf_text(doc.read()).replace("\n", " ")
    assert "[U+202E RIGHT-TO-LEFT OVERRIDE]evil" in text
    assert "[U+6F22 CJK UNIFIED IDEOGRAPH-6F22]" in text
    assert "slutt" in text


def test_it_escapes_every_text_it_puts_in_the_html(make_record):
    record = make_record("inquiry", author='"><script>x</script>', with_document=False)
    html = capture_html(record, GENERATED, find_fonts())
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_it_shows_times_in_oslo_time_whatever_zone_they_come_in(make_record):
    summer_utc = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    record = make_record("inquiry", received=summer_utc, with_document=False)
    text = pdf_text(capture(record, generated_at=summer_utc).read()).replace("\n", " ")
    assert "01.07.2026 kl. 10.00 (UTC+02:00)" in text


def test_it_writes_a_long_unbroken_comment_without_losing_it_in_bounded_time(make_record):
    # A Facebook comment can be 8000 characters; unbroken, it once took WeasyPrint minutes.
    spam = "https://example.invalid/" + "a" * 8000
    record = make_record("moderation", text=spam, with_document=False)
    started = time.monotonic()
    doc = capture(record, generated_at=GENERATED)
    assert time.monotonic() - started < 60
    text = pdf_text(doc.read()).replace("\n", "")
    assert "https://example.invalid/" + "a" * 500 in text  # pages break it further on
    assert text.count("a") >= 8000
    assert "\u200b" not in text


def test_it_says_which_font_package_to_install_when_there_is_no_font(monkeypatch, tmp_path, make_record):
    monkeypatch.setenv("SOMEVAKT_FONT_DIR", str(tmp_path))
    monkeypatch.setattr(capture_module, "FONT_DIRS", ())
    with pytest.raises(CaptureError, match="fonts-dejavu-core"):
        capture(make_record("inquiry", with_document=False), generated_at=GENERATED)


def test_it_uses_the_font_folder_named_in_the_environment(monkeypatch, tmp_path):
    system = find_fonts()
    for path in system.values():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("SOMEVAKT_FONT_DIR", str(tmp_path))
    assert find_fonts()["regular"] == tmp_path / "DejaVuSans.ttf"


def test_it_escapes_html_and_keeps_newlines_in_safe_text():
    covered = frozenset(range(0x20, 0x7F))
    assert safe_text("a<b>&\r\nc\u0000", covered) == "a&lt;b&gt;&amp;\nc[U+0000]"


def test_it_lists_the_municipality_s_reply_in_the_thread_in_time_order(make_record):
    record = make_record("inquiry", with_document=False)
    reversed_thread = replace(record, thread=tuple(reversed(record.thread)))
    text = pdf_text(capture(reversed_thread, generated_at=GENERATED).read())
    assert text.index("Jeg vil søke") < text.index("Søknad om barnehageplass sendes")


def test_it_captures_a_reply_as_outgoing_to_the_author_it_answers(make_record):
    text = pdf_text(capture(make_record("reply", with_document=False)).read()).replace("\n", " ")
    assert "U – Utgående dokument" in text
    assert "Mottaker Kari Nordmann" in text
