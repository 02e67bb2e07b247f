"""The archive pages: the journal with its delivery state, an entry (metadata, screening, the
captured document, the receipt), the public journal, the deletion report and the settings.

The records office (role `records`) decides metadata and screening; communications staff and the
chief executive can read along.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from somevakt.archive.formats.records import CONFIDENTIALITY_BASIS, CaseReference, RecordError
from somevakt.archive.models import (
    ArchiveProfile,
    DeliveryState,
    JournalEntry,
    RetentionRule,
    RetentionRun,
)
from somevakt.archive.reports import OSLO, deleted_csv, deleted_in, grounds_count
from somevakt.archive.services import (
    EntryLocked,
    InvalidMetadata,
    decide_screening,
    send_again,
    update_metadata,
)
from somevakt.tenants.access import has_role, member_required
from somevakt.tenants.models import Municipality
from somevakt.tenants.roles import Role
from somevakt.tenants.scoping import for_municipality, get_or_404

# The same rule as JournalEntry.screened: the records office's decision, else somevakt's proposal.
SCREENED = Q(skjermet=True) | Q(skjermet__isnull=True, proposed_screening=True)
READERS = (Role.RECORDS, Role.COMMUNICATIONS, Role.CHIEF_EXECUTIVE)
RECORDS = (Role.RECORDS,)
PAGE = 100
LOCKED_MESSAGE = gettext_lazy("The entry has been handed to the archive; change it in the archive system.")


def _entries(request: HttpRequest):
    return for_municipality(
        JournalEntry.objects.select_related("item__account", "source_event").defer("capture_pdf"), request
    )


def _search(entries, query: str):
    if not query:
        return entries
    found = Q(title__icontains=query) | Q(case_reference__icontains=query) | Q(item__text__icontains=query)
    # An entry's id as the archive knows it: "gausdal-12" or just 12.
    if query.rsplit("-", 1)[-1].isdigit():
        found |= Q(pk=int(query.rsplit("-", 1)[-1]))
    return entries.filter(found)


@require_GET
@member_required(roles=READERS)
def index(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    state = request.GET.get("tilstand", "")
    entries = _search(_entries(request), query)
    if state in DeliveryState.values:
        entries = entries.filter(state=state)
    counts = dict(
        for_municipality(JournalEntry.objects, request).values_list("state").annotate(n=Count("id"))
    )
    failed = (
        _entries(request)
        .filter(Q(state=DeliveryState.FAILED) | ~Q(last_error=""))
        .order_by("-created_at")[:20]
    )
    return render(
        request,
        "archive/index.html",
        {
            "municipality": municipality,
            "entries": entries.order_by("-created_at", "-id")[:PAGE],
            "query": query,
            "state": state,
            "states": [(value, label, counts.get(value, 0)) for value, label in DeliveryState.choices],
            "failed": failed,
            "is_records": has_role(request, *RECORDS),
            "needs_profile": not ArchiveProfile.objects.filter(municipality=municipality)
            .exclude(org_number="")
            .exists(),
        },
    )


class MetadataForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    public_title = forms.CharField(
        label=gettext_lazy("Public title"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("The title the public journal shows when the title itself is screened."),
    )
    case_reference = forms.CharField(
        label=gettext_lazy("Case number"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("The case in the archive system, as YEAR/NUMBER, if known."),
    )
    classification = forms.CharField(label=gettext_lazy("Classification"), max_length=100, required=False)

    def clean_case_reference(self) -> str:
        value = self.cleaned_data["case_reference"].strip()
        if value:
            try:
                return str(CaseReference.parse(value))
            except RecordError:
                raise forms.ValidationError(
                    _("Write the case number as YEAR/NUMBER, e.g. 2026/123.")
                ) from None
        return value


class ScreeningForm(forms.Form):
    screened = forms.TypedChoiceField(
        label=gettext_lazy("Screening"),
        choices=[
            ("1", gettext_lazy("Screened (exempt from public access)")),
            ("0", gettext_lazy("Not screened")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    basis = forms.CharField(
        label=gettext_lazy("Legal basis"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("Required when the entry is screened, e.g. Offentleglova § 13."),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("screened") and not (data.get("basis") or "").strip():
            self.add_error("basis", _("A screened entry needs its legal basis."))
        return data


def _entry(request: HttpRequest, entry_id: int) -> JournalEntry:
    return get_or_404(
        JournalEntry.objects.select_related("item__account", "item__status", "source_event__actor"),
        request,
        pk=entry_id,
    )


@require_GET
@member_required(roles=READERS)
def entry(request: HttpRequest, municipality: Municipality, entry_id: int) -> HttpResponse:
    found = _entry(request, entry_id)
    return _entry_page(request, municipality, found)


def _entry_page(
    request: HttpRequest,
    municipality: Municipality,
    found: JournalEntry,
    metadata_form: MetadataForm | None = None,
    screening_form: ScreeningForm | None = None,
    status: int = 200,
) -> HttpResponse:
    metadata_form = metadata_form or MetadataForm(
        initial={
            "title": found.title,
            "public_title": found.public_title,
            "case_reference": found.case_reference,
            "classification": found.classification,
        }
    )
    screening_form = screening_form or ScreeningForm(
        initial={
            "screened": "1" if found.screened else "0",
            "basis": found.effective_basis or CONFIDENTIALITY_BASIS,
        }
    )
    thread = (found.snapshot or {}).get("thread") or []
    return render(
        request,
        "archive/entry.html",
        {
            "municipality": municipality,
            "entry": found,
            "thread": [
                {**row, "time": dt.datetime.fromisoformat(row["time"]).astimezone(OSLO)} for row in thread
            ],
            "changes": found.changes.select_related("by"),
            "metadata_form": metadata_form,
            "screening_form": screening_form,
            "is_records": has_role(request, *RECORDS),
        },
        status=status,
    )


@require_POST
@member_required(roles=RECORDS)
def edit_metadata(request: HttpRequest, municipality: Municipality, entry_id: int) -> HttpResponse:
    found = _entry(request, entry_id)
    form = MetadataForm(request.POST)
    if not form.is_valid():
        return _entry_page(request, municipality, found, metadata_form=form, status=400)
    try:
        changed = update_metadata(found, request.user, **form.cleaned_data)
    except (EntryLocked, InvalidMetadata):
        messages.error(request, LOCKED_MESSAGE)
    else:
        if changed:
            messages.success(
                request, _("The metadata is saved. The entry is captured again before delivery.")
            )
    return redirect("archive:entry", municipality=municipality.slug, entry_id=found.pk)


@require_POST
@member_required(roles=RECORDS)
def screening(request: HttpRequest, municipality: Municipality, entry_id: int) -> HttpResponse:
    found = _entry(request, entry_id)
    form = ScreeningForm(request.POST)
    if not form.is_valid():
        return _entry_page(request, municipality, found, screening_form=form, status=400)
    try:
        decide_screening(found, request.user, form.cleaned_data["screened"], form.cleaned_data["basis"])
    except (EntryLocked, InvalidMetadata):
        messages.error(request, LOCKED_MESSAGE)
    else:
        messages.success(request, _("The screening decision is recorded."))
    return redirect("archive:entry", municipality=municipality.slug, entry_id=found.pk)


@require_POST
@member_required(roles=RECORDS)
def retry(request: HttpRequest, municipality: Municipality, entry_id: int) -> HttpResponse:
    found = _entry(request, entry_id)
    send_again(found)
    messages.success(request, _("The entry will be sent again as a new message."))
    return redirect("archive:entry", municipality=municipality.slug, entry_id=found.pk)


@require_GET
@member_required(roles=READERS)
def document(request: HttpRequest, municipality: Municipality, entry_id: int) -> HttpResponse:
    found = get_or_404(JournalEntry.objects.all(), request, pk=entry_id)
    data = found.pdf_bytes()
    if data is None:
        raise Http404
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="somevakt-{found.record_id}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@member_required(roles=READERS)
def public_journal(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    entries = _entries(request)
    if query:
        # Screened entries are found by their public title only, never by their title or text.
        open_match = (Q(title__icontains=query) | Q(item__text__icontains=query)) & ~SCREENED
        entries = entries.filter(Q(public_title__icontains=query) | open_match)
    entries = entries.order_by("-created_at", "-id")[:PAGE]
    return render(
        request,
        "archive/public_journal.html",
        {"municipality": municipality, "entries": entries, "query": query},
    )


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("aar", "")
    this_year = timezone.now().astimezone(OSLO).year
    if raw.isdigit() and 2000 <= int(raw) <= this_year + 1:
        return int(raw)
    return this_year


CSV_HEADER = [
    "somevakt-ID",
    "Slettet",
    "Plattform",
    "Konto",
    "Avsender",
    "Tekst",
    "Begrunnelse",
    "Retningslinjer",
    "Slettet av",
]


@require_GET
@member_required(roles=READERS)
def deleted_report(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    year = _year(request)
    rows = deleted_in(municipality, year)
    return render(
        request,
        "archive/deleted.html",
        {
            "municipality": municipality,
            "year": year,
            "years": list(range(timezone.now().astimezone(OSLO).year, 2019, -1)),
            "rows": rows,
            "grounds": grounds_count(rows),
        },
    )


@require_GET
@member_required(roles=READERS)
def deleted_report_csv(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    year = _year(request)
    body = deleted_csv(deleted_in(municipality, year), CSV_HEADER)
    response = HttpResponse("\ufeff" + body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="slettet-{municipality.slug}-{year}.csv"'
    return response


class SettingsForm(forms.Form):
    org_number = forms.CharField(
        label=gettext_lazy("Organisation number"),
        max_length=20,
        help_text=gettext_lazy("The municipality's organisation number, nine digits."),
    )
    series = forms.CharField(
        label=gettext_lazy("Archive part (arkivdel)"),
        max_length=50,
        required=False,
        help_text=gettext_lazy("Where the archive files entries without a case number, if it asks for one."),
    )
    keep_days = forms.IntegerField(
        label=gettext_lazy("Days to keep items that are not journaled"), min_value=30, max_value=3650
    )
    retention_enabled = forms.BooleanField(
        label=gettext_lazy("Delete old items that are not journaled"), required=False
    )

    def clean_org_number(self) -> str:
        from stdnum.exceptions import ValidationError as StdnumError
        from stdnum.no import orgnr

        try:
            return str(orgnr.validate(self.cleaned_data["org_number"]))
        except StdnumError:
            raise forms.ValidationError(_("This is not a valid organisation number.")) from None


@require_http_methods(["GET", "POST"])
@member_required(roles=RECORDS)
def settings_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    profile = ArchiveProfile.objects.filter(municipality=municipality).first() or ArchiveProfile(
        municipality=municipality
    )
    rule = RetentionRule.objects.filter(municipality=municipality).first() or RetentionRule(
        municipality=municipality
    )
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            profile.org_number = form.cleaned_data["org_number"]
            profile.series = form.cleaned_data["series"].strip()
            profile.save()
            rule.keep_days = form.cleaned_data["keep_days"]
            rule.enabled = form.cleaned_data["retention_enabled"]
            rule.save()
            messages.success(request, _("The archive settings are saved."))
            return redirect("archive:settings", municipality=municipality.slug)
        status = 400
    else:
        form = SettingsForm(
            initial={
                "org_number": profile.org_number,
                "series": profile.series,
                "keep_days": rule.keep_days,
                "retention_enabled": rule.enabled,
            }
        )
        status = 200
    runs = RetentionRun.objects.filter(municipality=municipality)[:20]
    return render(
        request,
        "archive/settings.html",
        {"municipality": municipality, "form": form, "runs": runs},
        status=status,
    )
