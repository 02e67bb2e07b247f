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

        # Importing the module is what registers the inbox's periodic jobs with the worker.
        from somevakt.inbox import jobs  # noqa: F401
