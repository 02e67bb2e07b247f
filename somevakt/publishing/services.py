"""Everything that changes a post, a picture or a consent goes through here (the web pages, the
worker and the demo alike), and each change leaves a PostEvent.

A post goes out once per account (`PostTarget`): the worker claims a waiting target with one
conditional update, calls the platform through the port, and records the platform's id and
permalink or the failure. A retry asks again only for the failed targets, with what the platform
already made kept in `progress`, so nothing is published twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_tasks import task

from somevakt.crisis.gate import rules_of as rules_of_crisis
from somevakt.inbox.deadlines import calendar_for, pack_of
from somevakt.inbox.notify import excerpt, send_after_commit
from somevakt.inbox.ports import MAYBE_SENT, OutgoingMedia, OutgoingPost, PlatformError
from somevakt.inbox.ports import posts as posts_gateway
from somevakt.publishing import check as checking
from somevakt.publishing import journal
from somevakt.publishing.labels import failure_label
from somevakt.publishing.media import MAX_BYTES as MAX_PICTURE_BYTES
from somevakt.publishing.media import BadPicture, clean
from somevakt.publishing.models import (
    Consent,
    MediaAsset,
    Post,
    PostEvent,
    PostEventType,
    PostState,
    PostTarget,
    TargetState,
    Use,
)
from somevakt.publishing.rules import needs_second_approval
from somevakt.registry.models import Account
from somevakt.tenants.models import Membership

# How long Instagram has to fetch a picture from its signed link.
MEDIA_LINK_SECONDS = 60 * 60
MEDIA_SALT = "somevakt.publishing.media"


class Refused(Exception):
    """The change cannot be made; the messages are for the person, in their language."""

    def __init__(self, *messages: str) -> None:
        super().__init__(" ".join(messages))
        self.messages = list(messages)


def event(
    post: Post,
    type_: str,
    actor: Any = None,
    *,
    reason: str = "",
    clauses: Iterable[str] = (),
    **payload: Any,
) -> PostEvent:
    return PostEvent.objects.create(
        post=post,
        type=type_,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label="" if getattr(actor, "pk", None) else str(actor or "system"),
        reason=reason,
        clauses=list(clauses),
        payload=payload,
    )


# --- drafts ---------------------------------------------------------------------------------


@dataclass
class DraftInput:
    text: str
    accounts: list[Account]
    media: list[MediaAsset]
    link: str = ""
    no_link_reason: str = ""
    office_hours_only: bool = False


def draft_of(post: Post) -> checking.Draft:
    return checking.Draft(
        text=post.text,
        link=post.link,
        no_link_reason=post.no_link_reason,
        accounts=[t.account for t in post.targets.select_related("account")],
        media=list(post.media.all()),
    )


@transaction.atomic
def save_draft(municipality: Any, user: Any, data: DraftInput, post: Post | None = None) -> Post:
    """A new draft, or the draft changed (only while it has not gone out)."""
    if post is not None and post.state not in (PostState.DRAFT, PostState.APPROVED):
        raise Refused(
            _("Only a draft can be changed; this post is %(state)s.")
            % {"state": post.get_state_display().lower()}
        )
    new = post is None
    post = post or Post(municipality=municipality, created_by=user)
    changed = not new and (post.text, post.link, post.no_link_reason) != (
        data.text,
        data.link,
        data.no_link_reason,
    )
    post.text, post.link, post.no_link_reason = data.text, data.link.strip(), data.no_link_reason.strip()
    post.office_hours_only = data.office_hours_only
    if changed and post.state == PostState.APPROVED:
        # An approval is of the text that was approved.
        post.state, post.approved_by, post.approved_at = PostState.DRAFT, None, None
    post.save()
    post.media.set(data.media)
    wanted = {a.pk for a in data.accounts}
    post.targets.exclude(account_id__in=wanted).delete()
    have = set(post.targets.values_list("account_id", flat=True))
    PostTarget.objects.bulk_create(
        [PostTarget(post=post, account=a) for a in data.accounts if a.pk not in have]
    )
    event(post, PostEventType.DRAFTED if new else PostEventType.EDITED, user)
    return post


def run_check(post: Post, user: Any) -> checking.PostCheck:
    return checking.check(draft_of(post), user, post.municipality)


def _refuse_if_blocked(post: Post, user: Any) -> checking.PostCheck:
    found = run_check(post, user)
    event(
        post,
        PostEventType.CHECKED,
        user,
        clauses=found.decision.clauses if found.decision else (),
        verdict=found.verdict,
        codes=found.decision.codes if found.decision else [],
    )
    if found.blocked:
        reasons = [*found.problems, *(str(h.reason) for h in found.holds)]
        if found.decision is not None and found.decision.action == "block":
            reasons += list(found.decision.reasons_in(get_language()))
        raise Refused(*(reasons or [_("The check does not allow this post.")]))
    return found


@transaction.atomic
def approve(post: Post, user: Any) -> None:
    """A second person approves the post (where the pack or the municipality asks for it)."""
    if post.state != PostState.DRAFT:
        raise Refused(_("Only a draft can be approved."))
    if post.created_by_id == user.pk:
        raise Refused(_("Someone other than the author approves the post."))
    found = _refuse_if_blocked(post, user)
    post.state, post.approved_by, post.approved_at = PostState.APPROVED, user, timezone.now()
    post.save(update_fields=["state", "approved_by", "approved_at"])
    event(post, PostEventType.APPROVED, user, clauses=found.decision.clauses if found.decision else ())


@transaction.atomic
def schedule(post: Post, user: Any, when: dt.datetime | None = None) -> None:
    """Publish at `when` (now when None): checked first, approved first where that is asked for."""
    now = timezone.now()
    if post.state not in (PostState.DRAFT, PostState.APPROVED):
        raise Refused(_("This post is %(state)s already.") % {"state": post.get_state_display().lower()})
    if when is not None and when < now - dt.timedelta(minutes=1):
        raise Refused(_("The time to publish is in the past; choose a time from now on."))
    if needs_second_approval(post.municipality) and post.state != PostState.APPROVED:
        raise Refused(_("A second person must approve this post before it is published."))
    _refuse_if_blocked(post, user)
    post.state, post.publish_at, post.scheduled_by = PostState.SCHEDULED, when or now, user
    post.save(update_fields=["state", "publish_at", "scheduled_by"])
    event(post, PostEventType.SCHEDULED, user, at_time=post.publish_at.isoformat())
    if when is None or when <= now:
        post_id = post.pk
        transaction.on_commit(lambda: publish_post.enqueue(post_id))


@transaction.atomic
def withdraw(post: Post, user: Any, reason: str = "") -> None:
    """Stop a post that has not gone out; one that is out is removed account by account (`remove`)."""
    if post.state in (PostState.PUBLISHED, PostState.WITHDRAWN):
        raise Refused(
            _("This post is %(state)s; remove it from each account instead.")
            % {"state": post.get_state_display().lower()}
        )
    if post.targets.filter(state=TargetState.SENDING).exists():
        raise Refused(_("The post is being sent right now; try again in a moment."))
    post.state = PostState.WITHDRAWN
    post.save(update_fields=["state"])
    event(post, PostEventType.WITHDRAWN, user, reason=reason)


# --- going out ------------------------------------------------------------------------------


def media_url(asset: MediaAsset) -> str:
    """A public link to the picture that expires (Instagram fetches pictures from a link)."""
    token = signing.TimestampSigner(salt=MEDIA_SALT).sign(str(asset.pk))
    path = reverse(
        "publishing:public_media", kwargs={"municipality": asset.municipality.slug, "token": token}
    )
    return settings.SOMEVAKT_BASE_URL.rstrip("/") + path


def asset_of_token(token: str) -> int | None:
    try:
        return int(signing.TimestampSigner(salt=MEDIA_SALT).unsign(token, max_age=MEDIA_LINK_SECONDS))
    except (signing.BadSignature, ValueError):
        return None


def outgoing(post: Post, target: PostTarget) -> OutgoingPost:
    return OutgoingPost(
        text=post.text,
        link=post.link,
        media=tuple(
            OutgoingMedia(
                path=a.file.path, url=media_url(a), alt_text=a.alt_text, content_type=a.content_type
            )
            for a in post.media.order_by("pk")
        ),
        idempotency_key=str(target.idempotency_key),
    )


def due_posts(now: dt.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        Post.objects.filter(state=PostState.SCHEDULED, publish_at__lte=now).values_list("pk", flat=True)[:100]
    )


def publish(post_id: int) -> str:
    """Publish a scheduled post that is due on every account still waiting; returns its state."""
    post = Post.objects.select_related("municipality", "scheduled_by").get(pk=post_id)
    if post.state != PostState.SCHEDULED:
        return post.state
    now = timezone.now()
    if post.publish_at and post.publish_at > now:
        return post.state
    if post.office_hours_only:
        calendar = calendar_for(post.municipality)
        if not calendar.is_open(now):
            opening = calendar.next_opening(now)
            Post.objects.filter(pk=post.pk).update(publish_at=opening)
            return post.state
    found = run_check(post, post.scheduled_by)
    if found.blocked:
        # Something changed since it was scheduled (a crisis, a withdrawn consent, a closed account).
        reasons = [*found.problems, *(str(h.reason) for h in found.holds)]
        with transaction.atomic():
            Post.objects.filter(pk=post.pk).update(state=PostState.FAILED)
            # Which crisis held it, so that crisis's report lists the post (not only those sent on).
            crisis = {"crisis": found.holds[0].crisis.pk} if found.holds else {}
            event(
                post,
                PostEventType.FAILED,
                None,
                reason=" ".join(reasons),
                verdict=found.verdict,
                held=True,
                **crisis,
            )
        return PostState.FAILED
    for target in post.targets.select_related("account").filter(state=TargetState.PENDING):
        send(post, target)
    return settle(post)


def send(post: Post, target: PostTarget) -> None:
    if not PostTarget.objects.filter(pk=target.pk, state=TargetState.PENDING).update(
        state=TargetState.SENDING, attempts=target.attempts + 1, attempted_at=timezone.now()
    ):
        return  # another worker has it
    gateway = posts_gateway()
    progress = dict(target.progress)
    try:
        if gateway is None:
            raise PlatformError("no platform gateway is connected", permanent=True)
        published = gateway.publish(target.account, outgoing(post, target), progress)
    except PlatformError as exc:
        PostTarget.objects.filter(pk=target.pk).update(
            state=TargetState.FAILED, failure=exc.kind, error=str(exc)[:2000], progress=progress
        )
        event(post, PostEventType.FAILED, None, account=target.account_id, failure=exc.kind)
        return
    PostTarget.objects.filter(pk=target.pk).update(
        state=TargetState.DONE,
        platform_id=published.platform_id,
        permalink=published.permalink[:500],
        progress=progress,
        failure="",
        error="",
        published_at=timezone.now(),
    )
    event(post, PostEventType.PUBLISHED, None, account=target.account_id, platform_id=published.platform_id)


def settle(post: Post) -> str:
    """The post's state from its targets': published when all are out, failed when any failed."""
    states = set(post.targets.values_list("state", flat=True))
    if states & {TargetState.PENDING, TargetState.SENDING}:
        return post.state
    state = PostState.FAILED if TargetState.FAILED in states else PostState.PUBLISHED
    Post.objects.filter(pk=post.pk, state=PostState.SCHEDULED).update(state=state)
    return state


# A send that has not finished after this long died with its worker.
SENDING_FOR = dt.timedelta(minutes=15)


def sweep_interrupted(now: dt.datetime | None = None) -> int:
    """Targets left `sending` by a worker that died: failed, for a person to try again.

    Whether the platform got the post before the worker died is unknown, so nothing is sent
    again by itself (Mastodon would recognise the repeat by its key; Facebook and Instagram
    would not): the post shows the failure and a person decides."""
    cutoff = (now or timezone.now()) - SENDING_FOR
    stuck = list(
        PostTarget.objects.filter(state=TargetState.SENDING, attempted_at__lt=cutoff).select_related("post")
    )
    for target in stuck:
        # Whether Meta made the post is unknown: a person's retry first looks for it there.
        maybe = {MAYBE_SENT: target.attempted_at.isoformat()} if target.attempted_at else {}
        if PostTarget.objects.filter(pk=target.pk, state=TargetState.SENDING).update(
            state=TargetState.FAILED,
            progress={**maybe, **(target.progress or {})},
            failure="unavailable",
            error="interrupted: the worker stopped while sending; check the platform before trying again",
        ):
            event(target.post, PostEventType.FAILED, None, account=target.account_id, failure="unavailable")
            settle(target.post)
    return len(stuck)


@task()
def publish_post(post_id: int) -> str:
    """The worker's task for one post that is due now."""
    return publish(post_id)


@transaction.atomic
def retry(post: Post, user: Any) -> int:
    """Ask again for the accounts where the post failed (never where it went out); the count."""
    post.refresh_from_db(fields=["state"])
    if post.state != PostState.FAILED:
        raise Refused(_("Only a post that failed can be tried again."))
    again = post.targets.filter(state=TargetState.FAILED).update(
        state=TargetState.PENDING, failure="", error=""
    )
    post.state, post.publish_at = PostState.SCHEDULED, timezone.now()
    post.scheduled_by = user
    post.save(update_fields=["state", "publish_at", "scheduled_by"])
    event(post, PostEventType.RETRIED, user, accounts=again)
    post_id = post.pk
    transaction.on_commit(lambda: publish_post.enqueue(post_id))
    return again


def send_to_crisis(post: Post, user: Any) -> list[Any]:
    """Send a post that crisis mode holds to crisis management (e-mail with a link to the post),
    who may publish it themselves or instruct its author. Returns the people told."""
    found = run_check(post, user)
    if not found.holds:
        raise Refused(_("Crisis mode does not hold this post."))
    roles = rules_of_crisis(post.municipality).management()
    people = [
        m.person
        for m in Membership.objects.filter(municipality=post.municipality)
        .select_related("person")
        .prefetch_related("grants")
        if m.has_role(*roles) and m.person_id != user.pk
    ]
    if not people:
        raise Refused(_("Nobody in crisis management has an account in somevakt to send it to."))
    link = settings.SOMEVAKT_BASE_URL.rstrip("/") + reverse(
        "publishing:detail", kwargs={"municipality": post.municipality.slug, "post_id": post.pk}
    )
    author = user.get_full_name() or user.get_username()

    def compose() -> tuple[str, str]:
        subject = _("A post held by crisis mode: %(author)s asks crisis management") % {"author": author}
        body = _("%(author)s wants to publish this post while crisis mode lasts:\n\n%(text)s\n\n%(link)s") % {
            "author": author,
            "text": excerpt(post.text),
            "link": link,
        }
        return subject, body

    send_after_commit(people, compose)
    event(post, PostEventType.TO_CRISIS, user, to=[p.pk for p in people])
    return people


# --- pictures and consents ------------------------------------------------------------------


@dataclass
class AssetInput:
    alt_text: str
    shows_people: bool = False
    group: str = ""
    consents: list[Consent] | None = None
    shows_colleagues: bool = False
    shows_pupils: bool = False
    shows_patients: bool = False
    photographer: str = ""
    photographer_permission: bool = False


def clean_size(size: int) -> None:
    """BadPicture for an upload over the limit, said without reading it."""
    if size > MAX_PICTURE_BYTES:
        raise BadPicture(
            _("The picture is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": number_format(size / 1024 / 1024, 1), "limit": MAX_PICTURE_BYTES // 1024 // 1024}
        )


def add_asset(municipality: Any, user: Any, upload: bytes | None, name: str, data: AssetInput) -> MediaAsset:
    """Store the picture without its metadata; BadPicture (a Refused reason) when it is not one."""
    if not data.alt_text.strip():
        raise Refused(_("Describe the picture for those who cannot see it (alternative text)."))
    picture = clean(upload, name)
    asset = MediaAsset(
        municipality=municipality,
        content_type=picture.content_type,
        width=picture.width,
        height=picture.height,
        original_name=name[:200],
        gps_removed=picture.gps_removed,
        uploaded_by=user,
        **{k: v for k, v in vars(data).items() if k != "consents"},
    )
    asset.file.save(picture.content.name, picture.content, save=False)
    asset.save()
    asset.consents.set(data.consents or [])
    return asset


@transaction.atomic
def update_asset(asset: MediaAsset, user: Any, consents: list[Consent], **fields: Any) -> None:
    """Change what a stored picture records (not the file). Consents already withdrawn stay linked,
    so the posts that used them are still found; new ones must be of the municipality."""
    if not str(fields.get("alt_text", "")).strip():
        raise Refused(_("Describe the picture for those who cannot see it (alternative text)."))
    if any(c.municipality_id != asset.municipality_id for c in consents):
        raise Refused(_("There is no such consent in the register."))
    for name, value in fields.items():
        setattr(asset, name, value)
    asset.save()
    kept = [c for c in asset.consents.all() if c.withdrawn_at is not None]
    asset.consents.set({*consents, *kept})


def register_consent(municipality: Any, user: Any, **fields: Any) -> Consent:
    uses = [u for u in fields.pop("uses", []) if u in Use.values]
    if not uses:
        raise Refused(_("Tick at least one use the consent covers (social media, website, print)."))
    valid_from, valid_until = fields.get("valid_from"), fields.get("valid_until")
    if valid_from and valid_until and valid_until < valid_from:
        raise Refused(_("The consent ends before it begins."))
    return Consent.objects.create(municipality=municipality, registered_by=user, uses=uses, **fields)


@transaction.atomic
def withdraw_consent(municipality: Any, consent_id: Any, user: Any, note: str = "") -> Consent:
    consent = Consent.objects.select_for_update().filter(municipality=municipality, pk=consent_id).first()
    if consent is None:
        raise Refused(_("There is no such consent in the register."))
    if consent.withdrawn_at is not None:
        raise Refused(_("The consent was withdrawn already."))
    consent.withdrawn_at, consent.withdrawn_by, consent.withdrawal_note = timezone.now(), user, note
    consent.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note"])
    return consent


@dataclass(frozen=True)
class Lapsed:
    """A post out on an account with a picture whose consent no longer holds."""

    target: PostTarget
    asset: MediaAsset
    consent: Consent


def lapsed(municipality: Any, owner: Any = None) -> list[Lapsed]:
    """Every published post using a consent that was withdrawn or has expired, still on the
    platform and not kept with a reason; only `owner`'s posts when given."""
    today = timezone.localdate()
    gone = Consent.objects.filter(municipality=municipality).filter(
        Q(withdrawn_at__isnull=False) | Q(valid_until__lt=today)
    )
    targets = PostTarget.objects.filter(
        post__municipality=municipality,
        state=TargetState.DONE,
        kept_reason="",
        post__media__consents__in=gone,
    ).distinct()
    if owner is not None:
        targets = targets.filter(post__created_by=owner)
    found = []
    for target in targets.select_related("post", "account"):
        for asset in target.post.media.all():
            for consent in asset.consents.all():
                if consent.lapsed:
                    found.append(Lapsed(target, asset, consent))
    return found


def remove(target: PostTarget, user: Any, reason: str = "") -> None:
    """Take the post off the platform (a consent behind it lapsed, or it must go).

    A failure is recorded in the post's history before the refusal is raised, outside any
    transaction the refusal undoes (found walking the demo: the failed removal left no trace)."""
    if target.state != TargetState.DONE:
        raise Refused(_("The post is not on the platform."))
    gateway = posts_gateway()
    try:
        if gateway is None:
            raise PlatformError("no platform gateway is connected", permanent=True)
        gateway.remove(target.account, target.platform_id)
    except PlatformError as exc:
        event(
            target.post,
            PostEventType.FAILED,
            user,
            reason=reason,
            account=target.account_id,
            failure=exc.kind,
            removing=True,
        )
        raise Refused(failure_text(exc.kind, target.account.get_platform_display())) from None
    with transaction.atomic():
        PostTarget.objects.filter(pk=target.pk).update(state=TargetState.REMOVED, removed_at=timezone.now())
        removed = event(target.post, PostEventType.REMOVED, user, reason=reason, account=target.account_id)
        journal.hand_in(target, removed)
        if not target.post.targets.filter(state=TargetState.DONE).exists():
            Post.objects.filter(pk=target.post_id).update(state=PostState.WITHDRAWN)


@transaction.atomic
def keep(target: PostTarget, user: Any, reason: str) -> None:
    """Record why the post stays although a consent behind it lapsed."""
    if not reason.strip():
        raise Refused(_("Say why the post stays on the platform."))
    PostTarget.objects.filter(pk=target.pk).update(kept_reason=reason.strip(), kept_by=user)
    kept = event(target.post, PostEventType.KEPT, user, reason=reason.strip(), account=target.account_id)
    journal.hand_in(target, kept)


def failure_text(kind: str, platform: str) -> str:
    return failure_label(kind, platform)


def consent_covers_today(asset: MediaAsset) -> bool:
    return asset.consent_covers(Use.SOCIAL_MEDIA)


def pack_website(municipality: Any) -> str:
    return pack_of(municipality).municipality.website
