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
