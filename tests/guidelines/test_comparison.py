"""The topic × municipality comparison, seen from one municipality."""

from __future__ import annotations

from somevakt.guidelines.comparison import compare
from somevakt.policy.codes import COMPARE_TOPICS
from somevakt.policy.packs import list_packs, load_pack


def test_it_has_a_column_per_pack_and_a_row_per_topic() -> None:
    table = compare("gausdal")
    assert [c["slug"] for c in table.columns] == list_packs()
    assert [c["slug"] for c in table.columns if c["ours"]] == ["gausdal"]
    assert [r.topic for r in table.rows] == [t for t, _ in COMPARE_TOPICS]


def test_it_counts_the_clauses_of_each_pack_per_topic() -> None:
    table = compare("gausdal")
    row = next(r for r in table.rows if r.topic == "private_use")
    for column, cell in zip(table.columns, row.cells, strict=True):
        pack = load_pack(column["slug"])
        assert cell.count == sum(1 for c in pack.clauses if c.topic == "private_use")


def test_it_names_what_only_our_guideline_lacks() -> None:
    gausdal = compare("gausdal")
    assert "Sletting av kommentarer" in gausdal.missing
    assert "Svartid" not in gausdal.missing
    hustadvika = compare("hustadvika")
    assert "Svartid" in hustadvika.missing  # Hustadvika sets no response time; the others do
    assert "Årlig gjennomgang" not in hustadvika.missing


def test_it_compares_the_settings_too() -> None:
    rows = dict(compare("gausdal").settings_rows)
    deleting = rows["Sletting tillatt"]
    slugs = list_packs()
    assert deleting[slugs.index("gausdal")] == ("nei (skjul og eskaler)", True)
    assert rows["Svarfrist"][slugs.index("gausdal")] == ("1 arbeidsdag", True)
