"""Changing a password, and setting a new one with a link sent by e-mail (local accounts).

Django's own views and forms, with somevakt's templates and the audit log: every change, every
request for a link and every new password set with one is logged. A request for a link says
the same whether or not the address belongs to anyone, so it tells nobody who has an account.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse_lazy

from somevakt.tenants.models import AuditAction
from somevakt.tenants.signin import log


class ChangePassword(auth_views.PasswordChangeView):
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        log(
            AuditAction.PASSWORD_CHANGED,
            self.request,
            actor=self.request.user,
            subject=form.user.get_username(),
        )
        return response


class AskForResetLink(auth_views.PasswordResetView):
    success_url = reverse_lazy("password_reset_done")
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form: Any) -> HttpResponse:
        # The address as given, not whose it is: the log must not reveal who has an account either.
        log(AuditAction.PASSWORD_RESET_ASKED, self.request, subject=form.cleaned_data["email"][:200].lower())
        return super().form_valid(form)


class SetPasswordFromLink(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        log(AuditAction.PASSWORD_RESET, self.request, actor=form.user, subject=form.user.get_username())
        return response
