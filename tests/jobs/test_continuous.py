"""Continuous jobs: a backlog is taken at once, an idle job waits the interval, failures are logged."""

from __future__ import annotations

import threading

import pytest

from somevakt.jobs import continuous


@pytest.fixture
def loops(monkeypatch):
    """An empty registry for the test; the apps' continuous jobs are back in it afterwards."""
    monkeypatch.setattr(continuous, "LOOPS", {})
    return continuous.LOOPS


@pytest.fixture
def sleeps(monkeypatch):
    waited: list[float] = []
    monkeypatch.setattr(continuous.time, "sleep", waited.append)
    return waited


# `run` closes and reopens connections between idle rounds, as in the worker: outside a test
# transaction (transactional_db), where that is safe.
def stop_after(rounds: int):
    calls = iter(range(rounds))
    return lambda: next(calls, None) is None


def test_it_takes_a_backlog_without_a_pause_and_waits_the_interval_when_idle(transactional_db, loops, sleeps):
    taken = iter([100, 40, 0, 0])
    busy = threading.Event()
    busy_before_each_round = []

    @continuous.continuous("test.take")
    def take() -> int:
        busy_before_each_round.append(busy.is_set())
        return next(taken)

    continuous.run(loops["test.take"], stop_after(4), busy, interval=0.2)
    assert busy_before_each_round == [False, True, True, False]
    assert sleeps == [0.2, 0.2]  # only after the rounds that found nothing


def test_it_logs_a_failed_round_and_goes_on(transactional_db, loops, sleeps, caplog):
    rounds = iter([RuntimeError("database gone"), 0])

    @continuous.continuous("test.flaky")
    def flaky() -> int:
        outcome = next(rounds)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    continuous.run(loops["test.flaky"], stop_after(2), threading.Event(), interval=0.2)
    assert "test.flaky: a round failed" in caplog.text
    assert sleeps == [0.2, 0.2]


def test_it_runs_every_job_until_a_round_takes_nothing(loops):
    continuous.continuous("test.a")(iter([3, 2, 0, 7]).__next__)
    continuous.continuous("test.b")(iter([1, 0, 9]).__next__)
    assert continuous.run_until_idle() == 6


def test_it_has_the_loops_the_apps_registered_in_ready():
    # The integrations' ingest, and the archive's Fiks IO replies.
    assert set(continuous.registered()) == {"integrations.ingest", "archive.fiksio_replies"}
