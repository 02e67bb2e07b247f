from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    name = "somevakt.integrations"
    label = "integrations"
    verbose_name = _("Platforms")

    def ready(self) -> None:
        # The inbox asks for platform calls through its port; this app carries them out.
        from somevakt.inbox.ports import connect_outbound, connect_posts
        from somevakt.integrations import outbound, posts
        from somevakt.integrations.account_credentials import SET_CREDENTIALS
        from somevakt.registry.account_cli import register_account_subcommand
        from somevakt.registry.panels import AccountPanel, register_account_panel

        connect_outbound(outbound)
        # The publishing app publishes and checks links through its own port.
        connect_posts(posts)
        register_account_subcommand(SET_CREDENTIALS)
        # The closure form offers turning comments off only where the platform allows it.
        from somevakt.inbox.ports import COMMENTS_OFF
        from somevakt.registry.closures import connect_comment_switch

        connect_comment_switch(
            lambda platform: outbound.capabilities(platform, "account").allows(COMMENTS_OFF)
        )
        register_account_panel(
            AccountPanel("integrations.calls", "integrations/account_calls.html", outbound.account_panel)
        )

        # Importing the module registers the ingest loop and the periodic jobs with the worker.
        from somevakt.integrations import jobs  # noqa: F401
