"""Routes: login and health check at the top, everything else under `/<municipality-slug>/`."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from somevakt.tenants import passwords, second_factor_views, sso
from somevakt.web import audit, views
from somevakt.web.sections import SECTIONS, has_own_urls


def section_urls(key: str) -> tuple[list, str]:
    return ([path("", views.section_placeholder, {"section": key}, name="index")], key)


tenant_patterns = [
    path("", views.overview, name="overview"),
    path("revisjonslogg/", audit.audit_log, name="audit_log"),
    path("revisjonslogg.csv", audit.audit_log_csv, name="audit_log_csv"),
]
for section in SECTIONS:
    tenant_patterns.append(
        path(
            f"{section.path}/",
            include(
                section.module if has_own_urls(section) else section_urls(section.key), namespace=section.key
            ),
        )
    )

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("logg-inn/", second_factor_views.SignIn.as_view(), name="login"),
    path("logg-inn/kode/", second_factor_views.second_step, name="second_factor"),
    path("logg-inn/sso/<slug:municipality>/", sso.start, name="sso_start"),
    path("logg-inn/sso/<slug:municipality>/svar/", sso.callback, name="sso_callback"),
    path("passord/tofaktor/", second_factor_views.manage, name="second_factor_manage"),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("passord/", passwords.ChangePassword.as_view(), name="password_change"),
    path(
        "passord/endret/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("passord/glemt/", login_not_required(passwords.AskForResetLink.as_view()), name="password_reset"),
    path(
        "passord/glemt/sendt/",
        login_not_required(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "passord/ny/<uidb64>/<token>/",
        login_not_required(passwords.SetPasswordFromLink.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "passord/ny/ferdig/",
        login_not_required(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path("sprak/", login_not_required(views.choose_language), name="set_language"),
    path("bytt-kommune/", views.switch_municipality, name="switch_municipality"),
    path("admin/", admin.site.urls),
    # Platforms push comments here (Meta's webhook); no login, a signature instead.
    path("hooks/", include("somevakt.integrations.urls")),
    path("", views.home, name="home"),
    path("<slug:municipality>/", include(tenant_patterns)),
]
