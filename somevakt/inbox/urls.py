"""The inbox section, mounted by the shell at `/<municipality>/innboks/` (namespace `inbox`)."""

from __future__ import annotations

from django.urls import path

from somevakt.inbox import views

app_name = "inbox"

urlpatterns = [
    path("", views.queue_page, name="index"),
    path("svartider/", views.stats_page, name="stats"),
    path("<int:item_id>/", views.item_page, name="item"),
    path("<int:item_id>/sjekk-svar/", views.check_draft, name="check_draft"),
    path("<int:item_id>/plattform/", views.platform_states, name="platform"),
    path("<int:item_id>/<slug:action>/", views.act, name="act"),
]
