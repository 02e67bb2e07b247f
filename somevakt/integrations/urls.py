"""Platform webhooks, mounted at the top level: `path("hooks/", include("somevakt.integrations.urls"))`."""

from django.urls import path

from somevakt.integrations.facebook.views import meta_hook

app_name = "hooks"

urlpatterns = [path("meta", meta_hook, name="meta")]
