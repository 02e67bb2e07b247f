"""Settings fail loudly in one line, and production settings pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db.utils import ConnectionHandler

from somevakt.config import database_from_url

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SOMEVAKT_ENV": "production",
    "SECRET_KEY": "k8Jw2-prod-Zq9x7Vt4mN1bR6yH3uL0pE5sA8dF2gC7jK4nM9vB1xQ6wT3rY0iU5oP",
    "ALLOWED_HOSTS": "somevakt.example.no",
}


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "SECRET_KEY", "SOMEVAKT_ENV", "DEBUG"}
    }
    clean.update({"SOMEVAKT_DATA_DIR": str(tmp_path / "var"), **env})
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_it_stops_on_an_unknown_database_scheme_with_one_line(tmp_path):
    result = run(["-m", "somevakt.cli", "migrate"], tmp_path, DATABASE_URL="mongodb://localhost/x")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "somevakt: DATABASE_URL has an unknown scheme 'mongodb': use sqlite:///path or postgres://..."
    )


def test_it_requires_a_secret_key_in_production(tmp_path):
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = run(["manage.py", "migrate"], tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.strip() == "somevakt: SECRET_KEY is not set (required when SOMEVAKT_ENV=production)"


def test_it_stops_the_wsgi_server_cleanly_on_a_bad_value(tmp_path):
    result = run(["-c", "import somevakt.wsgi"], tmp_path, DEBUG="kanskje")
    assert result.returncode == 2
    assert result.stderr.strip() == "somevakt: DEBUG='kanskje' is not a yes/no value (use true or false)"


def test_it_passes_check_deploy_with_production_settings(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path}/prod.sqlite3",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_it_turns_on_wal_and_a_busy_timeout_for_sqlite(tmp_path, django_db_blocker):
    handler = ConnectionHandler({"default": database_from_url(f"sqlite:///{tmp_path}/wal.sqlite3")})
    connection = handler["default"]
    try:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 20000
            assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.transaction_mode == "IMMEDIATE"
    finally:
        connection.close()


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="SQLite run only"
)
def test_it_uses_the_several_writer_options_for_the_default_database():
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]


def test_it_keeps_debug_off_unless_set():
    assert settings.DEBUG is False
    assert settings.LANGUAGE_CODE == "nb"
