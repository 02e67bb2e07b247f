"""Deliveries, rejected-signature counters and outbound calls move to the integrations app.

Nothing is copied: the tables stay as they are and `integrations.0001` takes them over
(`integrations.0002` then gives them that app's names). An alert's delivery becomes a plain
id in the same column, without the foreign-key constraint, as the registry sits below the
integrations.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0002_outbound_attempted_at"),
        ("inbox", "0004_item_delivery_is_an_id"),
    ]

    operations = [
        migrations.AlterField(
            model_name="accountalert",
            name="delivery",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="registry.delivery",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="accountalert", name="delivery"),
                migrations.AddField(
                    model_name="accountalert",
                    name="delivery_id",
                    field=models.BigIntegerField(blank=True, db_index=True, null=True),
                ),
                migrations.DeleteModel(name="OutboundCall"),
                migrations.DeleteModel(name="RejectedSignatures"),
                migrations.DeleteModel(name="Delivery"),
            ]
        ),
    ]
