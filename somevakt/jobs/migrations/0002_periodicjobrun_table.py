"""The table takes this app's name: a rename, so every row stays.

Its indexes and constraints keep the names they were created with (`inbox_periodicjobrun_…`);
Django looks them up by column when it needs them, so the names do not matter.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="periodicjobrun", table=None),
    ]
