"""The People section, mounted by the shell at `/<municipality>/folk/` (namespace `people`)."""

from __future__ import annotations

from django.urls import path

from somevakt.people import views

app_name = "people"

urlpatterns = [
    path("", views.index, name="index"),
    path("sjekk/", views.self_check, name="self_check"),
    path("bekreft/", views.attest, name="attest"),
    path("retningslinjen-for-deg/", views.introduction, name="introduction"),
    path("min-enhet/", views.team_page, name="team"),
    path("min-enhet/<int:membership_id>/gjennomgatt/", views.review, name="review"),
]
