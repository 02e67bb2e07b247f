"""A database of the previous version keeps every row when the integrations take over their tables."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from somevakt.inbox.models import Item
from somevakt.integrations.models import Delivery, OutboundCall, RejectedSignatures
from somevakt.registry.models import AccountAlert

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

BEFORE = [
    ("tenants", "0001_initial"),
    ("registry", "0002_outbound_attempted_at"),
    ("inbox", "0003_due_changed_event"),
    ("integrations", None),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def test_it_keeps_every_delivery_call_counter_alert_and_item_link() -> None:
    old = migrate(BEFORE)
    Municipality = old.get_model("tenants", "Municipality")
    Account = old.get_model("registry", "Account")
    OldDelivery = old.get_model("registry", "Delivery")
    town = Municipality.objects.create(name="Gausdal", slug="gausdal", policy_pack="gausdal")
    account = Account.objects.create(
        municipality=town, platform="facebook", external_id="1001", name="Gausdal kommune"
    )
    delivery = OldDelivery.objects.create(source="meta", body=b'{"object": "page"}', status="processed")
    old.get_model("registry", "OutboundCall").objects.create(
        account=account, item_id=7, platform_id="1001_1", op="hide", status="failed", error="token revoked"
    )
    old.get_model("registry", "RejectedSignatures").objects.create(source="meta", day="2026-12-01", count=3)
    old.get_model("registry", "AccountAlert").objects.create(
        municipality=town, account=account, delivery=delivery, kind="rejected_delivery", message="unreadable"
    )
    old.get_model("inbox", "Item").objects.create(
        municipality=town,
        account=account,
        platform_id="1001_1",
        text="Hei",
        received_at=timezone.now(),
        delivery=delivery,
    )

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    moved = Delivery.objects.get()
    assert (moved.pk, bytes(moved.body), moved.status) == (delivery.pk, b'{"object": "page"}', "processed")
    call = OutboundCall.objects.get()
    assert (call.account_id, call.item_id, call.op, call.error) == (account.pk, 7, "hide", "token revoked")
    assert RejectedSignatures.objects.get().count == 3
    assert AccountAlert.objects.get().delivery_id == delivery.pk
    assert Item.objects.get().delivery_id == delivery.pk
    assert Delivery._meta.db_table in connection.introspection.table_names()
    assert "registry_delivery" not in connection.introspection.table_names()


def test_it_points_queued_tasks_of_the_previous_version_at_their_code() -> None:
    from django.apps import apps
    from django_tasks_db.models import DBTaskResult

    from somevakt.integrations.outbound import perform_outbound

    follow = importlib.import_module("somevakt.integrations.migrations.0003_queued_tasks_follow")
    perform_outbound.enqueue(41)
    DBTaskResult.objects.update(task_path="somevakt.integrations.tasks.perform_outbound")
    waiting = DBTaskResult.objects.get()
    gone = DBTaskResult.objects.create(
        **{
            field.name: getattr(waiting, field.name)
            for field in DBTaskResult._meta.fields
            if field.name not in ("id", "task_path")
        },
        task_path="somevakt.integrations.tasks.process_delivery",
    )

    follow.drop_gone(apps, None)

    assert DBTaskResult.objects.get(pk=waiting.pk).task == perform_outbound
    assert not DBTaskResult.objects.filter(pk=gone.pk).exists()
