"""Signing in with a throttle: failed sign-ins are counted per name and per address, and a
name or an address with too many in a while is locked out for a while.

The count is the audit log's own failed sign-ins (`AuditEntry`), so what is logged and what is
locked always agree. A locked-out attempt is refused before the password is checked at all:
it costs a query, not a password hash, so a flood of wrong passwords from one place cannot
slow everyone else down. Signing in, signing out, failed sign-ins and lockouts are logged.
A wrong code at the second step (`tenants.second_factor`) counts as a failed sign-in too.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from somevakt.tenants.models import AuditAction, AuditEntry

# A name or an address with too many failed sign-ins within WINDOW is locked for WINDOW after
# the last one; how many is a setting (SIGNIN_FAILURES_PER_NAME / _PER_ADDRESS, README).
WINDOW = timedelta(minutes=15)


def per_name() -> int:
    return int(settings.SIGNIN_FAILURES_PER_NAME)


def per_address() -> int:
    return int(settings.SIGNIN_FAILURES_PER_ADDRESS)


def address_of(request: HttpRequest | None) -> str | None:
    """The client's address as the web server saw it (a proxy in front must pass it on)."""
    if request is None:
        return None
    value = request.META.get("REMOTE_ADDR") or None
    return value


def _failures(since: datetime, **where: Any) -> list[datetime]:
    return list(
        AuditEntry.objects.filter(action=AuditAction.SIGN_IN_FAILED, at__gte=since, **where)
        .order_by("-at")
        .values_list("at", flat=True)[: max(per_name(), per_address())]
    )


def locked_until(name: str, address: str | None, now: datetime | None = None) -> datetime | None:
    """When the lockout of this name or address ends, or None when it is not locked."""
    now = now or timezone.now()
    since = now - WINDOW
    ends = []
    by_name = _failures(since, subject=name.strip().lower())
    if len(by_name) >= per_name():
        ends.append(by_name[0] + WINDOW)
    if address:
        by_address = _failures(since, address=address)
        if len(by_address) >= per_address():
            ends.append(by_address[0] + WINDOW)
    return max(ends) if ends else None


class ThrottledLoginForm(AuthenticationForm):
    """Django's sign-in form, refusing a locked-out name or address before checking the password."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked_out": _(
            "Too many failed sign-ins. Try again after %(until)s, or ask an administrator to reset "
            "your password."
        ),
    }

    def clean(self) -> dict[str, Any]:
        name = self.cleaned_data.get("username") or ""
        until = locked_until(name, address_of(self.request))
        if until is not None:
            when = formats.time_format(timezone.localtime(until), "H:i")
            raise forms.ValidationError(
                self.error_messages["locked_out"], code="locked_out", params={"until": when}
            )
        return super().clean()


def log(
    action: str, request: HttpRequest | None, *, actor: Any = None, label: str = "", **fields: Any
) -> None:
    AuditEntry.objects.create(
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=label or (actor.get_username() if getattr(actor, "pk", None) else ""),
        address=address_of(request),
        **fields,
    )


def signed_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    # How the person proved who they are (password or single sign-on, and a second factor),
    # as the sign-in views put it on the request before calling login().
    details = dict(getattr(request, "sign_in_details", None) or {})
    action = AuditAction.SSO_SIGN_IN if details.get("method") == "sso" else AuditAction.SIGN_IN
    log(action, request, actor=user, subject=user.get_username().lower(), after=details)


def signed_out(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None:
        log(AuditAction.SIGN_OUT, request, actor=user, subject=user.get_username().lower())


def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    record_failure(str(credentials.get("username", "")), request)


def record_failure(name: str, request: HttpRequest | None, **details: Any) -> None:
    """A failed sign-in under `name` (a wrong password, or a wrong code at the second step),
    counted by the throttle; the lockout is logged once when it begins."""
    name = name[:150].strip().lower()
    log(AuditAction.SIGN_IN_FAILED, request, label=name, subject=name, after=details)
    until = locked_until(name, address_of(request))
    if (
        until is not None
        and not AuditEntry.objects.filter(
            action=AuditAction.LOCKED_OUT, subject=name, at__gte=timezone.now() - WINDOW
        ).exists()
    ):
        log(AuditAction.LOCKED_OUT, request, label=name, subject=name, after={"until": until.isoformat()})


def connect() -> None:
    """Called once from TenantsConfig.ready()."""
    user_logged_in.connect(signed_in, dispatch_uid="tenants.audit.signed_in")
    user_logged_out.connect(signed_out, dispatch_uid="tenants.audit.signed_out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="tenants.audit.sign_in_failed")
