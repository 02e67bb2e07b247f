"""PeriodicJobRun moves here from the inbox, rows and all.

Only Django's view of the model moves: the table is still `inbox_periodicjobrun` (renamed in
0002) and no row is copied. The inbox forgets the model in its migration 0005, which runs
after this one. The content type moves too, so the permissions that point at it stay.
"""

from django.db import migrations, models

MODEL = "periodicjobrun"


def content_type_to(app_label: str, from_label: str):
    def move(apps, schema_editor) -> None:
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(
            schema_editor.connection.alias
        )
        # A database migrated in pieces may already have the new row (created after a
        # migrate run); the old one is then left for `remove_stale_contenttypes`.
        if not content_types.filter(app_label=app_label, model=MODEL).exists():
            content_types.filter(app_label=from_label, model=MODEL).update(app_label=app_label)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # Where the table was created: it must exist before this app takes it over.
        ("inbox", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PeriodicJobRun",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=100, unique=True)),
                        ("last_started_at", models.DateTimeField(blank=True, null=True)),
                        ("last_finished_at", models.DateTimeField(blank=True, null=True)),
                        ("locked_until", models.DateTimeField(blank=True, null=True)),
                        ("last_error", models.TextField(blank=True)),
                    ],
                    options={"db_table": "inbox_periodicjobrun"},
                ),
            ],
        ),
        migrations.RunPython(content_type_to("jobs", "inbox"), content_type_to("inbox", "jobs")),
    ]
