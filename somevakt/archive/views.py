"""The archive pages: the journal with its delivery state, an entry (metadata, screening, the
captured document, the receipt), the public journal, the deletion report and the settings.

The records office (role `records`) decides metadata and screening; communications staff and the
chief executive can read along.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from somevakt.archive.entry_record import event_clauses
from somevakt.archive.exposure import KINDS, exposed, mask_ids, note_kinds
from somevakt.archive.formats.cleaning import safe_permalink
from somevakt.archive.formats.records import CONFIDENTIALITY_BASIS, CaseReference, RecordError
from somevakt.archive.hold import Planner
from somevakt.archive.models import (
    DELIVERED_STATES,
    ArchiveProfile,
    DeliveryState,
    Hold,
    JournalChange,
    JournalEntry,
    Reason,
    RetentionRule,
    RetentionRun,
    SettingsChange,
)
from somevakt.archive.reports import OSLO, deleted_csv, deleted_in, grounds_count
from somevakt.archive.services import (
    ConfirmationNeeded,
    EntryLocked,
    InvalidMetadata,
    decide_screening,
    send_again,
    update_metadata,
)
from somevakt.archive.transports.fiksio.views import LABELS as TRANSPORT_LABELS
from somevakt.archive.transports.fiksio.views import change_text as transport_change_text
from somevakt.inbox.models import ItemKind
from somevakt.policy.packs import PackError, load_pack
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


def _text_matches(query: str) -> Q:
    """The entry's own text: the municipality's reply for a reply, else the comment."""
    reply = Q(reason=Reason.REPLY, source_event__payload__text__icontains=query)
    return reply | (~Q(reason=Reason.REPLY) & Q(item__text__icontains=query))


def entry_text(entry: JournalEntry) -> str:
    """What the entry is: the municipality's reply for a reply entry, a handed-in document's
    text, else the comment."""
    if entry.is_document:
        sections = (entry.document or {}).get("sections") or []
        return "\n".join(str(line) for section in sections for line in section.get("lines") or [])
    if entry.reason == Reason.REPLY:
        return str((entry.source_event.payload or {}).get("text") or "")
    return entry.item.text


def when_text(value: dt.datetime) -> str:
    """A time as people here read it, in every language: "8. des. kl. 10:00" (the year if not this one)."""
    local = value.astimezone(OSLO)
    if local.year == timezone.now().astimezone(OSLO).year:
        pattern = pgettext("archive time without the year", "j N, H:i")
    else:
        pattern = pgettext("archive time with the year", "j N Y, H:i")
    return dateformat.format(local, pattern)


# Entries the records office has not decided on, still in its hands.
UNDECIDED = Q(skjermet__isnull=True) & ~Q(state__in=DELIVERED_STATES)


def _planned(municipality: Municipality, entries) -> list[JournalEntry]:
    """The entries, each with `plan` (what happens next) and `plan_at` (when, as text)."""
    planner = Planner(municipality)
    found = list(entries)
    for one in found:
        one.plan = planner.plan(one)
        one.plan_at = when_text(one.plan.at) if one.plan.kind == "automatic" and one.plan.at else ""
    return found


def _search(entries, query: str):
    if not query:
        return entries
    found = Q(title__icontains=query) | Q(case_reference__icontains=query) | _text_matches(query)
    # An entry's id as the archive knows it: "gausdal-12" or just 12.
    if query.rsplit("-", 1)[-1].isdigit():
        found |= Q(pk=int(query.rsplit("-", 1)[-1]))
    return entries.filter(found)


@require_GET
@member_required(roles=READERS)
def index(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    state = request.GET.get("tilstand", "")
    undecided_only = request.GET.get("venter") == "1"
    entries = _search(_entries(request), query)
    if state in DeliveryState.values:
        entries = entries.filter(state=state)
    if undecided_only:
        entries = entries.filter(UNDECIDED)
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
            "entries": _planned(municipality, entries.order_by("-created_at", "-id")[:PAGE]),
            "query": query,
            "state": state,
            "states": [(value, label, counts.get(value, 0)) for value, label in DeliveryState.choices],
            "failed": failed,
            "is_records": has_role(request, *RECORDS),
            "undecided": for_municipality(JournalEntry.objects, request).filter(UNDECIDED).count(),
            "undecided_only": undecided_only,
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
    counterpart_name = forms.CharField(
        label=gettext_lazy("Sender or recipient"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "The name as the archive should show it, if the name the person wrote needs correcting. "
            "Empty: as written."
        ),
    )

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


def _change_row(change: JournalChange) -> dict:
    """A change as the page shows it: a confirmation's note in the reader's language."""
    kinds = note_kinds(change.note)
    if kinds is None:
        note = change.note
    else:
        named = ", ".join(str(KINDS[kind]) for kind in kinds)
        note = _("confirmed that this becomes public: %(kinds)s") % {"kinds": named}
    return {"change": change, "note": note}


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
    confirm: list | None = None,
) -> HttpResponse:
    metadata_form = metadata_form or MetadataForm(
        initial={
            "title": found.title,
            "public_title": found.public_title,
            "case_reference": found.case_reference,
            "classification": found.classification,
            "counterpart_name": found.counterpart_name,
        }
    )
    screening_form = screening_form or ScreeningForm(
        initial={
            "screened": "1" if found.screened else "0",
            "basis": found.effective_basis or CONFIDENTIALITY_BASIS,
        }
    )
    thread = (found.snapshot or {}).get("thread") or []
    plan = Planner(municipality).plan(found)
    try:
        pack = load_pack(municipality.policy_pack)
    except PackError:
        pack = None
    return render(
        request,
        "archive/entry.html",
        {
            "municipality": municipality,
            "entry": found,
            "thread": [
                {
                    **row,
                    "time": dt.datetime.fromisoformat(row["time"]).astimezone(OSLO),
                    # Only an http(s) link on the platform's host is ever a live link here.
                    "permalink": safe_permalink(row.get("permalink", ""), row.get("platform", "")),
                }
                for row in thread
            ],
            "changes": [_change_row(change) for change in found.changes.select_related("by")],
            "metadata_form": metadata_form,
            "screening_form": screening_form,
            "is_records": has_role(request, *RECORDS),
            "plan": plan,
            "plan_at": when_text(plan.at) if plan.at else "",
            "clauses": event_clauses(found, pack),
            "text": entry_text(found),
            "document": _document_view(found),
            "confirm": confirm,
            "exposed": exposed(found) if found.editable and has_role(request, *RECORDS) else [],
            "basis": screening_form["basis"].value() or "",
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
        decide_screening(
            found,
            request.user,
            form.cleaned_data["screened"],
            form.cleaned_data["basis"],
            confirmed=request.POST.get("bekreft") == "1",
        )
    except ConfirmationNeeded as needed:
        # Nothing is decided yet: the page asks again, naming what would become public.
        return _entry_page(request, municipality, found, screening_form=form, confirm=needed.found)
    except (EntryLocked, InvalidMetadata):
        messages.error(request, LOCKED_MESSAGE)
    else:
        messages.success(request, _("The screening decision is recorded."))
    return redirect("archive:entry", municipality=municipality.slug, entry_id=found.pk)


@require_POST
@member_required(roles=RECORDS)
def approve(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """The records office accepts somevakt's proposal for the chosen entries in one go.

    An entry whose proposal is not to screen it but whose texts hold personal data is left for
    the records office to open: un-screening it asks for a confirmation naming what becomes public.
    """
    ids = [int(value) for value in request.POST.getlist("entry") if value.isdigit()][:PAGE]
    chosen = _entries(request).filter(pk__in=ids).filter(UNDECIDED).select_related("item__status")
    decided, left = 0, []
    for found in chosen.order_by("id"):
        try:
            if decide_screening(found, request.user, found.proposed_screening, found.proposed_basis):
                decided += 1
        except ConfirmationNeeded:
            left.append(found.record_id)
        except (EntryLocked, InvalidMetadata):
            left.append(found.record_id)
    if decided:
        messages.success(
            request,
            ngettext(
                "somevakt's proposal is recorded as the decision for %(n)d entry.",
                "somevakt's proposal is recorded as the decision for %(n)d entries.",
                decided,
            )
            % {"n": decided},
        )
    if left:
        messages.warning(
            request,
            _(
                "Open these to decide them one by one; they hold personal data that would become "
                "public: %(ids)s"
            )
            % {"ids": ", ".join(left)},
        )
    if not decided and not left:
        messages.error(request, _("Choose the entries whose proposal you accept."))
    return redirect(f"{reverse('archive:index', kwargs={'municipality': municipality.slug})}?venter=1")


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
    return _download(found.pdf_bytes(), "application/pdf", f"somevakt-{found.record_id}.pdf")


def _download(data: bytes | None, content_type: str, file_name: str) -> HttpResponse:
    """A stored file as a download (404 when there is none)."""
    if data is None:
        raise Http404
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _document_view(found: JournalEntry) -> dict | None:
    """A handed-in document as the entry page shows it (its times as times)."""
    if not found.is_document:
        return None
    data = dict(found.document)
    data["at"] = dt.datetime.fromisoformat(data["at"])
    return data


@require_GET
@member_required(roles=READERS)
def attachment(request: HttpRequest, municipality: Municipality, entry_id: int) -> HttpResponse:
    """The file handed in with a document (a crisis report's PDF), as it was kept."""
    found = get_or_404(JournalEntry.objects.all(), request, pk=entry_id)
    about = found.document.get("attachment") or {}
    content_type = str(about.get("mime_type") or "application/pdf")
    return _download(found.attachment_bytes(), content_type, f"somevakt-{found.record_id}-vedlegg.pdf")


@require_GET
@member_required(roles=READERS)
def public_journal(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    entries = _entries(request).select_related("source_event", "item")
    if query:
        # Screened entries are found by their public title only, never by their title or text.
        open_match = (Q(title__icontains=query) | (_text_matches(query) & ~PRIVATE)) & ~SCREENED
        entries = entries.filter(Q(public_title__icontains=query) | open_match)
    rows = []
    for found in entries.order_by("-created_at", "-id")[:SEARCHED]:
        row = _public_row(found)
        # A masked number is not there to be found: the match must be in what the page shows.
        if query and not _shows(row, query):
            continue
        rows.append(row)
        if len(rows) == PAGE:
            break
    return render(
        request,
        "archive/public_journal.html",
        {"municipality": municipality, "rows": rows, "query": query},
    )


# How many candidates the public journal's search checks against what it shows.
SEARCHED = 1000


# A private message's words are never in the public journal, screened or not (issue 16): the
# public sees that the municipality received one, and its title.
PRIVATE = Q(item__kind=ItemKind.MESSAGE)


def _public_row(found: JournalEntry) -> dict:
    """One row as the public sees it: national ids and account numbers masked in any case."""
    screened = found.screened
    private = found.item is not None and found.item.kind == ItemKind.MESSAGE
    return {
        "entry": found,
        "screened": screened,
        "private": private,
        "title": mask_ids(found.public_title) if screened else mask_ids(found.title),
        "basis": found.effective_basis,
        "text": "" if screened or private else mask_ids(entry_text(found)),
    }


def _shows(row: dict, query: str) -> bool:
    needle = query.casefold()
    return needle in row["title"].casefold() or needle in row["text"].casefold()


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
    hold = forms.ChoiceField(
        label=gettext_lazy("When an entry goes to the archive"),
        choices=Hold.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "Screening can only be changed until the entry is handed to the archive. "
            "An entry the records office has decided on goes at once."
        ),
    )
    hold_hours = forms.IntegerField(
        label=gettext_lazy("Working hours to wait"),
        min_value=1,
        max_value=200,
        help_text=gettext_lazy(
            "Counted in the municipality's office hours, like answer deadlines; "
            "used when entries go after a number of working hours."
        ),
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
            data = form.cleaned_data
            before = _settings_values(profile, rule)
            profile.org_number = data["org_number"]
            profile.series = data["series"].strip()
            profile.hold = data["hold"]
            profile.hold_hours = data["hold_hours"]
            rule.keep_days = data["keep_days"]
            rule.enabled = data["retention_enabled"]
            after = _settings_values(profile, rule)
            with transaction.atomic():
                profile.save()
                rule.save()
                SettingsChange.objects.bulk_create(
                    SettingsChange(
                        municipality=municipality,
                        field=name,
                        old=before[name],
                        new=after[name],
                        by=request.user,
                    )
                    for name in after
                    if before[name] != after[name]
                )
            messages.success(request, _("The archive settings are saved."))
            return redirect("archive:settings", municipality=municipality.slug)
        status = 400
    else:
        form = SettingsForm(
            initial={
                "org_number": profile.org_number,
                "series": profile.series,
                "hold": profile.hold,
                "hold_hours": profile.hold_hours,
                "keep_days": rule.keep_days,
                "retention_enabled": rule.enabled,
            }
        )
        status = 200
    runs = RetentionRun.objects.filter(municipality=municipality)[:20]
    changes = [
        {
            "change": change,
            "field": SETTING_LABELS.get(change.field, change.field),
            "old": _setting_text(change.field, change.old),
            "new": _setting_text(change.field, change.new),
        }
        for change in SettingsChange.objects.filter(municipality=municipality).select_related("by")[:50]
    ]
    return render(
        request,
        "archive/settings.html",
        {"municipality": municipality, "form": form, "runs": runs, "changes": changes},
        status=status,
    )


# The settings' change log: the names it keeps, and their labels.
SETTING_LABELS = {
    "org_number": gettext_lazy("Organisation number"),
    "series": gettext_lazy("Archive part (arkivdel)"),
    "hold": gettext_lazy("When an entry goes to the archive"),
    "hold_hours": gettext_lazy("Working hours to wait"),
    "keep_days": gettext_lazy("Days to keep items that are not journaled"),
    "retention_enabled": gettext_lazy("Delete old items that are not journaled"),
    **TRANSPORT_LABELS,
}


def _settings_values(profile: ArchiveProfile, rule: RetentionRule) -> dict[str, str]:
    return {
        "org_number": profile.org_number,
        "series": profile.series,
        "hold": profile.hold,
        "hold_hours": str(profile.hold_hours),
        "keep_days": str(rule.keep_days),
        "retention_enabled": "1" if rule.enabled else "0",
    }


def _setting_text(name: str, value: str) -> str:
    if name in TRANSPORT_LABELS:
        return transport_change_text(name, value)
    if name == "hold" and value in Hold.values:
        return str(Hold(value).label)
    if name == "retention_enabled":
        return _("Yes") if value == "1" else _("No")
    return value or "–"
