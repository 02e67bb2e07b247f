from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from somevakt.integrations.base import Credentials
from somevakt.integrations.file.adapter import FileAdapter, RowRejected


def parse(row):
    return FileAdapter("konto-1", Credentials()).parse_row(row)


def test_it_reads_our_own_columns() -> None:
    comment = parse(
        {
            "platform_id": "c1",
            "text": "Hei",
            "author": "Kari",
            "received_at": "2026-03-04T10:00:00+01:00",
            "parent_id": "c0",
            "permalink": "https://example.org/c1",
        }
    )
    assert (comment.platform_id, comment.text, comment.author_name, comment.parent_id) == (
        "c1",
        "Hei",
        "Kari",
        "c0",
    )
    assert comment.received_at == datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    assert comment.account_external_id == "konto-1"


def test_it_reads_meta_export_names_and_unix_times() -> None:
    comment = parse({"id": 42, "message": "Hei", "created_time": "1772614790"})
    assert comment.platform_id == "42"
    assert comment.received_at == datetime.fromtimestamp(1772614790, tz=UTC)


def test_it_takes_a_time_without_offset_as_oslo_time() -> None:
    comment = parse({"id": "1", "text": "Hei", "received_at": "2026-07-01T10:00:00"})
    assert comment.received_at == datetime(2026, 7, 1, 10, 0, tzinfo=ZoneInfo("Europe/Oslo"))


def test_it_keeps_the_text_exactly() -> None:
    text = "  <script>alert(1)</script>\n\u202eevil  "
    assert parse({"id": "1", "text": text, "received_at": "2026-03-04T10:00"}).text == text


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"text": "Hei", "received_at": "2026-03-04T10:00"}, "no id"),
        ({"id": "1", "received_at": "2026-03-04T10:00"}, "no text"),
        ({"id": "1", "text": "   "}, "no text"),
        ({"id": "1", "text": "Hei"}, "no time"),
        ({"id": "1", "text": "Hei", "received_at": "i går"}, "unreadable time"),
        ({"id": "1", "text": "x" * 100_001, "received_at": "2026-03-04T10:00"}, "longer than"),
    ],
)
def test_it_rejects_a_row_with_a_reason(row, reason) -> None:
    with pytest.raises(RowRejected, match=reason):
        parse(row)
