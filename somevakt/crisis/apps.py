from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrisisConfig(AppConfig):
    name = "somevakt.crisis"
    label = "crisis"
    verbose_name = _("Crisis mode")

    def ready(self) -> None:
        # The report is kept as it stood at the end; other apps listen the same way (the archive).
        from somevakt.crisis.listeners import on_crisis_ended
        from somevakt.crisis.report import capture_report

        on_crisis_ended(capture_report)

        # The report goes to the journal through the port below crisis mode; the archive's sweep
        # asks for the ended crises' reports it has not journaled.
        from somevakt.crisis.journal import ended_reports, journal_report
        from somevakt.tenants.documents import register_document_source

        on_crisis_ended(journal_report)
        register_document_source(ended_reports)
