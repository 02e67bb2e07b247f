"""Dates and times read the Norwegian way in every language, English included."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import formats, timezone, translation

AT = dt.datetime(2026, 12, 6, 3, 31, tzinfo=dt.UTC)  # 04:31 in Oslo


@pytest.mark.parametrize(
    ("language", "short", "long"),
    [
        ("nb", "06.12.2026 04:31", "6. desember 2026 04:31"),
        ("nn", "06.12.2026 04:31", "6. desember 2026 04:31"),
        ("en", "06.12.2026 04:31", "6. December 2026 04:31"),
    ],
)
def test_it_writes_day_month_year_and_a_24_hour_clock(language, short, long) -> None:
    local = timezone.localtime(AT)
    with translation.override(language):
        assert formats.date_format(local, "SHORT_DATETIME_FORMAT") == short
        assert formats.date_format(local, "DATETIME_FORMAT") == long
