"""An item's delivery becomes a plain id: deliveries move to the integrations app, above the inbox.

The column and its values stay; only the foreign-key constraint goes, so that purging old
deliveries (integrations.retention) no longer depends on the database cascading into items.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0003_due_changed_event"),
        ("registry", "0002_outbound_attempted_at"),
    ]

    operations = [
        migrations.AlterField(
            model_name="item",
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
        # The same column, `delivery_id`, with the same index: only the model's view of it changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="item", name="delivery"),
                migrations.AddField(
                    model_name="item",
                    name="delivery_id",
                    field=models.BigIntegerField(blank=True, db_index=True, null=True),
                ),
            ]
        ),
    ]
