from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "somevakt.inbox"
    label = "inbox"
    verbose_name = _("Inbox")

    def ready(self) -> None:
        from somevakt.inbox import closures

        closure = apps.get_model("registry", "Closure")
        post_save.connect(closures.closure_saved, sender=closure, dispatch_uid="inbox.closure_saved")
        post_delete.connect(closures.closure_deleted, sender=closure, dispatch_uid="inbox.closure_deleted")

        # A crisis's report lists what the inbox answered and escalated while it lasted;
        # the crisis page lists what still waits for the crisis team.
        from somevakt.crisis.listeners import register_report_section, register_waiting
        from somevakt.inbox import crisis_report

        register_report_section(crisis_report.answered)
        register_report_section(crisis_report.not_on_platform)
        register_report_section(crisis_report.escalated)
        register_waiting(crisis_report.waiting)

        # Importing the module is what registers the inbox's periodic jobs with the worker.
        from somevakt.inbox import jobs  # noqa: F401
