"""The publishing pages: posts (compose with the live check, schedule, publish, retry), the
pictures, and the photo-consent register.

Function-based views behind `member_required`: outsiders get 404; members who neither publish
nor register consents get 403. Every change is a POST through `services`, which records the
post's event; a refusal comes back as a message in the reader's language.
"""

from __future__ import annotations

import functools
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.labels import joined
from somevakt.inbox.views import speaking_refused
from somevakt.policy.labels import code_label
from somevakt.publishing import check as checking
from somevakt.publishing import rules, services
from somevakt.publishing.forms import AssetDetailsForm, AssetForm, ConsentForm, PostForm, ScheduleForm
from somevakt.publishing.labels import failure_label
from somevakt.publishing.media import BadPicture
from somevakt.publishing.models import Consent, MediaAsset, Post, PostState, PostTarget, TargetState
from somevakt.registry.models import Account
from somevakt.tenants import permissions
from somevakt.tenants.access import member_required
from somevakt.tenants.models import Municipality
from somevakt.tenants.scoping import for_municipality, get_or_404

# A scanned consent form: a PDF or a photo of it, no larger than this.
FORM_MAX_BYTES = 10 * 1024 * 1024
FORM_TYPES = ("application/pdf", "image/jpeg", "image/png")


def publisher_required(view: Any) -> Any:
    """A member who may publish on some account, or register consents; others get 403."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        membership = request.membership  # type: ignore[attr-defined]
        if not (rules.may_publish_somewhere(membership) or rules.may_register_consents(membership)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    checked = member_required(wrapper)
    # For the navigation (web.context_processors.may_open): the roles that publish or register
    # consents somewhere. An account's admin with none of them opens the pages by their address.
    checked.required_roles = tuple(  # type: ignore[attr-defined]
        dict.fromkeys((*permissions.roles_for("publish"), *permissions.roles_for("register_consent")))
    )
    return checked


def _post(request: HttpRequest, post_id: int) -> Post:
    return get_or_404(Post.objects.select_related("created_by", "approved_by"), request, pk=post_id)


def _may_change(request: HttpRequest, post: Post) -> bool:
    """Whether the person may act on the post: they may publish on every account it goes to."""
    membership = request.membership  # type: ignore[attr-defined]
    targets = list(post.targets.select_related("account"))
    return bool(targets) and all(rules.may_publish(membership, t.account) for t in targets)


@require_GET
@publisher_required
def index(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    posts = for_municipality(Post.objects.select_related("created_by"), request).prefetch_related(
        "targets__account"
    )
    state = request.GET.get("state", "")
    if state in PostState.values:
        posts = posts.filter(state=state)
    return render(
        request,
        "publishing/index.html",
        {
            "municipality": municipality,
            "posts": posts[:100],
            "states": PostState.choices,
            "state": state,
            "lapsed": services.lapsed(municipality, owner=request.user),
            "may_publish": rules.may_publish_somewhere(request.membership),  # type: ignore[attr-defined]
        },
    )


@require_http_methods(["GET", "POST"])
@publisher_required
def compose(request: HttpRequest, municipality: Municipality, post_id: int | None = None) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    accounts = rules.publishable_accounts(membership)
    post = _post(request, post_id) if post_id is not None else None
    if post is not None and (
        not _may_change(request, post) or post.state not in (PostState.DRAFT, PostState.APPROVED)
    ):
        raise PermissionDenied
    refused = _speaking_refused(request, municipality, accounts)
    if refused is not None:
        return refused
    if not accounts:
        return _publish_refused(request, municipality)
    initial = {}
    if post is not None:
        initial = {
            "text": post.text,
            "link": post.link,
            "no_link_reason": post.no_link_reason,
            "office_hours_only": post.office_hours_only,
            "accounts": [str(pk) for pk in post.targets.values_list("account_id", flat=True)],
            "media": list(post.media.all()),
        }
    form = PostForm(request.POST or None, initial=initial, accounts=accounts, municipality=municipality)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = services.DraftInput(
                text=form.cleaned_data["text"],
                accounts=form.chosen_accounts(),
                media=list(form.cleaned_data["media"]),
                link=form.cleaned_data["link"],
                no_link_reason=form.cleaned_data["no_link_reason"],
                office_hours_only=form.cleaned_data["office_hours_only"],
            )
            try:
                saved = services.save_draft(municipality, request.user, data, post)
            except services.Refused as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("The draft is saved."))
                return redirect(_detail_url(municipality, saved))
        status = 400
    return render(
        request,
        "publishing/compose.html",
        {
            "municipality": municipality,
            "form": form,
            "post": post,
            "website": pack_of(municipality).municipality.website,
            "assets": MediaAsset.objects.filter(municipality=municipality).prefetch_related("consents")[:50],
        },
        status=status,
    )


def _publish_refused(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """403 that says why: the guideline's reason, who publishes under it and its clause, in the
    reader's language (found walking the demo: Båtsfjord's unit leader got a bare 403)."""
    membership = request.membership  # type: ignore[attr-defined]
    refusal = rules.refusal_anywhere(membership)
    return render(
        request,
        "publishing/publish_refused.html",
        {
            "municipality": municipality,
            "rule": refusal.rule.text(get_language()) if refusal.rule else "",
            "clauses": refusal.clauses,
            "roles": refusal.roles,
            "accounts": refusal.accounts,
            "guideline_url": reverse("guidelines:index", kwargs={"municipality": municipality.slug}),
            "back": reverse("publishing:index", kwargs={"municipality": municipality.slug}),
        },
        status=403,
    )


def _speaking_refused(
    request: HttpRequest, municipality: Municipality, allowed: list[Any]
) -> HttpResponse | None:
    """403 with the pack's clause and reason when a post is sent to an account of the
    municipality the person may not speak from (the form only offers those they may)."""
    if request.method != "POST":
        return None
    offered = {str(a.pk) for a in allowed}
    asked = [pk for pk in request.POST.getlist("accounts") if pk not in offered and pk.isdigit()]
    membership = request.membership  # type: ignore[attr-defined]
    for account in Account.objects.filter(municipality=municipality, pk__in=asked).prefetch_related("admins"):
        refusal = rules.publish_refusal(membership, account)
        if refusal is not None:
            back = reverse("publishing:index", kwargs={"municipality": municipality.slug})
            return speaking_refused(request, municipality, refusal, back)
    return None


@require_POST
@publisher_required
def check_draft(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    """The live check of the composer (htmx): the engine's verdict for kind `post` with the real
    context of the accounts, pictures, link and crisis mode chosen so far."""
    membership = request.membership  # type: ignore[attr-defined]
    accounts = rules.publishable_accounts(membership)
    form = PostForm(request.POST, accounts=accounts, municipality=municipality)
    form.is_valid()  # what is valid so far is checked; the rest is said by the check itself
    data = form.cleaned_data
    draft = checking.Draft(
        text=request.POST.get("text", ""),
        link=data.get("link", "") or request.POST.get("link", "").strip(),
        no_link_reason=data.get("no_link_reason", ""),
        accounts=form.chosen_accounts(),
        media=list(data.get("media", [])),
    )
    return render(request, "publishing/_check.html", check_context(municipality, draft, request.user))


def check_context(municipality: Municipality, draft: checking.Draft, user: Any) -> dict[str, Any]:
    context: dict[str, Any] = {"municipality": municipality, "empty": not draft.text.strip()}
    if context["empty"]:
        return context
    found = checking.check(draft, user, municipality)
    decision = found.decision
    context.update(
        {
            "verdict": found.verdict,
            "problems": found.problems,
            "holds": [str(h.reason) for h in found.holds],
            "notes": found.notes,
            "reasons": list(decision.reasons_in(get_language()))
            if decision and decision.action != "ok"
            else [],
            # Only what the verdict rests on: a code whose rule the pack does not apply is no finding.
            "codes": [
                code_label(c, get_language())
                for c in decision.codes
                if c.startswith(("post", "personal_data", "style", "confidential", "abuse"))
            ]
            if decision and decision.action != "ok"
            else [],
            "clauses": list(decision.clauses) if decision and decision.action != "ok" else [],
            "guideline_url": reverse("guidelines:index", kwargs={"municipality": municipality.slug}),
            "link_status": found.link_status,
        }
    )
    # One phrase after the heading, as the reply check says it (inbox.labels.joined).
    context["codes_text"] = joined(context["codes"])
    return context


def _detail_url(municipality: Municipality, post: Post) -> str:
    return reverse("publishing:detail", kwargs={"municipality": municipality.slug, "post_id": post.pk})


@require_GET
@publisher_required
def detail(request: HttpRequest, municipality: Municipality, post_id: int) -> HttpResponse:
    post = _post(request, post_id)
    return render(request, "publishing/detail.html", detail_context(request, municipality, post))


def detail_context(request: HttpRequest, municipality: Municipality, post: Post) -> dict[str, Any]:
    targets = list(post.targets.select_related("account"))
    lapsed = services.lapsed(municipality)
    for target in targets:
        # Said on the post itself, not only in the author's list: the page offers keep/remove.
        target.lapsed_consents = [x.consent for x in lapsed if x.target.pk == target.pk]
        target.failure_text = (
            failure_label(target.failure, target.account.get_platform_display())
            if target.state == TargetState.FAILED
            else ""
        )
    may_change = _may_change(request, post)
    draft = services.draft_of(post)
    membership = request.membership  # type: ignore[attr-defined]
    second = rules.needs_second_approval(municipality)
    return {
        "municipality": municipality,
        "post": post,
        "targets": targets,
        "events": post.events.select_related("actor"),
        "media": list(post.media.all()),
        "may_change": may_change,
        "editable": may_change and post.state in (PostState.DRAFT, PostState.APPROVED),
        "second_approval": second,
        "may_approve": second
        and post.state == PostState.DRAFT
        and post.created_by_id != request.user.pk
        and rules.may_approve(membership),
        "check": check_context(municipality, draft, request.user)
        if post.state in (PostState.DRAFT, PostState.APPROVED)
        else None,
        "schedule_form": ScheduleForm(),
        "lapsed": {x.target.pk: x for x in lapsed},
    }


ACTIONS = ("approve", "publish", "schedule", "retry", "withdraw", "to_crisis")


@require_POST
@publisher_required
def act(request: HttpRequest, municipality: Municipality, post_id: int, action: str) -> HttpResponse:
    post = _post(request, post_id)
    if action not in ACTIONS:
        raise Http404
    if action == "approve":
        if not rules.may_approve(request.membership):  # type: ignore[attr-defined]
            raise PermissionDenied
    elif not _may_change(request, post):
        raise PermissionDenied
    try:
        if action == "approve":
            services.approve(post, request.user)
            messages.success(request, _("The post is approved."))
        elif action == "publish":
            services.schedule(post, request.user)
            messages.success(request, _("The post is being published."))
        elif action == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                raise services.Refused(*[e for errors in form.errors.values() for e in errors])
            services.schedule(post, request.user, form.cleaned_data["publish_at"])
            messages.success(request, _("The post is scheduled."))
        elif action == "retry":
            services.retry(post, request.user)
            messages.success(request, _("The post is being tried again where it failed."))
        elif action == "to_crisis":
            services.send_to_crisis(post, request.user)
            messages.success(request, _("The post is sent to crisis management."))
        elif action == "withdraw":
            services.withdraw(post, request.user, request.POST.get("reason", "")[:2000])
            messages.success(request, _("The post is withdrawn."))
    except services.Refused as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect(_detail_url(municipality, post))


@require_POST
@publisher_required
def target_action(
    request: HttpRequest, municipality: Municipality, post_id: int, target_id: int, action: str
) -> HttpResponse:
    """On one account: remove the post from the platform, or record why it stays."""
    post = _post(request, post_id)
    target = PostTarget.objects.select_related("account", "post").filter(post=post, pk=target_id).first()
    if target is None or action not in ("remove", "keep"):
        raise Http404
    if not rules.may_publish(request.membership, target.account):  # type: ignore[attr-defined]
        raise PermissionDenied
    reason = request.POST.get("reason", "")[:2000]
    try:
        if action == "remove":
            services.remove(target, request.user, reason)
            messages.success(
                request, _("The post is removed from %(account)s.") % {"account": target.account.name}
            )
        else:
            services.keep(target, request.user, reason)
            messages.success(request, _("Recorded why the post stays."))
    except services.Refused as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect(_detail_url(municipality, post))


@require_http_methods(["GET", "POST"])
@publisher_required
def pictures(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    form = AssetForm(request.POST or None, request.FILES or None, municipality=municipality)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > services.MAX_PICTURE_BYTES:
                    # Said before the file is read at all.
                    services.clean_size(upload.size)
                data = services.AssetInput(
                    alt_text=form.cleaned_data["alt_text"],
                    shows_people=form.cleaned_data["shows_people"],
                    group=form.cleaned_data["group"],
                    consents=list(form.cleaned_data["consents"]),
                    shows_colleagues=form.cleaned_data["shows_colleagues"],
                    shows_pupils=form.cleaned_data["shows_pupils"],
                    shows_patients=form.cleaned_data["shows_patients"],
                    photographer=form.cleaned_data["photographer"],
                    photographer_permission=form.cleaned_data["photographer_permission"],
                )
                asset = services.add_asset(municipality, request.user, upload.read(), upload.name, data)
            except (services.Refused, BadPicture) as exc:
                form.add_error("file", exc.messages[0] if isinstance(exc, services.Refused) else str(exc))
            else:
                messages.success(request, _("The picture is stored."))
                if asset.gps_removed:
                    messages.info(
                        request,
                        _(
                            "The picture carried a GPS position (where it was taken); it was removed "
                            "before the picture was stored."
                        ),
                    )
                return redirect(reverse("publishing:pictures", kwargs={"municipality": municipality.slug}))
        status = 400
    assets = MediaAsset.objects.filter(municipality=municipality).prefetch_related("consents")
    return render(
        request,
        "publishing/pictures.html",
        {
            "municipality": municipality,
            "form": form,
            "assets": assets[:100],
            "max_mb": services.MAX_PICTURE_BYTES // 1024 // 1024,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@publisher_required
def consents(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    may_register = rules.may_register_consents(request.membership)  # type: ignore[attr-defined]
    form = ConsentForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not may_register:
            raise PermissionDenied
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "form"}
            scanned = form.cleaned_data.get("form")
            try:
                if scanned is not None:
                    if scanned.size > FORM_MAX_BYTES or scanned.content_type not in FORM_TYPES:
                        raise services.Refused(
                            _("The scanned form must be a PDF, JPEG or PNG file of at most 10 MB.")
                        )
                    fields["form"] = scanned
                services.register_consent(municipality, request.user, **fields)
            except services.Refused as exc:
                form.add_error(None, exc.messages[0])
            else:
                messages.success(request, _("The consent is registered."))
                return redirect(reverse("publishing:consents", kwargs={"municipality": municipality.slug}))
        status = 400
    rows = Consent.objects.filter(municipality=municipality).select_related("withdrawn_by")
    return render(
        request,
        "publishing/consents.html",
        {
            "municipality": municipality,
            "form": form,
            "consents": rows,
            "may_register": may_register,
            "today": timezone.localdate(),
        },
        status=status,
    )


@require_POST
@publisher_required
def withdraw_consent(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    if not rules.may_register_consents(request.membership):  # type: ignore[attr-defined]
        raise PermissionDenied
    try:
        consent = services.withdraw_consent(
            municipality, request.POST.get("consent", ""), request.user, request.POST.get("note", "")[:2000]
        )
    except services.Refused as exc:
        for message in exc.messages:
            messages.error(request, message)
    except ValueError:
        messages.error(request, _("There is no such consent in the register."))
    else:
        affected = len({x.target.pk for x in services.lapsed(municipality) if x.consent.pk == consent.pk})
        messages.success(
            request,
            _(
                "The consent is withdrawn. Posts using it that are out: %(count)s; their authors "
                "see them on the publishing page."
            )
            % {"count": affected},
        )
    return redirect(reverse("publishing:consents", kwargs={"municipality": municipality.slug}))


@login_not_required
@require_GET
def public_media(request: HttpRequest, municipality: str, token: str) -> HttpResponse:
    """A picture of a post behind a signed link that expires (Instagram fetches it from here)."""
    asset_id = services.asset_of_token(token)
    asset = (
        MediaAsset.objects.filter(pk=asset_id, municipality__slug=municipality).first() if asset_id else None
    )
    if asset is None:
        raise Http404
    return FileResponse(asset.file.open("rb"), content_type=asset.content_type)


@require_GET
@publisher_required
def picture_file(request: HttpRequest, municipality: Municipality, asset_id: int) -> HttpResponse:
    asset = get_or_404(MediaAsset.objects.all(), request, pk=asset_id)
    return FileResponse(asset.file.open("rb"), content_type=asset.content_type)


@require_GET
@publisher_required
def consent_form(request: HttpRequest, municipality: Municipality, consent_id: int) -> HttpResponse:
    consent = get_or_404(Consent.objects.exclude(form=""), request, pk=consent_id)
    return FileResponse(
        consent.form.open("rb"), as_attachment=True, filename=consent.form.name.rsplit("/", 1)[-1]
    )


@require_http_methods(["GET", "POST"])
@publisher_required
def picture(request: HttpRequest, municipality: Municipality, asset_id: int) -> HttpResponse:
    """A stored picture: what it shows, the consents of those shown, the photographer."""
    asset = get_or_404(MediaAsset.objects.prefetch_related("consents"), request, pk=asset_id)
    initial = {
        field: getattr(asset, field)
        for field in (
            "alt_text",
            "shows_people",
            "group",
            "shows_colleagues",
            "shows_pupils",
            "shows_patients",
            "photographer",
            "photographer_permission",
        )
    }
    initial["consents"] = list(asset.consents.all())
    form = AssetDetailsForm(request.POST or None, initial=initial, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "consents"}
        try:
            services.update_asset(asset, request.user, list(form.cleaned_data["consents"]), **data)
        except services.Refused as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, _("The picture's details are saved."))
            return redirect(
                reverse(
                    "publishing:picture", kwargs={"municipality": municipality.slug, "asset_id": asset.pk}
                )
            )
    return render(
        request,
        "publishing/picture.html",
        {
            "municipality": municipality,
            "asset": asset,
            "form": form,
            "posts": asset.posts.all()[:50],
            "lapsed": [c for c in asset.consents.all() if c.lapsed],
        },
        status=400 if request.method == "POST" else 200,
    )
