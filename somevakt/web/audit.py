"""The audit log page: who signed in, failed to, was locked out or changed a password, and every
other security-relevant change (roles, settings, accounts, screening, downloads) with its before
and after, for the municipality's administrators (IT) and the chief executive, with filters and a
CSV download.

Nothing here changes the log; the model refuses it anyway. A person's entries are shown to the
municipalities they belong to (a sign-in is nobody's municipality in particular), and a failed
sign-in under a member's user name is shown with them.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from somevakt.tenants.access import member_required
from somevakt.tenants.models import AuditAction, AuditEntry, Municipality
from somevakt.tenants.roles import Role

READERS = (Role.IT, Role.CHIEF_EXECUTIVE)
SHOWN = 200
CSV_LIMIT = 50_000


def entries_of(municipality: Municipality) -> QuerySet[AuditEntry]:
    people = get_user_model().objects.filter(memberships__municipality=municipality)
    names = [name.lower() for name in people.values_list("username", flat=True)]
    return AuditEntry.objects.filter(
        Q(municipality=municipality) | Q(actor__in=people) | Q(actor__isnull=True, subject__in=names)
    ).select_related("actor")


def filtered(request: HttpRequest, municipality: Municipality) -> tuple[QuerySet[AuditEntry], dict[str, str]]:
    chosen = {key: request.GET.get(key, "").strip() for key in ("action", "who", "from", "to")}
    found = entries_of(municipality)
    if chosen["action"] in AuditAction.values:
        found = found.filter(action=chosen["action"])
    if chosen["who"]:
        found = found.filter(Q(actor_label__icontains=chosen["who"]) | Q(subject__icontains=chosen["who"]))
    for key, lookup in (("from", "at__date__gte"), ("to", "at__date__lte")):
        try:
            day = dt.date.fromisoformat(chosen[key]) if chosen[key] else None
        except ValueError:
            chosen[key] = ""  # a date that is no date filters nothing, and the form shows it empty
            continue
        if day is not None:
            found = found.filter(**{lookup: day})
    return found.order_by("-at", "-id"), chosen


@require_GET
@member_required(roles=READERS)
def audit_log(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    found, chosen = filtered(request, municipality)
    return render(
        request,
        "web/audit.html",
        {
            "municipality": municipality,
            "entries": [(entry, change_of(entry)) for entry in found[:SHOWN]],
            "shown": SHOWN,
            "chosen": chosen,
            "actions": AuditAction.choices,
            "query": request.GET.urlencode(),
        },
    )


@require_GET
@member_required(roles=READERS)
def audit_log_csv(request: HttpRequest, municipality: Municipality) -> StreamingHttpResponse:
    found, _chosen = filtered(request, municipality)

    class Echo:
        def write(self, value: str) -> str:
            return value

    writer = csv.writer(Echo())

    def rows() -> Iterator[str]:
        yield writer.writerow(
            [_("Time"), _("What"), _("Who"), _("From"), _("About"), pgettext("what changed", "Change")]
        )
        for entry in found[:CSV_LIMIT].iterator():
            who = entry.actor.get_username() if entry.actor else entry.actor_label
            yield writer.writerow(
                [
                    timezone.localtime(entry.at).isoformat(timespec="seconds"),
                    entry.get_action_display(),
                    _neutral(who),
                    entry.address or "",
                    _neutral(entry.subject),
                    _neutral(change_of(entry)),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="revisjonslogg-{municipality.slug}.csv"'
    return response


def change_of(entry: AuditEntry) -> str:
    """What changed, as "field: before → after" per field (a new row shows only after, a removed
    one only before); the field names are the stored ones, the same in every language."""
    parts = []
    for name in dict.fromkeys([*entry.before, *entry.after]):
        old, new = entry.before.get(name), entry.after.get(name)
        if name in entry.before and name in entry.after:
            parts.append(f"{name}: {_shown(old)} → {_shown(new)}")
        else:
            parts.append(f"{name}: {_shown(new if name in entry.after else old)}")
    return "; ".join(parts)


def _shown(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return "–" if value in (None, "") else str(value)


def _neutral(value: str) -> str:
    # A user name typed at the sign-in form is anyone's text: never a formula in a spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
