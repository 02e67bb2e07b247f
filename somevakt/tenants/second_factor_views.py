"""Signing in in two steps, and turning the second factor on and off.

After the password (or the municipality's single sign-on) the person is not signed in yet when
they have a second factor, or their municipality requires one: the session remembers who is
half-way for five minutes, and `/logg-inn/kode/` asks for the code (or, when the municipality
requires a factor the person has not set up, sets one up first). A wrong code counts as a failed
sign-in for the throttle, so the six digits cannot be guessed any faster than a password.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from somevakt.tenants import second_factor as factors
from somevakt.tenants.identity import SignOn
from somevakt.tenants.models import AuditAction
from somevakt.tenants.signin import ThrottledLoginForm, address_of, locked_until, log, record_failure

PENDING = "signin.pending"
NEW_KEY = "second_factor.new_key"
PENDING_FOR = 300  # seconds between the first step and the code


def proceed(
    request: HttpRequest, person: Any, *, next_url: str, details: dict[str, str], factor_done: bool = False
) -> HttpResponse:
    """After the first step: sign in, or ask for the second factor first."""
    if factor_done:
        return complete(request, person, next_url, {**details, "second_factor": "provider"})
    if factors.factor_of(person) is None and not factors.required_for(person):
        return complete(request, person, next_url, details)
    request.session.pop(NEW_KEY, None)
    request.session[PENDING] = {"person": person.pk, "at": time.time(), "next": next_url, "details": details}
    return redirect("second_factor")


def sign_in(request: HttpRequest, person: Any, details: dict[str, str]) -> None:
    request.session.pop(PENDING, None)
    request.sign_in_details = details  # type: ignore[attr-defined]  # read by tenants.signin.signed_in
    login(request, person, backend="django.contrib.auth.backends.ModelBackend")


def complete(request: HttpRequest, person: Any, next_url: str, details: dict[str, str]) -> HttpResponse:
    sign_in(request, person, details)
    return redirect(resolve_url(next_url))


class SignIn(auth_views.LoginView):
    """Django's sign-in page with the throttle, the second step and the municipalities' single sign-on."""

    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        return proceed(
            self.request, form.get_user(), next_url=self.get_success_url(), details={"method": "password"}
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sign_ons"] = (
            SignOn.objects.filter(enabled=True).select_related("municipality").order_by("municipality__name")
        )
        return context


def _pending_person(request: HttpRequest) -> tuple[Any, dict[str, Any]] | tuple[None, None]:
    pending = request.session.get(PENDING)
    if not pending or time.time() - float(pending.get("at", 0)) > PENDING_FOR:
        request.session.pop(PENDING, None)
        return None, None
    person = get_user_model().objects.filter(pk=pending["person"], is_active=True).first()
    return (person, pending) if person is not None else (None, None)


def _locked_message(person: Any, request: HttpRequest) -> str:
    until = locked_until(person.get_username(), address_of(request))
    if until is None:
        return ""
    return ThrottledLoginForm.error_messages["locked_out"] % {
        "until": formats.time_format(timezone.localtime(until), "H:i")
    }


def _new_key(request: HttpRequest) -> str:
    key = request.session.get(NEW_KEY)
    if not key:
        key = request.session[NEW_KEY] = factors.new_key()
    return key


def _setup_context(request: HttpRequest, person: Any) -> dict[str, Any]:
    key = _new_key(request)
    return {"qr": factors.qr_data_uri(person, key), "key": factors.readable(key)}


WRONG_CODE = gettext_lazy(
    "That code is not right. Type the six digits your app shows now, or a recovery code."
)


@never_cache  # before sign-in, so the shell's no-store does not cover it; the page may show a new key
@require_http_methods(["GET", "POST"])
@login_not_required
def second_step(request: HttpRequest) -> HttpResponse:
    person, pending = _pending_person(request)
    if person is None or pending is None:
        return redirect("login")
    factor = factors.factor_of(person)
    error = ""
    if request.method == "POST":
        code = request.POST.get("code", "")[:40]
        error = _locked_message(person, request)
        if not error and factor is not None:
            used = factors.verify(factor, code)
            if used:
                return complete(
                    request, person, pending["next"], {**pending["details"], "second_factor": used}
                )
        elif not error:
            key = _new_key(request)
            if factors.code_matches_key(key, code) is not None:
                codes = factors.turn_on(person, key)
                request.session.pop(NEW_KEY, None)
                log(AuditAction.SECOND_FACTOR_ENABLED, request, actor=person, subject=person.get_username())
                sign_in(request, person, {**pending["details"], "second_factor": "totp"})
                return render(
                    request,
                    "registration/recovery_codes.html",
                    {"codes": codes, "next": resolve_url(pending["next"])},
                )
        if not error:
            record_failure(person.get_username(), request, step="second_factor")
            error = _locked_message(person, request) or str(WRONG_CODE)
    context: dict[str, Any] = {"error": error, "setting_up": factor is None}
    if factor is None:
        context.update(_setup_context(request, person))
    return render(request, "registration/second_factor.html", context, status=400 if error else 200)


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own two-factor page: turn on, make new recovery codes, turn off."""
    person = request.user
    factor = factors.factor_of(person)
    required = factors.required_for(person)
    error = ""
    if request.method == "POST":
        what = request.POST.get("what", "")
        code = request.POST.get("code", "")[:40]
        if factor is None and what == "on":
            key = _new_key(request)
            if factors.code_matches_key(key, code) is not None:
                codes = factors.turn_on(person, key)
                request.session.pop(NEW_KEY, None)
                log(AuditAction.SECOND_FACTOR_ENABLED, request, actor=person, subject=person.get_username())
                return render(
                    request, "registration/recovery_codes.html", {"codes": codes, "next": resolve_url("home")}
                )
            error = str(WRONG_CODE)
        elif factor is not None and what == "off" and required:
            error = _("Your municipality requires two-factor sign-in for you, so it cannot be turned off.")
        elif factor is not None and what in ("off", "renew"):
            if factors.verify(factor, code) is None:
                error = str(WRONG_CODE)
            elif what == "off":
                factor.delete()  # logged by the audit log's watch on SecondFactor (web.audited)
                return redirect("second_factor_manage")
            else:
                codes = factors.renew_recovery_codes(factor)
                log(AuditAction.RECOVERY_CODES_RENEWED, request, actor=person, subject=person.get_username())
                return render(
                    request, "registration/recovery_codes.html", {"codes": codes, "next": resolve_url("home")}
                )
        else:
            error = _("Choose what to do with two-factor sign-in.")
    context: dict[str, Any] = {"factor": factor, "required": required, "error": error}
    if factor is None:
        context.update(_setup_context(request, person))
    else:
        context["codes_left"] = len(factor.recovery_codes)
    return render(request, "registration/second_factor_manage.html", context, status=400 if error else 200)
