"""The publishing section, mounted by the shell at `/<municipality>/publisering/` (namespace `publishing`)."""

from __future__ import annotations

from django.urls import path

from somevakt.publishing import views

app_name = "publishing"

urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.compose, name="new"),
    path("sjekk/", views.check_draft, name="check"),
    path("bilder/", views.pictures, name="pictures"),
    path("bilder/<int:asset_id>/", views.picture, name="picture"),
    path("bilder/<int:asset_id>/fil/", views.picture_file, name="picture_file"),
    path("samtykker/", views.consents, name="consents"),
    path("samtykker/<int:consent_id>/skjema/", views.consent_form, name="consent_form"),
    path("samtykker/trekk/", views.withdraw_consent, name="withdraw_consent"),
    path("m/<str:token>/", views.public_media, name="public_media"),
    path("<int:post_id>/", views.detail, name="detail"),
    path("<int:post_id>/endre/", views.compose, name="edit"),
    path("<int:post_id>/konto/<int:target_id>/<slug:action>/", views.target_action, name="target"),
    path("<int:post_id>/<slug:action>/", views.act, name="act"),
]
