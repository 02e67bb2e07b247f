"""Direction controls: the regions they govern reported, shown as written, and made harmless."""

from __future__ import annotations

import time

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.bidi import MAX_FINDINGS, BidiAnalyser, balanced, regions, visible
from somevakt.analysis.registry import analyse

RLO, PDF, LRE, RLI, FSI, PDI = "\u202e", "\u202c", "\u202a", "\u2067", "\u2068", "\u2069"


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in regions(text)]


def test_it_reports_the_override_of_a_spoofed_file_name_with_its_span() -> None:
    text = f"Mallory {RLO}elif.exe{PDF}"
    (finding,) = BidiAnalyser().analyse(Document(text))
    assert (finding.code, finding.severity) == ("text.bidi_override", "info")
    assert (finding.start, finding.end) == (8, 18)
    assert text[finding.start : finding.end] == f"{RLO}elif.exe{PDF}"
    assert finding.text == "[U+202E]elif.exe[U+202C]"


def test_it_reports_nothing_in_text_without_direction_controls() -> None:
    text = "Hei! \u200b Takk for svaret \u200f\u200e, שלום og مرحبا 😀"
    assert BidiAnalyser().analyse(Document(text)) == []


def test_it_ends_an_unclosed_override_at_the_end_of_its_paragraph() -> None:
    text = f"Se {RLO}gpj.exe\nNeste linje"
    assert spans(text) == [f"{RLO}gpj.exe"]
    assert spans(f"Se {RLO}gpj.exe") == [f"{RLO}gpj.exe"]


def test_it_follows_nesting_and_lets_an_isolate_close_what_was_opened_inside_it() -> None:
    text = f"a {RLI}b {RLO}c{PDI} d {LRE}e{PDF} f"
    assert spans(text) == [f"{RLI}b {RLO}c{PDI}", f"{LRE}e{PDF}"]
    # A PDF cannot close an embedding outside the isolate it stands in.
    assert spans(f"{LRE}x{FSI}y{PDF}z{PDI}w{PDF}.") == [f"{LRE}x{FSI}y{PDF}z{PDI}w{PDF}"]


def test_it_reports_a_closing_control_with_nothing_to_close_on_its_own() -> None:
    text = f"{PDF}navn{PDI} x"
    assert spans(text) == [PDF, PDI]


def test_it_never_shows_personal_data_in_the_region_it_reports() -> None:
    text = f"{RLO}fnr 15108695088 {PDF}"
    (finding,) = BidiAnalyser().analyse(Document(text))
    assert finding.text is not None
    assert "15108695088" not in finding.text
    assert finding.text == "[U+202E]fnr *********** [U+202C]"


def test_it_shortens_a_long_region_without_cutting_a_control_in_half() -> None:
    text = RLO * 5000 + "x"
    (finding,) = BidiAnalyser().analyse(Document(text))
    assert (finding.start, finding.end) == (0, len(text))
    assert finding.text is not None and len(finding.text) <= 80
    assert finding.text.endswith("]…")


def test_it_reports_a_text_full_of_overrides_in_a_bounded_number_of_findings() -> None:
    text = f"a{RLO}b{PDF}" * 10_000
    findings = BidiAnalyser().analyse(Document(text))
    assert len(findings) == MAX_FINDINGS
    assert (findings[0].start, findings[0].end) == (1, 4)
    assert findings[-1].end == len(text)  # the last one runs on over the rest


def test_it_makes_every_control_visible() -> None:
    assert visible(f"{FSI}Kari{PDI} {RLO}x") == "[U+2068]Kari[U+2069] [U+202E]x"
    assert visible("ingen kontroll") == "ingen kontroll"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Mallory {RLO}elif.exe", f"Mallory {RLO}elif.exe{PDF}"),
        (f"{PDI}{RLO}evil", f"{RLO}evil{PDF}"),  # the PDI would close an isolate of the page
        (f"{PDF}x", "x"),
        (f"a{RLI}b{RLO}c{PDI}d{PDF}", f"a{RLI}b{RLO}c{PDI}d"),
        (f"x{LRE}y{FSI}z{PDF}", f"x{LRE}y{FSI}z{PDI}{PDF}"),
        (f"{RLO}a\nb", f"{RLO}a{PDF}\nb"),
        (f"Mallory {RLO}elif.exe{PDF}", f"Mallory {RLO}elif.exe{PDF}"),
        ("Kari Nordmann", "Kari Nordmann"),
    ],
)
def test_it_balances_controls_so_a_text_cannot_reorder_what_surrounds_it(text: str, expected: str) -> None:
    shown = balanced(text)
    assert shown == expected
    # What the text opens it closes itself, and it closes nothing it did not open.
    assert all(shown[e - 1] in (PDF, PDI) and shown[s] not in (PDF, PDI) for s, e in regions(shown))


def test_it_is_registered_and_takes_adversarial_text_in_bounded_time() -> None:
    for text in (RLO * 300_000, (PDI + PDF) * 150_000, (FSI + "a") * 150_000, "\x00" * 100_000 + RLO):
        started = time.perf_counter()
        result = analyse(text, only=("bidi",))
        assert time.perf_counter() - started < 10
        assert 1 <= len(result.findings) <= MAX_FINDINGS
        assert all(0 <= f.start < f.end <= len(text) for f in result.findings)
