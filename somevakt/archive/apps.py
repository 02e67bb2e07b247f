from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "somevakt.archive"
    label = "archive"
    verbose_name = _("Archive")

    def ready(self) -> None:
        # The inbox does not call the archive; the archive listens to the inbox's event log.
        from django.db.models.signals import post_save

        from somevakt.archive.journal import on_event_saved
        from somevakt.inbox.models import ItemEvent

        post_save.connect(on_event_saved, sender=ItemEvent, dispatch_uid="archive.journal_event")

        # Importing the module is what registers the archive's periodic jobs with the worker.
        from somevakt.archive import jobs  # noqa: F401
