"""Crisis mode's pages, mounted by the shell at `/<municipality>/krise/` (namespace `crisis`)."""

from __future__ import annotations

from django.urls import path

from somevakt.crisis import views

app_name = "crisis"

urlpatterns = [
    path("", views.index, name="index"),
    path("erklaer/", views.declare, name="declare"),
    path("<int:crisis_id>/", views.detail, name="detail"),
    path("<int:crisis_id>/instruks/", views.instruct, name="instruct"),
    path("<int:crisis_id>/avslutt/", views.end, name="end"),
    path("<int:crisis_id>/rapport.pdf", views.report_pdf, name="report_pdf"),
]
