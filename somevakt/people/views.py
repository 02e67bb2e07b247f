"""The People section: the yearly attestation, the leaders' view of it, and the self-check.

The self-check never stores or logs what is typed: the text lives in the request and the
response only (no model, no session, no log line, `no-store` for caches, and it is masked in
error reports).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from somevakt.people import attestations, onboarding, selfcheck
from somevakt.policy.engine import MAX_TEXT_CHARS, PolicyContext
from somevakt.policy.labels import field_labels, topic_label
from somevakt.policy.packs import PackError, load_pack
from somevakt.policy.schema import Pack
from somevakt.tenants.access import member_required
from somevakt.tenants.models import Membership, Municipality
from somevakt.tenants.roles import Role
from somevakt.tenants.scoping import get_or_404


def _pack(municipality: Municipality) -> Pack:
    try:
        return load_pack(municipality.policy_pack)
    except PackError:
        # The municipality's configuration is broken, not the person's input.
        raise Http404 from None


@require_GET
@member_required
def index(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    pack = _pack(municipality)
    year = attestations.current_year()
    mine = attestations.attestation_of(request.user, municipality, year)
    return render(
        request,
        "people/index.html",
        {
            "municipality": municipality,
            "pack": pack,
            "year": year,
            "attestation": mine,
            "current": mine is not None and mine.policy_revision == pack.revision,
            "read": onboarding.reading_of(request.user, municipality, pack),
            "leads": attestations.leads_a_unit(request.user, municipality),
            "yearly": yearly_clauses(pack, get_language()),
        },
    )


def yearly_clauses(pack: Pack, language: str) -> list[tuple[str, str]]:
    """The pack's yearly-review clauses as (id, summary in `language`): what the person is told
    before confirming, such as what a breach may lead to (Båtsfjord: the staff regulations)."""
    return [(c.id, c.summary.text(language)) for c in pack.clauses if c.topic == "yearly_review"]


@require_POST
@member_required
def attest(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    pack = _pack(municipality)
    try:
        _attestation, changed = attestations.confirm(request.user, municipality, pack)
    except attestations.NotRead:
        messages.error(request, _("Read what the guideline says to you first; then confirm."))
        return redirect("people:introduction", municipality=municipality.slug)
    if changed:
        messages.success(request, _("Thank you: you have confirmed this year's guideline."))
    else:
        messages.info(request, _("You had already confirmed this year's guideline."))
    return redirect("people:index", municipality=municipality.slug)


@require_GET
@member_required
def introduction(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """What the guideline says to this person's roles; opening it is what the attestation needs."""
    pack = _pack(municipality)
    roles = request.membership.roles  # type: ignore[attr-defined]
    reading = onboarding.record_reading(request.user, municipality, pack)
    language = get_language()
    groups = [
        (topic_label(topic, language), [(clause.id, clause.summary.text(language)) for clause in clauses])
        for topic, clauses in onboarding.clauses_for(pack, roles)
    ]
    return render(
        request,
        "people/introduction.html",
        {
            "municipality": municipality,
            "pack": pack,
            "groups": groups,
            "reading": reading,
            "role_names": [str(Role(r).label) for r in sorted(roles) if r in Role.values],
        },
    )


def _leader(request: HttpRequest, municipality: Municipality) -> None:
    if not attestations.leads_a_unit(request.user, municipality):
        raise PermissionDenied


@require_GET
@member_required
def team_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    _leader(request, municipality)
    pack = _pack(municipality)
    year = attestations.current_year()
    rows = attestations.team(request.user, municipality, pack, year)
    return render(
        request,
        "people/team.html",
        {
            "municipality": municipality,
            "year": year,
            "rows": rows,
            "confirmed": sum(1 for r in rows if r.attestation),
            "reviewed": sum(1 for r in rows if r.attestation and r.attestation.reviewed_with_id),
        },
    )


@require_POST
@member_required
def review(request: HttpRequest, municipality: Municipality, membership_id: int) -> HttpResponse:
    _leader(request, municipality)
    membership: Membership = get_or_404(
        Membership.objects.select_related("person", "municipality"), request, pk=membership_id
    )
    if membership not in attestations.staff_of(request.user, municipality):
        raise Http404  # not theirs to record: the same answer as a person who does not exist
    name = membership.person.get_full_name() or membership.person.get_username()
    try:
        attestations.mark_reviewed(request.user, membership, attestations.current_year())
    except attestations.NotConfirmed:
        messages.error(request, _("%(name)s has not confirmed this year's guideline yet.") % {"name": name})
    else:
        messages.success(
            request, _("Recorded: you went through the guideline with %(name)s.") % {"name": name}
        )
    return redirect("people:team", municipality=municipality.slug)


@never_cache
@sensitive_post_parameters("text")
@require_http_methods(["GET", "POST"])
@member_required
def self_check(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    pack = _pack(municipality)
    allowed = selfcheck.kinds_for(request.membership)  # type: ignore[attr-defined]
    source = request.POST if request.method == "POST" else request.GET
    kind = source.get("kind", selfcheck.PRIVATE)
    if kind not in (selfcheck.PRIVATE, selfcheck.POST):
        return HttpResponseBadRequest(
            _("Unknown kind of text: choose a private post or a post on an official account.")
        )
    if kind not in allowed:
        raise PermissionDenied
    text = request.POST.get("text", "") if request.method == "POST" else ""
    # What the words cannot say: a picture that shows people, and whether they consented.
    shows_people = request.POST.get("shows_people") == "1"
    consent = request.POST.get("consent") == "1"
    membership = request.membership  # type: ignore[attr-defined]
    # Whose field the post may speak about (Gausdal: every employee for their own field).
    fields = selfcheck.speaker_fields(membership, pack) if kind == selfcheck.PRIVATE else None
    situation = PolicyContext(
        media_shows_people=shows_people, consent_recorded=consent, speaker_fields=fields
    )
    result = selfcheck.check(text, kind, pack, situation)
    context = {
        "shows_people": shows_people,
        "consent": consent,
        "municipality": municipality,
        "pack": pack,
        "kind": kind,
        "kinds": allowed,
        "text": text,
        "result": result,
        "max_chars": MAX_TEXT_CHARS,
        "checklist": selfcheck.checklist(pack, kind),
        "own_field": field_labels(fields, get_language()) if fields else "",
    }
    if getattr(request, "htmx", False):
        return render(request, "people/_check_result.html", context)
    return render(request, "people/self_check.html", context)
