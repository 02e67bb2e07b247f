"""The archive's folders come from Django settings (read from the environment in settings.py)."""

from pathlib import Path

from somevakt.archive import conf


def test_it_writes_to_the_outbox_the_settings_name(settings, tmp_path):
    settings.SOMEVAKT_ARCHIVE_OUTBOX = tmp_path / "utboks"
    assert conf.outbox_dir() == tmp_path / "utboks"


def test_it_copies_schemas_only_when_a_folder_is_given(settings, tmp_path):
    settings.SOMEVAKT_NOARK5_SCHEMAS = None
    assert conf.noark5_schema_dir() is None
    settings.SOMEVAKT_NOARK5_SCHEMAS = str(tmp_path)
    assert conf.noark5_schema_dir() == Path(tmp_path)


def test_it_waits_longer_after_each_failed_delivery():
    delays = [conf.retry_delay(n) for n in range(1, 7)]
    assert delays == sorted(delays)
    assert delays[0].total_seconds() == 300 and delays[-1].total_seconds() == 6 * 3600
