from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "somevakt.web"
    label = "web"
    verbose_name = _("Web shell")

    def ready(self) -> None:
        from somevakt.web import audited, checks  # noqa: F401 - checks registers the system checks

        audited.register()
