"""The shell's middleware: Content-Security-Policy (Django 5.2 has none built in), Permissions-Policy,
no caching of anything a signed-in person sees, and language choice."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

# Everything the shell uses is served from our own origin; no inline script or style.
POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


# somevakt uses no camera, microphone, location, payment or device APIs; no page may ask for them.
PERMISSIONS = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "serial",
        "bluetooth",
        "browsing-topics",
        "display-capture",
    )
)


def private_responses(get_response: Callable[[HttpRequest], HttpResponse]):
    """Pages and downloads for a signed-in person are never stored by a browser or a proxy.

    On a shared municipal PC the back button or the disk cache would otherwise show the next
    person an inbox item, a journal entry or a CSV export after the first one signed out.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            add_never_cache_headers(response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        return response

    return middleware


def content_security_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        # The admin ships inline scripts; it is for operators and keeps Django's own defaults.
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", POLICY)
        return response

    return middleware


def language_from_choice(get_response: Callable[[HttpRequest], HttpResponse]):
    """Bokmål unless the person chose nynorsk or English (the language cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most
    municipal PCs are set to English; the shell is Norwegian first.
    """
    languages = {code for code, _name in settings.LANGUAGES}

    def middleware(request: HttpRequest) -> HttpResponse:
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if code not in languages:
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        try:
            request.LANGUAGE_CODE = code  # type: ignore[attr-defined]
            response = get_response(request)
            response.headers.setdefault("Content-Language", code)
            patch_vary_headers(response, ["Cookie"])
            return response
        finally:
            # The thread serves other requests and runs tasks next; they must not inherit
            # this person's language (an e-mail or a log line in English by accident).
            translation.deactivate()

    return middleware
