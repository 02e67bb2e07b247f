from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "somevakt.tenants"
    label = "tenants"
    verbose_name = _("Municipalities")

    def ready(self) -> None:
        # Django's own sign-in signals feed the audit log; nothing else sends them.
        from somevakt.tenants import jobs, language, signin  # noqa: F401 - jobs registers the audit log's retention

        signin.connect()
        language.connect()
