"""Marking findings in the person's own text: escaped piece by piece, never trusted as HTML."""

from __future__ import annotations

from somevakt.analysis.base import Finding
from somevakt.people.marking import marked


def test_it_escapes_everything_and_marks_only_the_span() -> None:
    text = "<script>alert(1)</script> ring 912 34 567"
    start = text.index("912")
    html = str(marked(text, [Finding("personal_data.phone", start, len(text), "warn")]))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ring " in html
    assert '<mark class="sv-finding" data-severity="warn" title="Telefonnummer">912 34 567</mark>' in html


def test_it_leaves_whole_text_findings_unmarked() -> None:
    text = "Vi i kommunen mener dette."
    html = str(marked(text, [Finding("private.disclaimer_missing", 0, len(text), "info")]))
    assert "<mark" not in html
    assert html == "Vi i kommunen mener dette."


def test_it_marks_overlaps_with_the_higher_severity() -> None:
    text = "Kari Hansen har kreft"
    html = str(
        marked(
            text,
            [
                Finding("person.named", 0, 11, "info"),
                Finding("confidential.case_details", 0, len(text) - 1, "high"),
            ],
        )
    )
    assert (
        '<mark class="sv-finding" data-severity="high" title="Taushetsbelagt forhold, Navngitt person">'
        "Kari Hansen</mark>" in html
    )
    assert html.endswith("t")  # the last character is outside every span


def test_it_ignores_spans_outside_the_text() -> None:
    assert str(marked("kort", [Finding("person.named", 2, 40, "info")])) == "kort"
