"""Every non-empty line of every guideline file is carried by a clause or marked as no rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from somevakt.policy.coverage import coverage, file_coverage, fingerprint, text_lines
from somevakt.policy.packs import guidelines_dir, list_packs, load_pack

GUIDELINES = guidelines_dir()
needs_guidelines = pytest.mark.skipif(GUIDELINES is None, reason="the guideline files are not here")


def files():
    return [(slug, f.name) for slug in list_packs() for f in load_pack(slug).guideline.files]


@needs_guidelines
def test_it_has_a_pack_for_every_guideline_file():
    assert GUIDELINES is not None
    assert sorted(p.name for p in GUIDELINES.glob("*.txt")) == sorted(name for _, name in files())


@needs_guidelines
@pytest.mark.parametrize(("slug", "name"), files())
def test_it_leaves_no_line_of_a_guideline_unmapped(slug, name):
    result = file_coverage(load_pack(slug), name, GUIDELINES)
    assert result.checked_against == "file"
    assert not result.stale, "the guideline file changed since the pack was written"
    assert result.unmapped_lines == ()
    assert result.text_lines > 20


@needs_guidelines
@pytest.mark.parametrize(("slug", "name"), files())
def test_it_keeps_a_true_fingerprint_of_each_guideline_file(slug, name):
    assert GUIDELINES is not None
    record = next(f for f in load_pack(slug).guideline.files if f.name == name)
    assert fingerprint(GUIDELINES / name) == record


@needs_guidelines
@pytest.mark.parametrize("slug", list_packs())
def test_it_reports_zero_unmapped_in_the_coverage_contract(slug):
    report = coverage(load_pack(slug), GUIDELINES)
    assert report["unmapped"] == 0
    assert set(report) >= {"policy", "policy_revision", "clauses", "unmapped"}
    first = report["clauses"][0]
    assert set(first) == {"id", "topic", "status", "implemented", "by", "source"}
    assert set(first["source"]) == {"file", "lines"}


@needs_guidelines
def test_it_counts_lines_of_the_document_not_entries_of_our_list(tmp_path: Path):
    assert GUIDELINES is not None
    pack = load_pack("romskog")
    name = pack.guideline.anchor
    # A document with two more lines of text than the pack knows of: both are unmapped.
    lines = (GUIDELINES / name).read_text(encoding="utf-8").split("\n")
    lines += ["Ny regel uten punkt.", "", "Enda en."]
    (tmp_path / name).write_text("\n".join(lines), encoding="utf-8")
    result = file_coverage(pack, name, tmp_path)
    assert result.stale
    n = len(lines)
    assert result.unmapped_lines[-2:] == (n - 2, n)


def test_it_falls_back_to_the_packs_fingerprint_without_the_file(tmp_path: Path):
    result = file_coverage(load_pack("gausdal"), "002_00f51f295dd3c1ab.txt", tmp_path)
    assert result.checked_against == "fingerprint"
    assert result.unmapped_lines == ()


def test_it_counts_only_lines_that_carry_text():
    assert text_lines("a\n \n\t\nb\n") == frozenset({1, 4})
