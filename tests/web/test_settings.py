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
SET_BY_TESTS = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DEFAULT_FROM_EMAIL"}


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in SET_BY_TESTS and not k.startswith(("EMAIL_", "SOMEVAKT_"))
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


@pytest.mark.slow  # runs check --deploy in a new process
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


def read_settings(tmp_path: Path, names: list[str], **env: str) -> subprocess.CompletedProcess:
    """Print the named settings as Django reads them from this environment, one per line."""
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'somevakt.settings'; "
        "from django.conf import settings; "
        f"print('\\n'.join(str(getattr(settings, n)) for n in {names!r}))"
    )
    return run(["-c", code], tmp_path, **env)


def test_it_prints_e_mail_on_the_console_outside_production(tmp_path):
    result = read_settings(tmp_path, ["EMAIL_BACKEND", "SOMEVAKT_BASE_URL"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.console.EmailBackend",
        "http://127.0.0.1:8000",
    ]


def test_it_sends_e_mail_through_the_smtp_server_from_the_environment_in_production(tmp_path):
    names = ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD"]
    names += ["EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL", "SOMEVAKT_BASE_URL"]
    result = read_settings(
        tmp_path,
        names,
        **PRODUCTION,
        EMAIL_HOST="smtp.kommune.example",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="somevakt",
        EMAIL_HOST_PASSWORD="hemmelig",
        EMAIL_USE_TLS="true",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.kommune.example",
        "587",
        "somevakt",
        "hemmelig",
        "True",
        "somevakt@somevakt.example.no",
        "https://somevakt.example.no",
    ]


def test_it_takes_the_sender_and_base_url_as_given(tmp_path):
    result = read_settings(
        tmp_path,
        ["DEFAULT_FROM_EMAIL", "SOMEVAKT_BASE_URL", "EMAIL_BACKEND"],
        DEFAULT_FROM_EMAIL="somevakt@gausdal.kommune.no",
        SOMEVAKT_BASE_URL="https://sosiale.gausdal.kommune.no/somevakt/",
        EMAIL_BACKEND="locmem",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "somevakt@gausdal.kommune.no",
        "https://sosiale.gausdal.kommune.no/somevakt",
        "django.core.mail.backends.locmem.EmailBackend",
    ]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"EMAIL_PORT": "smtp"}, "somevakt: EMAIL_PORT='smtp' is not a whole number"),
        (
            {"EMAIL_USE_TLS": "kanskje"},
            "somevakt: EMAIL_USE_TLS='kanskje' is not a yes/no value (use true or false)",
        ),
        (
            {"EMAIL_BACKEND": "sendgrid"},
            "somevakt: EMAIL_BACKEND='sendgrid' is not one of smtp, console, filebased, locmem, dummy "
            "or a dotted path",
        ),
        (
            {"SOMEVAKT_BASE_URL": "somevakt.kommune.no"},
            "somevakt: SOMEVAKT_BASE_URL='somevakt.kommune.no' is not a web address "
            "(example: https://somevakt.kommune.no)",
        ),
    ],
)
def test_it_stops_on_a_bad_mail_or_link_setting_with_one_line(tmp_path, env, message):
    result = run(["-m", "somevakt.cli", "migrate"], tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.strip() == message


def test_it_cannot_make_a_base_url_in_production_from_a_wildcard_host(tmp_path):
    env = {**PRODUCTION, "ALLOWED_HOSTS": ".kommune.example"}
    result = run(["manage.py", "check"], tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "somevakt: SOMEVAKT_BASE_URL is not set and ALLOWED_HOSTS names no host to make it from"
    )


def test_it_reads_the_archive_folders_from_the_environment(tmp_path):
    result = read_settings(
        tmp_path,
        ["SOMEVAKT_ARCHIVE_OUTBOX", "SOMEVAKT_NOARK5_SCHEMAS"],
        SOMEVAKT_ARCHIVE_OUTBOX=str(tmp_path / "utboks"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(tmp_path / "utboks"), "None"]
    result = read_settings(tmp_path, ["SOMEVAKT_ARCHIVE_OUTBOX"])
    assert result.stdout.strip() == str(tmp_path / "var" / "archive-outbox")
