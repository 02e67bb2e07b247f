"""PeriodicJobRun's move from the inbox to the jobs app keeps every row, its constraint and content type."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from somevakt.jobs.models import PeriodicJobRun

# Migrations change the schema, which a test transaction cannot hold.
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# The last inbox migration before the move, and no jobs app yet.
BEFORE = [("inbox", "0004_item_delivery_is_an_id"), ("jobs", None)]
STARTED = dt.datetime(2026, 3, 4, 10, 0, tzinfo=dt.UTC)


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh one reads what is applied now


def test_it_keeps_every_run_when_the_model_moves_to_the_jobs_app():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        before = migrate(BEFORE)
        assert "inbox_periodicjobrun" in connection.introspection.table_names()
        OldRun = before.loader.project_state([BEFORE[0]]).apps.get_model("inbox", "PeriodicJobRun")
        OldRun.objects.create(name="inbox.triage_sweep", last_started_at=STARTED, last_finished_at=STARTED)
        OldRun.objects.create(
            name="archive.deliver", last_started_at=STARTED, last_error="OSError: disk full"
        )
        content_type = ContentType.objects.get(app_label="inbox", model="periodicjobrun")
        permissions = set(Permission.objects.filter(content_type=content_type).values_list("pk", flat=True))

        migrate(latest)

        tables = connection.introspection.table_names()
        assert "jobs_periodicjobrun" in tables
        assert "inbox_periodicjobrun" not in tables
        runs = {run.name: run for run in PeriodicJobRun.objects.all()}
        assert set(runs) == {"inbox.triage_sweep", "archive.deliver"}
        assert runs["inbox.triage_sweep"].last_finished_at == STARTED
        assert runs["archive.deliver"].last_error == "OSError: disk full"
        moved = ContentType.objects.get(pk=content_type.pk)
        assert (moved.app_label, moved.model) == ("jobs", "periodicjobrun")
        assert permissions <= set(Permission.objects.filter(content_type=moved).values_list("pk", flat=True))
        # The renamed table still numbers new rows and still holds one row per job.
        assert PeriodicJobRun.objects.create(name="inbox.reminders").pk not in {r.pk for r in runs.values()}
        with pytest.raises(IntegrityError), transaction.atomic():
            PeriodicJobRun.objects.create(name="archive.deliver")
    finally:
        migrate(latest)


def test_it_moves_the_table_and_content_type_back_when_unapplied():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    PeriodicJobRun.objects.create(name="inbox.reminders", last_started_at=STARTED)
    try:
        before = migrate(BEFORE)
        assert "jobs_periodicjobrun" not in connection.introspection.table_names()
        OldRun = before.loader.project_state([BEFORE[0]]).apps.get_model("inbox", "PeriodicJobRun")
        assert list(OldRun.objects.values_list("name", "last_started_at")) == [("inbox.reminders", STARTED)]
        assert ContentType.objects.filter(app_label="inbox", model="periodicjobrun").exists()
        assert not ContentType.objects.filter(app_label="jobs", model="periodicjobrun").exists()
    finally:
        migrate(latest)
