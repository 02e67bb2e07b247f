"""Posts for the official accounts, their pictures and the photo-consent register."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "somevakt.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        # What was published during a crisis goes into its report; held posts sent to crisis
        # management are listed on the crisis page while they wait.
        from somevakt.crisis.listeners import register_report_section, register_waiting
        from somevakt.publishing import crisis_report

        register_report_section(crisis_report.published)
        register_report_section(crisis_report.not_published)
        register_report_section(crisis_report.sent_to_crisis)
        register_waiting(crisis_report.waiting)

        # Removed and kept posts go to the journal through the port below publishing and the
        # archive; the archive's sweep asks for any it has not journaled.
        from somevakt.publishing.journal import unjournaled
        from somevakt.tenants.documents import register_document_source

        register_document_source(unjournaled)

        # Importing the module registers the job that publishes scheduled posts.
        from somevakt.publishing import jobs  # noqa: F401
