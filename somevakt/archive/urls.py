from django.urls import path

from somevakt.archive import views
from somevakt.archive.transports.fiksio.views import transport_page

app_name = "archive"

urlpatterns = [
    path("", views.index, name="index"),
    path("godkjenn/", views.approve, name="approve"),
    path("<int:entry_id>/", views.entry, name="entry"),
    path("<int:entry_id>/metadata/", views.edit_metadata, name="edit_metadata"),
    path("<int:entry_id>/skjerming/", views.screening, name="screening"),
    path("<int:entry_id>/send-igjen/", views.retry, name="retry"),
    path("<int:entry_id>/dokument.pdf", views.document, name="document"),
    path("<int:entry_id>/vedlegg/", views.attachment, name="attachment"),
    path("offentlig-journal/", views.public_journal, name="public_journal"),
    path("slettet/", views.deleted_report, name="deleted"),
    path("slettet.csv", views.deleted_report_csv, name="deleted_csv"),
    path("innstillinger/", views.settings_page, name="settings"),
    path("innstillinger/overforing/", transport_page, name="transport"),
]
