"""The delivery hold's migration keeps every row: an archive profile of the previous version gets
the default (wait for the records office's decision), its organisation number untouched."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from somevakt.archive.models import ArchiveProfile, Hold

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_it_keeps_every_profile_and_gives_it_the_default_hold() -> None:
    old = migrate([("archive", "0001_initial")])
    town = old.get_model("tenants", "Municipality").objects.create(
        name="Gausdal", slug="gausdal", policy_pack="gausdal"
    )
    old.get_model("archive", "ArchiveProfile").objects.create(
        municipality_id=town.pk, org_number="961399254", series="SOME"
    )
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    profile = ArchiveProfile.objects.get(municipality_id=town.pk)
    assert (profile.org_number, profile.series) == ("961399254", "SOME")
    assert (profile.hold, profile.hold_hours) == (Hold.DECISION, 8)
