"""Queued tasks of an earlier version find their code again.

The outbound task moved from `integrations.tasks` to `integrations.outbound` (the module that
queues it, so the two no longer import each other). Two tasks are gone: `process_delivery`,
which no version queues any more (a stored delivery is taken by the worker's ingest loop and,
failing that, by its sweep), and `reconcile_account`, which nothing ever queued (reconciling
is a periodic job). Waiting ones of those would fail to load in the worker; they are dropped,
and their work is done by the sweep and the periodic reconcile. Finished ones stay as history.
"""

from django.db import migrations

MOVED = {"somevakt.integrations.tasks.perform_outbound": "somevakt.integrations.outbound.perform_outbound"}
GONE = ("somevakt.integrations.tasks.process_delivery", "somevakt.integrations.tasks.reconcile_account")
WAITING = ("READY", "RUNNING")


def follow(apps, schema_editor, moves=MOVED):
    tasks = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in moves.items():
        tasks.objects.filter(task_path=old).update(task_path=new)


def drop_gone(apps, schema_editor):
    follow(apps, schema_editor)
    apps.get_model("django_tasks_database", "DBTaskResult").objects.filter(
        task_path__in=GONE, status__in=WAITING
    ).delete()


def back(apps, schema_editor):
    follow(apps, schema_editor, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("integrations", "0002_own_table_names"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(drop_gone, back)]
