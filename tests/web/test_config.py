import os
from pathlib import Path

import pytest

from somevakt.config import (
    ConfigError,
    database_from_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    secret_key_from_file,
)


def test_it_reads_yes_and_no_in_english_and_norwegian():
    assert env_bool("X", environ={"X": "ja"}) is True
    assert env_bool("X", environ={"X": "False"}) is False
    assert env_bool("X", True, environ={}) is True


def test_it_names_the_variable_of_an_unreadable_yes_no_value():
    with pytest.raises(ConfigError, match=r"^DEBUG='kanskje' is not a yes/no value"):
        env_bool("DEBUG", environ={"DEBUG": "kanskje"})


def test_it_reads_whole_numbers_within_bounds():
    assert env_int("N", 3, environ={"N": " 42 "}) == 42
    assert env_int("N", 3, environ={}) == 3
    with pytest.raises(ConfigError, match=r"^N='4x' is not a whole number$"):
        env_int("N", 3, environ={"N": "4x"})
    with pytest.raises(ConfigError, match=r"^N=0 is below"):
        env_int("N", 3, minimum=1, environ={"N": "0"})


def test_it_reads_comma_separated_lists():
    assert env_list("HOSTS", environ={"HOSTS": "a.no, b.no,,"}) == ["a.no", "b.no"]
    assert env_list("HOSTS", ["x"], environ={}) == ["x"]


def test_it_requires_a_string_without_default():
    with pytest.raises(ConfigError, match=r"^SECRET_KEY is not set$"):
        env_str("SECRET_KEY", environ={})


def test_it_accepts_only_known_choices():
    assert env_choice("E", ("a", "b"), "a", environ={"E": "b"}) == "b"
    with pytest.raises(ConfigError, match=r"^E='c' is not one of: a, b$"):
        env_choice("E", ("a", "b"), "a", environ={"E": "c"})


def test_it_reads_a_relative_and_an_absolute_sqlite_url():
    relative = database_from_url("sqlite:///var/db.sqlite3")
    assert relative["ENGINE"] == "django.db.backends.sqlite3" and relative["NAME"] == "var/db.sqlite3"
    assert database_from_url("sqlite:////srv/somevakt/db.sqlite3")["NAME"] == "/srv/somevakt/db.sqlite3"
    assert relative["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_it_reads_a_postgres_url():
    db = database_from_url("postgres://vakt:hemm%40lig@db.example:6543/somevakt?sslmode=require")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "somevakt",
        "vakt",
        "hemm@lig",
        "db.example",
        "6543",
    )
    assert db["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://localhost/x", "DATABASE_URL has an unknown scheme 'mysql'"),
        ("/var/db.sqlite3", "DATABASE_URL has an unknown scheme '(none)'"),
        ("sqlite://", "DATABASE_URL names no database file"),
        ("postgres://localhost", "DATABASE_URL names no database"),
        ("postgres://localhost:port/x", "DATABASE_URL is not a readable URL"),
    ],
)
def test_it_names_the_variable_of_a_bad_database_url(url, message):
    with pytest.raises(ConfigError) as error:
        database_from_url(url)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def test_it_keeps_a_generated_secret_key_in_an_owner_only_file(tmp_path: Path):
    path = tmp_path / "var" / "secret_key"
    key = secret_key_from_file(path)
    assert len(key) >= 50
    assert secret_key_from_file(path) == key
    assert os.stat(path).st_mode & 0o777 == 0o600


def test_it_names_secret_key_when_its_file_cannot_be_written(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match=r"^SECRET_KEY is not set and"):
        secret_key_from_file(blocker / "secret_key")
