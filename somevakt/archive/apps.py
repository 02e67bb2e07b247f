from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "somevakt.archive"
    label = "archive"
    verbose_name = _("Archive")

    def ready(self) -> None:
        # The inbox does not call the archive; the archive listens to the inbox's event log.
        from somevakt.archive.journal import journal_recorded
        from somevakt.inbox.events import on_events_recorded

        on_events_recorded(journal_recorded)

        # Documents other apps hand in (a crisis report, a removed or kept post) come through
        # the port below them all.
        from somevakt.archive.documents import journal_document
        from somevakt.tenants.documents import register_journaler

        register_journaler(journal_document)

        # Importing the module is what registers the archive's periodic jobs with the worker.
        from somevakt.archive import jobs  # noqa: F401
