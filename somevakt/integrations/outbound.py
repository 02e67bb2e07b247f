"""Replies, hiding, unhiding and deleting on the platform, carried out by the worker with retries.

The inbox asks inside the transaction that records its event:

    outbound.request(item.account, "hide", item.platform_id, item_id=item.pk)

and the call runs once that transaction has committed. A transient failure (timeout, 5xx,
rate limit) is retried with growing pauses; a permanent one (revoked token, comment gone) or
running out of attempts leaves the call `failed` and raises an alert for communications staff.
What the platform does not allow is never sent: the call is recorded as `local` (done in
somevakt's own view only). This module is the inbox's outbound gateway (`inbox.ports.Outbound`),
connected in `IntegrationsConfig.ready()`.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django_tasks import task

from somevakt.inbox.models import Item, ItemKind
from somevakt.inbox.ports import (
    ACCOUNT_OPERATIONS,
    COMMENTS_OFF,
    COMMENTS_ON,
    MAYBE_SENT,
    NOTICE,
    OPERATIONS,
    CallState,
    Capabilities,
    OutgoingPost,
    PlatformError,
)
from somevakt.integrations.conf import setting
from somevakt.integrations.credentials import CredentialsUnreadable, adapter_of
from somevakt.integrations.models import OutboundCall, OutboundStatus
from somevakt.integrations.registry import adapter_class
from somevakt.registry.models import Account, AccountAlert, AlertKind

log = logging.getLogger(__name__)

FIRST_PAUSE = timedelta(seconds=30)
NO_CREDENTIALS = (
    "the account has no credentials, so nothing can be sent to the platform; "
    "an administrator sets them with `somevakt account set-credentials`"
)


def request(
    account: Account,
    op: str,
    platform_id: str,
    *,
    text: str = "",
    item_id: int | None = None,
    kind: str = "comment",
) -> OutboundCall:
    """Record the call and queue it to run after the current transaction commits."""
    if op not in OPERATIONS + ACCOUNT_OPERATIONS:
        known = ", ".join(OPERATIONS + ACCOUNT_OPERATIONS)
        raise ValueError(f"unknown platform operation {op!r} (known: {known})")
    if op == "reply" and not text.strip():
        raise ValueError("a reply needs a text")
    allowed = capabilities(account.platform, kind).allows(op)
    call = OutboundCall.objects.create(
        attempted_at=timezone.now(),
        account=account,
        item_id=item_id,
        platform_id=platform_id,
        op=op,
        text=text,
        status=OutboundStatus.PENDING if allowed else OutboundStatus.LOCAL,
        finished_at=None if allowed else timezone.now(),
        error="" if allowed else f"{account.get_platform_display()} does not allow {op} here",
    )
    if allowed:
        call_id = call.pk
        transaction.on_commit(lambda: enqueue(call_id))
    return call


def capabilities(platform: str, kind: str = "comment") -> Capabilities:
    return adapter_class(platform).capabilities_for(kind)


def enqueue(call_id: int, after: timedelta | None = None) -> None:
    queued = perform_outbound.using(run_after=timezone.now() + after) if after else perform_outbound
    queued.enqueue(call_id)


def perform(call_id: int) -> str:
    """Carry out one call; returns its status afterwards. A call no longer pending is left alone."""
    if not OutboundCall.objects.filter(pk=call_id, status=OutboundStatus.PENDING).update(
        attempts=F("attempts") + 1, attempted_at=timezone.now()
    ):
        return OutboundCall.objects.filter(pk=call_id).values_list("status", flat=True).first() or "missing"
    call = OutboundCall.objects.select_related("account").get(pk=call_id)
    if not call.account.has_credentials:
        # Nothing can reach the platform without them; trying again would only delay the alert.
        return failed(call, NO_CREDENTIALS, permanent=True, failure="no_credentials")
    # What the platform has done so far, kept across attempts, whatever this one comes to.
    progress = call.progress = dict(call.progress or {})
    try:
        adapter = adapter_of(call.account)
        conversation = conversation_of(call) if call.op == "reply" else ""
        mention_edge = capabilities(call.account.platform, ItemKind.MENTION).mention_edge
        mention = mention_of(call) if call.op == "reply" and mention_edge else None
        if call.op == NOTICE:
            # The same key for every attempt: Mastodon makes the status once however often asked;
            # on Facebook the progress says whether an earlier attempt may have posted it.
            notice = OutgoingPost(text=call.text, idempotency_key=f"somevakt-notice-{call.pk}")
            result = adapter.publish(notice, progress).platform_id
        elif call.op == COMMENTS_OFF:
            adapter.turn_comments_off(progress)
            result = str(len(progress.get("off", [])))
        elif call.op == COMMENTS_ON:
            adapter.turn_comments_on(turned_off_by(call), progress)
            result = str(len(progress.get("on", [])))
        elif mention is not None:
            # A mention in someone else's media is answered through the mentions edge.
            result = adapter.reply_to_mention(*mention, call.text)
        elif conversation:
            # A direct message is answered in its conversation, not under it as a comment.
            result = adapter.send_message(conversation, call.text)
        else:
            operation = getattr(adapter, call.op)
            result = (
                operation(call.platform_id, call.text) if call.op == "reply" else operation(call.platform_id)
            )
    except PlatformError as exc:
        return failed(call, str(exc), permanent=exc.permanent, failure=exc.kind)
    except CredentialsUnreadable as exc:
        return failed(call, str(exc), permanent=True, failure="no_credentials")
    except NotImplementedError as exc:
        return failed(call, str(exc), permanent=True, failure="other")
    call.status = OutboundStatus.DONE
    call.result_id = str(result or "")
    call.error = ""
    call.failure = ""
    call.finished_at = timezone.now()
    call.save(update_fields=["status", "result_id", "error", "failure", "finished_at", "progress"])
    resolve_alerts(call.account)
    if call.op == COMMENTS_OFF:
        undo_if_closure_ended(call)
    return call.status


def undo_if_closure_ended(off: OutboundCall) -> None:
    """A `comments_off` call that was still running when its closure ended: the `comments_on`
    call read its list before it was complete, so one more turns on what was added since."""
    ons = OutboundCall.objects.filter(account=off.account, op=COMMENTS_ON, platform_id=str(off.pk))
    if ons.exists() and not ons.filter(status=OutboundStatus.PENDING).exists():
        request(off.account, COMMENTS_ON, str(off.pk), kind="account")


def turned_off_by(call: OutboundCall) -> list[str]:
    """The posts whose comments the `comments_off` call this one undoes turned off (its id is
    this call's platform id). That call, if still waiting to be retried, is not wanted any more:
    it is stopped first, so nothing is turned off after the closure ended."""
    off_id = int(call.platform_id) if call.platform_id.isdigit() else 0
    OutboundCall.objects.filter(
        pk=off_id, account=call.account, op=COMMENTS_OFF, status=OutboundStatus.PENDING
    ).update(
        status=OutboundStatus.LOCAL,
        finished_at=timezone.now(),
        error="no longer needed: the closure ended before the platform had done it",
    )
    off = OutboundCall.objects.filter(pk=off_id, account=call.account, op=COMMENTS_OFF).first()
    return list((off.progress or {}).get("off", [])) if off is not None else []


def mention_of(call: OutboundCall) -> tuple[str, str] | None:
    """(media id, comment id or "") when the call answers a mention, else None (asked where the
    platform answers mentions through its mentions edge: `Capabilities.mention_edge`)."""
    if call.item_id is None:
        return None
    found = (
        Item.objects.filter(pk=call.item_id, kind=ItemKind.MENTION)
        .values_list("post_id", "platform_id")
        .first()
    )
    if found is None:
        return None
    media_id, platform_id = found
    return media_id, "" if platform_id == media_id else platform_id


def conversation_of(call: OutboundCall) -> str:
    """The conversation a reply goes to when its item is a direct message, else ""."""
    if call.item_id is None:
        return ""
    found = (
        Item.objects.filter(pk=call.item_id, kind=ItemKind.MESSAGE).values_list("post_id", flat=True).first()
    )
    return found or ""


@task()
def perform_outbound(call_id: int) -> str:
    """The worker's task for one call; its retries queue it again (see `failed`)."""
    return perform(call_id)


def failed(call: OutboundCall, error: str, *, permanent: bool, failure: str = "other") -> str:
    limit = int(setting("OUTBOUND_MAX_ATTEMPTS"))
    if not permanent and call.attempts < limit:
        pause = FIRST_PAUSE * (2 ** (call.attempts - 1))
        call.error = error[:2000]
        call.attempted_at = timezone.now() + pause
        call.save(update_fields=["error", "attempted_at", "progress"])
        log.info("outbound %s: %s; trying again in %s", call.pk, error, pause)
        enqueue(call.pk, after=pause)
        return call.status
    call.status = OutboundStatus.FAILED
    call.permanent = permanent
    call.failure = failure
    call.error = error[:2000]
    call.finished_at = timezone.now()
    call.save(update_fields=["status", "permanent", "failure", "error", "finished_at", "progress"])
    log.warning("outbound %s failed for good: %s", call.pk, error)
    if call.op == COMMENTS_OFF:
        undo_if_closure_ended(call)
    # The message is the raw record for administrators; the accounts page words the alert
    # from its kind and account in the reader's language.
    AccountAlert.objects.create(
        municipality_id=call.account.municipality_id,
        account=call.account,
        kind=AlertKind.OUTBOUND_FAILED,
        message=f"{call.op} on {call.account} failed ({failure}): {error}"[:2000],
    )
    return call.status


def resolve_alerts(account: Account) -> None:
    """Once none of the account's calls is failed any more, its failed-call alerts are resolved."""
    if not OutboundCall.objects.filter(account=account, status=OutboundStatus.FAILED).exists():
        AccountAlert.objects.filter(
            account=account, kind=AlertKind.OUTBOUND_FAILED, resolved_at__isnull=True
        ).update(resolved_at=timezone.now())


# --- what the inbox reads and asks again ----------------------------------------------------


def state_of(call: OutboundCall) -> CallState:
    return CallState(
        call_id=call.pk,
        item_id=call.item_id,
        op=call.op,
        state=call.status,
        at=call.finished_at,
        failure=call.failure if call.status == OutboundStatus.FAILED else "",
        error=call.error if call.status == OutboundStatus.FAILED else "",
        attempts=call.attempts,
        # A comment that is gone stays gone; anything else may work once set right.
        retryable=call.status == OutboundStatus.FAILED and call.failure != "gone",
    )


def states(item_ids: list[int]) -> dict[int, CallState]:
    """The state of every call made for these items, by call id."""
    return {call.pk: state_of(call) for call in OutboundCall.objects.filter(item_id__in=list(item_ids))}


def retry(call_id: int, item_id: int) -> CallState | None:
    """Ask again for a failed call of the item (after the caller's commit); see `inbox.ports.Outbound`.

    Only a failed call turns pending again, in one conditional update: a call done meanwhile,
    or one already asked again by someone else, is left alone, so nothing is sent twice.
    """
    with transaction.atomic():
        if (
            OutboundCall.objects.filter(pk=call_id, item_id=item_id, status=OutboundStatus.FAILED)
            .exclude(failure="gone")
            .update(
                status=OutboundStatus.PENDING,
                attempts=0,
                permanent=False,
                failure="",
                error="",
                finished_at=None,
                attempted_at=timezone.now(),
            )
        ):
            transaction.on_commit(lambda: enqueue(call_id))
        call = OutboundCall.objects.filter(pk=call_id, item_id=item_id).first()
    return state_of(call) if call is not None else None


# Hiding and showing again undo each other: a failed one no longer matters once the other is asked.
OPPOSITES = {"hide": "unhide", "unhide": "hide"}


def unreached(ops: tuple[str, ...] = OPERATIONS) -> QuerySet[OutboundCall]:
    """The ids of items with a failed call of `ops` that still matters, as a query (for `item_id__in=`).

    A failed hide or unhide made moot by a later hide or unhide of the same item does not
    count, nor does a hide or delete of a comment that is gone from the platform anyway.
    """
    later_toggle = OutboundCall.objects.filter(
        item_id=OuterRef("item_id"), op__in=tuple(OPPOSITES), pk__gt=OuterRef("pk")
    )
    return (
        OutboundCall.objects.filter(status=OutboundStatus.FAILED, item_id__isnull=False, op__in=ops)
        .exclude(op__in=("hide", "delete"), failure="gone")
        .exclude(Q(op__in=tuple(OPPOSITES)) & Exists(later_toggle))
        .values("item_id")
    )


def sweep_stuck(older_than: timedelta = timedelta(minutes=15)) -> int:
    """Queue again the pending calls whose task was lost (a worker died while running it).

    A call that died after the platform acted but before it was recorded is sent again: for
    hide, unhide and delete that changes nothing; a reply may then appear twice, which is the
    lesser harm than a reply never sent.
    """
    cutoff = timezone.now() - older_than
    stuck = list(
        OutboundCall.objects.filter(status=OutboundStatus.PENDING, attempted_at__lt=cutoff).values_list(
            "pk", flat=True
        )[:200]
    )
    for call_id in stuck:
        OutboundCall.objects.filter(pk=call_id).update(attempted_at=timezone.now())
        maybe_sent(call_id)
        enqueue(call_id)
    return len(stuck)


def maybe_sent(call_id: int) -> None:
    """A notice whose worker died may have been posted before it could note so: the next attempt
    looks on the platform first (meta_once), as after a lost answer."""
    call = OutboundCall.objects.filter(pk=call_id, op=NOTICE).first()
    if call is None or (call.progress or {}).get(MAYBE_SENT) or (call.progress or {}).get("post_id"):
        return
    since = call.created_at
    OutboundCall.objects.filter(pk=call_id).update(
        progress={**(call.progress or {}), MAYBE_SENT: since.isoformat()}
    )


def account_panel(account: Account) -> dict[str, object]:
    """What the account's page shows of its platform calls: the failed ones and those being retried."""
    troubled = Q(status=OutboundStatus.FAILED) | Q(status=OutboundStatus.PENDING, attempts__gt=1)
    calls = OutboundCall.objects.filter(troubled, account=account).select_related("account__municipality")
    notices = OutboundCall.objects.filter(account=account, op=NOTICE).order_by("-created_at")[:5]
    switches = OutboundCall.objects.filter(account=account, op__in=(COMMENTS_OFF, COMMENTS_ON)).order_by(
        "-created_at"
    )[:6]
    return {
        "failed_calls": [c for c in calls[:20] if c.op not in ACCOUNT_OPERATIONS],
        "notices": list(notices),
        "switches": list(switches),
    }
