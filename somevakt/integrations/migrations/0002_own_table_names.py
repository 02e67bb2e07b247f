"""The moved tables get this app's names (a rename: every row stays)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("integrations", "0001_initial")]

    operations = [
        migrations.AlterModelTable(name="delivery", table=None),
        migrations.AlterModelTable(name="outboundcall", table=None),
        migrations.AlterModelTable(name="rejectedsignatures", table=None),
    ]
