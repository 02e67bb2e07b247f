"""PeriodicJobRun belongs to the jobs app now (somevakt/jobs/migrations/0001_initial.py).

The inbox only forgets the model; the table and its rows are the jobs app's, which renames it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0004_item_delivery_is_an_id"),
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PeriodicJobRun")],
        ),
    ]
