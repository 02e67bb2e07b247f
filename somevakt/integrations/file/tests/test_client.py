from pathlib import Path

import pytest

from somevakt.integrations.file.client import UnreadableFile, count_lines, detect_format, read_rows


def test_it_reads_json_lines_with_line_numbers_and_reasons(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"id": "1", "text": "a"}\n\nnot json\n[1, 2]\n{"id": "2", "text": "b"}\n', encoding="utf-8"
    )
    rows = list(read_rows(path, detect_format(path)))
    assert [(r.line, r.data, r.error) for r in rows] == [
        (1, {"id": "1", "text": "a"}, ""),
        (3, None, "not valid JSON (Expecting value)"),
        (4, None, "not a JSON object"),
        (5, {"id": "2", "text": "b"}, ""),
    ]
    assert count_lines(path) == 5


def test_it_reads_csv_with_semicolons_and_multiline_fields(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text('id;text;author\n1;"to\nlinjer";Kari\n2;enkel;Ola\n3;for;mange;felt\n', encoding="utf-8")
    rows = list(read_rows(path, detect_format(path)))
    assert [(r.line, r.data) for r in rows[:2]] == [
        (2, {"id": "1", "text": "to\nlinjer", "author": "Kari"}),
        (4, {"id": "2", "text": "enkel", "author": "Ola"}),
    ]
    assert (rows[2].line, rows[2].error) == (5, "more fields than the header has")


def test_it_refuses_unknown_types_and_text_that_is_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="unknown file type"):
        detect_format(tmp_path / "export.xlsx")
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,text\n1,bl\xe5b\xe6r\n".encode("latin-1"))
    with pytest.raises(UnreadableFile, match="not UTF-8"):
        list(read_rows(path, "csv"))
