"""Abuse: the case tables (our own Norwegian examples, positive and negative) and the rules behind them."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.analysis.abuse import AbuseAnalyser
from somevakt.analysis.base import Document

DATA = Path(__file__).parent / "data"
TABLES = ("abuse_cases.tsv", "abuse_holdout.tsv")


def read_table(name: str) -> list[tuple[set[str], str, bool]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        expected, text, *flags = line.split("\t")
        codes = set() if expected == "-" else {f"abuse.{c}" for c in expected.split(",")}
        rows.append((codes, text, "known_miss" in flags))
    return rows


def codes(text: str) -> set[str]:
    return {f.code for f in AbuseAnalyser().analyse(Document(text))}


CASES = [(name, *row) for name in TABLES for row in read_table(name)]


def test_it_has_hundreds_of_cases_positive_and_negative() -> None:
    rows = read_table("abuse_cases.tsv")
    assert len(rows) >= 300
    assert sum(1 for c, _, _ in rows if not c) >= 120
    for code in ("abuse.threat", "abuse.hate", "abuse.insult", "abuse.obscene"):
        assert sum(1 for c, _, _ in rows if code in c) >= 25


@pytest.mark.parametrize(
    ("table", "expected", "text"),
    [(t, e, x) for t, e, x, known in CASES if not known],
    ids=[x[:40] for _, _, x, known in CASES if not known],
)
def test_it_finds_what_the_table_says(table: str, expected: set[str], text: str) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize("table", TABLES)
def test_it_keeps_precision_and_recall_high_on_each_table(table: str) -> None:
    tp = fp = fn = 0
    for expected, text, _ in read_table(table):
        got = codes(text)
        tp += len(got & expected)
        fp += len(got - expected)
        fn += len(expected - got)
    assert tp / (tp + fp) >= 0.97
    assert tp / (tp + fn) >= 0.97


def test_it_points_into_the_original_text_through_obfuscation() -> None:
    text = "Hei 😀 du er en i\u200b d i o o o t!"
    (finding,) = AbuseAnalyser().analyse(Document(text))
    assert finding.code == "abuse.insult"
    assert text[finding.start : finding.end] == "i\u200b d i o o o t"


def test_it_grades_severity_by_kind() -> None:
    def severities(text: str) -> dict[str, str]:
        return {f.code: f.severity for f in AbuseAnalyser().analyse(Document(text))}

    assert severities("Jeg skal drepe deg") == {"abuse.threat": "high"}
    assert severities("Jævla muslimer") == {"abuse.hate": "high", "abuse.obscene": "info"}
    assert severities("Du er en idiot") == {"abuse.insult": "warn"}
    assert severities("Fy faen") == {"abuse.obscene": "info"}
    assert severities("Knull deg") == {"abuse.obscene": "warn"}


def test_it_does_not_report_slurs_quoted_in_a_complaint() -> None:
    assert codes("Han kalte sønnen min «neger» i skolegården, hva gjør skolen?") == set()
    assert codes("Han er en neger") == {"abuse.hate"}
