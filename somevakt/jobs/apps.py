from django.apps import AppConfig


class JobsConfig(AppConfig):
    # Below every other somevakt app: they register their jobs here in their own ready(),
    # and this app imports none of them. No admin and no pages, so no verbose_name to translate.
    name = "somevakt.jobs"
    label = "jobs"
