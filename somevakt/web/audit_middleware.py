"""Every request by a signed-in person acts as that person for the audit log (tenants.audit.acting),
and every download it gets (a CSV, a PDF, an uploaded form: any attachment) is logged as an export."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from somevakt.tenants.audit import acting, record
from somevakt.tenants.models import AuditAction
from somevakt.tenants.signin import address_of


def filename_of(response: HttpResponse) -> str | None:
    disposition = response.headers.get("Content-Disposition", "")
    if not disposition.lower().startswith("attachment"):
        return None
    _before, _sep, name = disposition.partition("filename=")
    return name.strip().strip('"') or "-"


def audit_context(get_response: Callable[[HttpRequest], HttpResponse]):
    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return get_response(request)
        with acting(user, address_of(request)):
            response = get_response(request)
            name = filename_of(response)
            if name is not None and response.status_code == 200:
                record(
                    AuditAction.EXPORTED,
                    municipality=getattr(request, "municipality", None),
                    subject=name,
                    after={"path": request.path[:300], "query": request.GET.urlencode()[:300]},
                )
        return response

    return middleware
