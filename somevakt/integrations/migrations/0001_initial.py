"""The integrations take over their tables from the registry, rows and all (see registry.0003)."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

MOVED = ("delivery", "rejectedsignatures", "outboundcall")


def content_types_follow(apps, schema_editor, source="registry", target="integrations"):
    """Admin log entries and permissions point at the content type: it changes app, not id."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(ContentType.objects.filter(app_label=target, model__in=MOVED).values_list("model", flat=True))
    ContentType.objects.filter(app_label=source, model__in=set(MOVED) - taken).update(app_label=target)


def content_types_return(apps, schema_editor):
    content_types_follow(apps, schema_editor, source="integrations", target="registry")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("registry", "0003_deliveries_move_to_integrations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Delivery",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("source", models.CharField(max_length=20)),
                        (
                            "received_at",
                            models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                        ),
                        ("body", models.BinaryField()),
                        ("signature_ok", models.BooleanField(default=False)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("stored", "Stored"),
                                    ("processed", "Processed"),
                                    ("rejected", "Rejected"),
                                ],
                                default="stored",
                                max_length=12,
                            ),
                        ),
                        ("error", models.TextField(blank=True)),
                        ("processed_at", models.DateTimeField(blank=True, null=True)),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("comments", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "verbose_name": "delivery",
                        "verbose_name_plural": "deliveries",
                        "ordering": ["-received_at"],
                        "indexes": [
                            models.Index(fields=["status", "received_at"], name="delivery_status_idx")
                        ],
                        "db_table": "registry_delivery",
                    },
                ),
                migrations.CreateModel(
                    name="OutboundCall",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("item_id", models.BigIntegerField(blank=True, db_index=True, null=True)),
                        ("platform_id", models.CharField(max_length=200)),
                        ("op", models.CharField(max_length=10)),
                        ("text", models.TextField(blank=True)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting to be sent"),
                                    ("done", "Done on the platform"),
                                    ("local", "Done in somevakt only (the platform does not allow it)"),
                                    ("failed", "Failed"),
                                ],
                                default="pending",
                                max_length=10,
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("permanent", models.BooleanField(default=False)),
                        ("error", models.TextField(blank=True)),
                        ("result_id", models.CharField(blank=True, max_length=200)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("attempted_at", models.DateTimeField(blank=True, null=True)),
                        ("finished_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "account",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="outbound_calls",
                                to="registry.account",
                            ),
                        ),
                    ],
                    options={"ordering": ["-created_at"], "db_table": "registry_outboundcall"},
                ),
                migrations.CreateModel(
                    name="RejectedSignatures",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("source", models.CharField(max_length=20)),
                        ("day", models.DateField()),
                        ("count", models.PositiveIntegerField(default=0)),
                        ("last_at", models.DateTimeField(null=True)),
                    ],
                    options={
                        "constraints": [
                            models.UniqueConstraint(fields=("source", "day"), name="one_counter_per_day")
                        ],
                        "db_table": "registry_rejectedsignatures",
                    },
                ),
            ]
        ),
        migrations.RunPython(content_types_follow, content_types_return),
    ]
