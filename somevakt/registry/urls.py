from django.urls import path

from somevakt.registry import views

app_name = "registry"

urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.new, name="new"),
    path("<int:account_id>/", views.detail, name="detail"),
    path("<int:account_id>/plan/", views.edit_plan, name="plan"),
    path("<int:account_id>/stenging/", views.add_closure, name="add_closure"),
    path("<int:account_id>/gjennomgang/", views.review, name="review"),
    path("<int:account_id>/profiltekst/", views.confirm_identity, name="confirm_identity"),
    path("<int:account_id>/stenging/<int:closure_id>/avslutt/", views.end_closure, name="end_closure"),
    path("<int:account_id>/<slug:action>/", views.act, name="act"),
]
