"""A failed platform call keeps why it failed as a kind (`inbox.ports.FAILURES`), which the inbox
words in the reader's language; the raw error stays for administrators. Calls that failed before
are given the kind their error shows, else `other`."""

from django.db import migrations, models

NO_CREDENTIALS = "the account has no credentials"


def classify(apps, schema_editor):
    calls = apps.get_model("integrations", "OutboundCall").objects.filter(status="failed")
    calls.filter(error__startswith=NO_CREDENTIALS).update(failure="no_credentials")
    calls.filter(failure="", permanent=False).update(failure="unavailable")
    calls.filter(failure="").update(failure="other")


class Migration(migrations.Migration):
    dependencies = [("integrations", "0003_queued_tasks_follow")]

    operations = [
        migrations.AddField(
            model_name="outboundcall", name="failure", field=models.CharField(blank=True, max_length=20)
        ),
        migrations.RunPython(classify, migrations.RunPython.noop),
    ]
