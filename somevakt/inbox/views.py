"""The inbox pages: the queue, the item page with its actions, the reply check, the leaders' figures.

Function-based views behind `inbox_required` (employees and politicians get 403,
outsiders 404). Every action is a POST that records one ItemEvent and redirects back
to the item (post/redirect/get); a refusal comes back as a message on the item page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from somevakt.crisis import gate as crisis_gate
from somevakt.inbox import access, escalation, listing, messaging, outbound, services, stats
from somevakt.inbox.access import LEADER_ROLES, display_name, handlers, inbox_required, leader_required
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.highlight import highlight, what_was_found, without_national_ids
from somevakt.inbox.ingest import text_hash
from somevakt.inbox.labels import (
    CHECK_LABELS,
    EVENT_LABELS,
    FAILURE_LABELS,
    OPERATION_LABELS,
    STATE_LABELS,
    action_label,
    joined,
)
from somevakt.inbox.models import Item, ItemEvent, ItemKind
from somevakt.inbox.ports import OPERATIONS
from somevakt.policy.engine import MAX_TEXT_CHARS
from somevakt.policy.labels import code_label
from somevakt.policy.localized import stored_reasons
from somevakt.registry.models import Platform
from somevakt.tenants.models import Municipality
from somevakt.tenants.scoping import get_or_404

EXCERPT_CHARS = 160
# A thread shows 300 characters of each text; masking looks a little further, as a number is
# recognised by its neighbours.
THREAD_CHARS = 400


def _int(value: Any, default: int | None = None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@require_GET
@inbox_required
def queue_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    key = request.GET.get("filter", listing.DEFAULT_FILTER)
    if key not in listing.FILTER_KEYS:
        key = listing.DEFAULT_FILTER
    now = timezone.now()
    scope = access.visible(request.membership)  # type: ignore[attr-defined]
    counts = listing.counts(municipality, request.user, now, scope)
    rows = listing.rows(municipality, key, request.user, now, scope)
    shown = listing.page(rows, _int(request.GET.get("side"), 1) or 1)
    if not shown.rows and shown.number > 1:  # past the end (an old link): back to the start
        shown = listing.page(rows, 1)
    item_url = reverse("inbox:index", kwargs={"municipality": municipality.slug})
    platforms = dict(Platform.choices)
    unreached = listing.unreached_among([row["item_id"] for row in shown.rows])
    entries = []
    for row in shown.rows:
        due = row["due"]
        excerpt = row["excerpt"] or ""
        assignee = " ".join(filter(None, (row["assignee__first_name"], row["assignee__last_name"])))
        entries.append(
            {
                "url": f"{item_url}{row['item_id']}/?filter={key}",
                "author": row["item__author_name"],
                "excerpt": excerpt[:EXCERPT_CHARS] + ("…" if len(excerpt) > EXCERPT_CHARS else ""),
                "due": due,
                "due_text": formats.date_format(timezone.localtime(due), "j. N H:i") if due else "",
                "overdue": row["open_work"] and due is not None and due < now,
                "action": action_label(row["action"]),
                "state": STATE_LABELS.get(row["state"], row["state"]),
                "hidden": row["hidden"],
                "unreached": row["item_id"] in unreached,
                "assignee": assignee or row["assignee__username"] or "",
                "account": f"{row['account__name']} ({platforms.get(row['account__platform'], '')})",
            }
        )
    return render(
        request,
        "inbox/queue.html",
        {
            "municipality": municipality,
            "filters": [
                {
                    "key": f.key,
                    "label": f.label,
                    "count": counts[f.key],
                    "capped": counts[f.key] >= listing.COUNT_CAP,
                    "current": f.key == key,
                }
                for f in listing.FILTERS
            ],
            "current_filter": key,
            "entries": entries,
            "page": shown,
            "total": counts[key],
            "total_capped": counts[key] >= listing.COUNT_CAP,
            "can_see_stats": services_has_leader_role(request),
            "unreached": counts["unreached"],
            "crisis_only": access.sees_only_in_crisis(request.membership),  # type: ignore[attr-defined]
        },
    )


def services_has_leader_role(request: HttpRequest) -> bool:
    return request.membership.has_role(*LEADER_ROLES)  # type: ignore[attr-defined]


def _item(request: HttpRequest, item_id: int) -> Item:
    """The item, if the person sees it (`access.visible`); 404 otherwise, as for another municipality's."""
    scope = access.visible(request.membership, prefix="status__")  # type: ignore[attr-defined]
    return get_or_404(
        Item.objects.select_related(
            "account__unit", "account__responsible", "status__assignee", "status__escalated_to"
        ).filter(scope if scope is not None else Q()),
        request,
        pk=item_id,
    )


# A conversation shows its latest messages around the one opened, however long it is.
CONVERSATION_SHOWN = 50


def _thread(item: Item) -> tuple[list[Item], int]:
    """The item's thread, and how many of its earlier messages are not shown. A private
    conversation is its messages (issue 16): the latest CONVERSATION_SHOWN, and always the one
    opened; a comment's thread is its root post or comment and two levels of replies."""
    if item.kind == ItemKind.MESSAGE and item.post_id:
        conversation = Item.objects.filter(
            account_id=item.account_id, kind=ItemKind.MESSAGE, post_id=item.post_id
        )
        latest = list(
            conversation.select_related("status").order_by("-received_at", "-id")[:CONVERSATION_SHOWN]
        )
        if item.pk not in {m.pk for m in latest}:
            latest[-1:] = [item]
        earlier = conversation.count() - len(latest)
        return sorted(latest, key=lambda m: (m.received_at, m.pk)), max(earlier, 0)
    root = item
    for _step in range(20):  # a thread is never this deep; a loop in bad data must not hang us
        if root.parent_id is None:
            break
        root = root.parent
    replies = (
        Item.objects.filter(Q(pk=root.pk) | Q(parent=root) | Q(parent__parent=root))
        .select_related("status")
        .order_by("received_at", "id")[:100]
    )
    return list(replies), 0


def _decision(item: Item) -> dict[str, Any]:
    event = item.events.filter(type="triaged").order_by("-id").first()
    return (event.payload.get("decision") or {}) if event else {}


def _event_due(payload: dict[str, Any]) -> Any:
    try:
        return dt.datetime.fromisoformat(payload["due"]) if payload.get("due") else None
    except (TypeError, ValueError):
        return None


def _history(item: Item, pack: Any = None) -> list[dict[str, Any]]:
    people = {p.pk: p for p in handlers(item.municipality)}
    out = []
    for event in item.events.select_related("actor").order_by("id"):
        payload = event.payload or {}
        out.append(
            {
                "event": event,
                "label": EVENT_LABELS.get(event.type, event.type),
                "actor": display_name(event.actor) if event.actor else event.actor_label,
                "assignee": display_name(people.get(payload.get("assignee_id")))
                if event.type == "assigned"
                else "",
                "to": [display_name(people.get(pk)) or str(pk) for pk in payload.get("to_ids", [])],
                "text": payload.get("text", ""),
                "previous_text": without_national_ids(payload.get("previous_text", "")),
                # An answer sent although the check asked to revise it: its reason says why.
                "sent_anyway": bool((payload.get("check") or {}).get("sent_anyway")),
                # Only a triage carries a decision; other events show no action at all.
                "action": action_label(action)
                if (action := (payload.get("decision") or {}).get("action"))
                else "",
                "due": _event_due(payload) if event.type == "due_changed" else None,
                "reason": _event_reason(event, pack),
            }
        )
    return out


def _event_reason(event: Any, pack: Any = None) -> str:
    """The event's reason, in the reader's language where it is the guideline's: a triage's is
    the engine's first reason; a deletion's, where nobody wrote one, the ground's summary."""
    payload = event.payload or {}
    decision = payload.get("decision") if event.type == "triaged" else None
    if isinstance(decision, dict):
        reasons = stored_reasons(decision, get_language())
        return reasons[0] if reasons else event.reason
    ground = payload.get("ground") if event.type == "deleted" else None
    if isinstance(ground, dict) and pack is not None:
        for g in pack.deletion_grounds:
            if g.clause == ground.get("clause") and event.reason == g.summary.nb:
                return g.summary.text(get_language())
    return event.reason


def _is_admin(request: HttpRequest) -> bool:
    """Administrators see the platform's own error words; everyone else sees them explained."""
    return bool(getattr(request.user, "is_staff", False))


def _on_platform(request: HttpRequest, item: Item) -> dict[str, Any]:
    """The platform state of each action on the item, for the page's "On the platform" section."""
    events = list(item.events.select_related("actor").order_by("id"))
    actions = outbound.on_platform(events)
    return {
        "platform_name": item.account.get_platform_display(),
        "on_platform": [
            {
                "state": a,
                "call_id": a.call_id,
                "op_label": OPERATION_LABELS.get(a.op, a.op),
                # Which answer, where there are several.
                "text": (a.event.payload or {}).get("text", "") if a.op == "reply" else "",
                "asked_at": a.event.at,
                "actor": display_name(a.event.actor) if a.event.actor else a.event.actor_label,
                "failure": FAILURE_LABELS.get(a.failure or "other", FAILURE_LABELS["other"])
                if a.state == "failed"
                else "",
            }
            for a in actions
        ],
        "platform_pending": any(a.state == "pending" for a in actions),
        "platform_failed": any(a.state == "failed" and not a.superseded for a in actions),
        "show_errors": _is_admin(request),
    }


@require_GET
@inbox_required
def item_page(request: HttpRequest, municipality: Municipality, item_id: int) -> HttpResponse:
    return _render_item(request, municipality, _item(request, item_id))


@require_GET
@inbox_required
def platform_states(request: HttpRequest, municipality: Municipality, item_id: int) -> HttpResponse:
    """The item page's "On the platform" section alone, which htmx reloads while a call waits."""
    item = _item(request, item_id)
    context = {"municipality": municipality, "item": item, "oob": True, **_on_platform(request, item)}
    return render(request, "inbox/_on_platform.html", context)


def _render_item(
    request: HttpRequest,
    municipality: Municipality,
    item: Item,
    extra: dict[str, Any] | None = None,
    status_code: int = 200,
) -> HttpResponse:
    """The item page; `extra` fills in what a refused answer brings back (the text, the check)."""
    status = item.status
    pack = pack_of(municipality)
    decision = _decision(item)
    # The reasons in the reader's language (a decision stored before that has bokmål only).
    decision = {**decision, "reasons": stored_reasons(decision, get_language())}
    findings = decision.get("findings", []) if status.input_hash == text_hash(item.text) else []
    answers = services.saved_answers(pack, request.user)
    chosen = request.GET.get("svar", "")
    draft = next((a for a in answers if a.purpose == chosen), None)
    undoable = services.undoable(item)
    found = what_was_found(item.text, findings)
    platform = _on_platform(request, item)
    thread, thread_earlier = _thread(item)
    history = _history(item, pack)
    by_event = {a["state"].event.pk: a["state"] for a in platform["on_platform"]}
    may, refusal = access.allowed(request.membership, item)  # type: ignore[attr-defined]
    for entry in history:
        entry["platform"] = by_event.get(entry["event"].pk)
    return render(
        request,
        "inbox/item.html",
        {
            "municipality": municipality,
            "item": item,
            "status": status,
            "state_label": STATE_LABELS.get(status.state, status.state),
            "action_label": action_label(status.action),
            "also_labels": [action_label(a) for a in status.also],
            "text_html": highlight(item.text, findings),
            "found_in_text": [f for f in found if not f.whole],
            "found_whole": [f for f in found if f.whole],
            "decision": decision,
            "thread": [(t, without_national_ids(t.text[:THREAD_CHARS])) for t in thread],
            "thread_earlier": thread_earlier,
            "history": history,
            "overdue": status.open_work and status.due is not None and status.due < timezone.now(),
            "answers": answers,
            "draft_text": draft.text if draft else "",
            "draft_purpose": draft.purpose if draft else "reply",
            "max_chars": MAX_TEXT_CHARS,
            "handlers": access.assignable(item),
            "targets": escalation.escalation_targets(item, request.user),
            "default_target": escalation.default_target(item),
            "may": may,
            "reply_rule": access.reply_rule(pack),
            "speaking_refusal": _shown_refusal(refusal),
            "hide_grounds": list(services.HIDE_GROUNDS.items()),
            "suggested_ground": services.suggested_hide_ground(item),
            "deletion_grounds": list(enumerate(pack.deletion_grounds)),
            "can": {op: outbound.can(item, op) for op in OPERATIONS},
            "undoable": undoable,
            "undoable_label": EVENT_LABELS.get(undoable.type, "") if undoable else "",
            "guideline_url": _guideline_url(municipality),
            "composer_guidance": composer_guidance(pack),
            "crisis_notice": _crisis_notice(request, item),
            **_window_context(item, pack),
            **_next_context(request, municipality, item),
            **platform,
            **(extra or {}),
        },
        status=status_code,
    )


def _shown_refusal(refusal: access.Refusal | None) -> dict[str, Any] | None:
    """Why the pack's rule on who speaks for the municipality keeps this person from answering
    here (`access.reply_refusal`), in their language, with the clauses it rests on."""
    if refusal is None:
        return None
    return {"reason": refusal.text(get_language()), "clauses": refusal.clauses}


def _not_refused(holds: bool) -> None:
    return None


def speaking_refused(
    request: HttpRequest, municipality: Municipality, refusal: access.Refusal, back: str
) -> HttpResponse:
    """403 with the pack's reason and clauses: the person may not speak from this account. What
    they wrote is shown again, so nothing is lost."""
    return render(
        request,
        "inbox/speaking_refused.html",
        {
            "municipality": municipality,
            "reason": refusal.text(get_language()),
            "clauses": refusal.clauses,
            "guideline_url": _guideline_url(municipality),
            "back": back,
            "text": request.POST.get("text", "")[:MAX_TEXT_CHARS],
        },
        status=403,
    )


def _crisis_notice(request: HttpRequest, item: Item) -> str:
    """Why crisis mode holds this person's answers on the account, said before they write one."""
    hold = crisis_gate.crisis_hold(user=request.user, account=item.account)
    return str(hold.reason) if hold is not None else ""


def composer_guidance(pack: Any) -> list[Any]:
    """The guideline's advice on how to answer, shown beside the composer (guidance clauses
    the pack places in `reply_composer`)."""
    return [
        clause
        for clause in pack.clauses
        if clause.honoured_by.status == "guidance" and "reply_composer" in clause.honoured_by.by
    ]


def _next_context(request: HttpRequest, municipality: Municipality, item: Item) -> dict[str, Any]:
    """ "Next item" in the queue filter the person came from (the default one otherwise), so a
    keyboard user goes on without tabbing through the filters (issue 15)."""
    key = request.GET.get("filter", listing.DEFAULT_FILTER)
    if key not in listing.FILTER_KEYS:
        key = listing.DEFAULT_FILTER
    scope = access.visible(request.membership)  # type: ignore[attr-defined]
    found = listing.next_after(municipality, key, request.user, item.status, scope)
    if found is None:
        return {"next_filter": key}
    url = reverse("inbox:item", kwargs={"municipality": municipality.slug, "item_id": found})
    return {"next_url": f"{url}?filter={key}", "next_filter": key}


def _window_context(item: Item, pack: Any) -> dict[str, Any]:
    """The messaging window of a private conversation, for the composer (inbox.messaging)."""
    window = messaging.reply_window(item)
    if window is None:
        return {}
    state = window.state()
    return {
        "reply_window": window,
        "window_state": state,
        "formal_text": messaging.formal_inquiry_text(pack) if state == messaging.CLOSED else "",
    }


def _guideline_url(municipality: Municipality) -> str:
    return reverse("guidelines:index", kwargs={"municipality": municipality.slug})


ACTIONS = (
    "claim",
    "assign",
    "reply",
    "escalate",
    "hide",
    "unhide",
    "delete",
    "close",
    "reopen",
    "note",
    "undo",
    "retry",
)


def _done_message(event: ItemEvent, platform: str) -> str:
    """What the person is told after an action: never "done" for what the platform has yet to do."""
    what = EVENT_LABELS.get(event.type, event.type)
    payload = event.payload or {}
    if "on_platform" not in payload or payload.get("by") == "platform" or payload.get("not_needed"):
        return _("Done: %(what)s.") % {"what": what}
    if not payload["on_platform"]:
        return _("Done in somevakt only: %(what)s (%(platform)s does not allow it).") % {
            "what": what,
            "platform": platform,
        }
    return _("Recorded: %(what)s. Asked %(platform)s to do it; see “On the platform” for how it went.") % {
        "what": what,
        "platform": platform,
    }


def _reply_refused(
    request: HttpRequest, municipality: Municipality, item: Item, refused: services.ActionRefused
) -> HttpResponse:
    """The item page again with the answer as written (nothing lost) and why it was not sent."""
    form = request.POST
    text = form.get("text", "")[:MAX_TEXT_CHARS]
    purpose = form.get("purpose", "reply")
    held = isinstance(refused, services.CrisisHeld)
    extra: dict[str, Any] = {
        "draft_text": text,
        "draft_purpose": purpose if purpose in services.REPLY_PURPOSES else "reply",
        # Held by crisis mode: said above the composer, with the way to the crisis team.
        "reply_refused": "" if held else str(refused),
        "crisis_held": str(refused) if held else "",
        "anyway_reason": form.get("anyway_reason", "")[:2000],
    }
    if text.strip() and len(text) <= MAX_TEXT_CHARS:
        extra["draft_check"] = _draft_check_context(item, text, request.user)
    return _render_item(request, municipality, item, extra, status_code=400)


def _confirm_delete(
    request: HttpRequest, municipality: Municipality, item: Item, ground: Any
) -> HttpResponse:
    """Deleting on the platform cannot be undone: say so, name the ground, and ask to confirm."""
    form = request.POST
    context = {
        "municipality": municipality,
        "item": item,
        "ground": ground,
        "ground_index": form.get("ground", ""),
        "reason": form.get("reason", "")[:2000],
        "platform_name": item.account.get_platform_display(),
        "guideline_url": _guideline_url(municipality),
        # A national id is never shown in full, here as on the item page.
        "shown_text": without_national_ids(item.text),
    }
    if request.headers.get("HX-Request"):
        return render(request, "inbox/_confirm_delete.html", context)
    return render(request, "inbox/confirm_delete.html", context)


@require_POST
@inbox_required
def act(request: HttpRequest, municipality: Municipality, item_id: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    item = _item(request, item_id)
    undoing = getattr(services.undoable(item), "type", None) if action == "undo" else None
    speaking = None
    if access.ITEM_ACTIONS.get(action) in access.SPEAKING_ACTIONS:
        refusal = access.reply_refusal(request.membership, item)  # type: ignore[attr-defined]
        if refusal is not None:
            return speaking_refused(request, municipality, refusal, _item_url(municipality, item))
        speaking = _not_refused  # the rule lets them speak (the table may still refuse: require says)
    access.require(request.membership, item, action, undoing, refusal=speaking)  # type: ignore[attr-defined]
    person = request.user
    form = request.POST
    reason = form.get("reason", "")[:2000]
    try:
        if action == "claim":
            event = services.claim(item, person)
        elif action == "assign":
            to_id = _int(form.get("to"))
            to = handlers(municipality).filter(pk=to_id).first() if to_id else None
            if to_id and to is None:
                raise services.ActionRefused(_("That person cannot handle the inbox in this municipality."))
            event = services.assign(item, person, to)
        elif action == "reply":
            event = services.send_reply(
                item,
                person,
                form.get("text", "")[:MAX_TEXT_CHARS],
                form.get("purpose", "reply"),
                anyway_reason=form.get("anyway_reason", ""),
            )
        elif action == "escalate":
            to_id = _int(form.get("to"))
            to = handlers(municipality).filter(pk=to_id).first() if to_id else None
            if to_id and to is None:
                raise services.ActionRefused(_("Choose one of the people the guideline names."))
            draft = form.get("draft", "")[:MAX_TEXT_CHARS]
            event = escalation.escalate(item, person, form.get("target", ""), reason, to, draft=draft)
        elif action == "hide":
            event = services.hide(item, person, form.get("ground", ""), reason)
        elif action == "unhide":
            event = services.unhide(item, person, reason)
        elif action == "delete":
            if form.get("confirmed") != "yes":
                ground = services.deletion_ground(item, _int(form.get("ground")))
                return _confirm_delete(request, municipality, item, ground)
            event = services.delete(item, person, _int(form.get("ground")), reason)
        elif action == "close":
            event = services.close(item, person, reason)
        elif action == "reopen":
            event = services.reopen(item, person, reason)
        elif action == "note":
            event = services.note(item, person, form.get("text", "")[:4000])
        elif action == "retry":
            if services.retry_on_platform(item, person, _int(form.get("call"))):
                messages.info(  # asked, not yet done
                    request,
                    _("Asked %(platform)s again; see “On the platform” for how it goes.")
                    % {"platform": item.account.get_platform_display()},
                )
            else:
                messages.info(request, _("Nothing to try again: it is done, or cannot be done."))
            return redirect(_item_url(municipality, item, "#on-platform"))
        else:
            event = services.undo(item, person, _int(form.get("event"), -1) or -1)
    except services.ActionRefused as refused:
        if action == "reply":
            return _reply_refused(request, municipality, item, refused)
        if action == "delete" and request.headers.get("HX-Request"):
            return render(request, "inbox/_confirm_delete.html", {"refused": str(refused)})
        messages.error(request, str(refused))
        return redirect("inbox:item", municipality=municipality.slug, item_id=item.pk)
    if isinstance(event, ItemEvent):
        asked = (event.payload or {}).get("on_platform") and event.payload.get("by") != "platform"
        # Asked of the platform is not done yet: told as information, not as success.
        (messages.info if asked else messages.success)(
            request, _done_message(event, item.account.get_platform_display())
        )
        if "on_platform" in (event.payload or {}):
            return redirect(_item_url(municipality, item, "#on-platform"))
    else:
        messages.info(request, _("Nothing changed."))
    return redirect("inbox:item", municipality=municipality.slug, item_id=item.pk)


def _item_url(municipality: Municipality, item: Item, anchor: str = "") -> str:
    return reverse("inbox:item", kwargs={"municipality": municipality.slug, "item_id": item.pk}) + anchor


@require_POST
@inbox_required
def check_draft(request: HttpRequest, municipality: Municipality, item_id: int) -> HttpResponse:
    """The live check of a draft reply (htmx): the engine's verdict for kind `reply`."""
    item = _item(request, item_id)
    text = request.POST.get("text", "")[: MAX_TEXT_CHARS + 1]
    context = _draft_check_context(item, text, request.user)
    # The reason for sending a revise-verdict answer as it is travels along, so a new check keeps it.
    context["anyway_reason"] = request.POST.get("anyway_reason", "")[:2000]
    return render(request, "inbox/_draft_check.html", context)


def _draft_check_context(item: Item, text: str, person: Any = None) -> dict[str, Any]:
    """The engine's verdict on a draft answer, as the composer shows it."""
    context: dict[str, Any] = {"empty": not text.strip(), "too_long": len(text) > MAX_TEXT_CHARS}
    if not context["empty"] and not context["too_long"]:
        decision = services.check_reply(item, text, person)
        context.update(
            {
                "verdict": decision.action,
                "verdict_label": CHECK_LABELS.get(decision.action, decision.action),
                "reasons": decision.reasons_in(get_language()) if decision.action != "ok" else [],
                "codes": [
                    code_label(c, get_language())
                    for c in decision.codes
                    if c.startswith(("personal_data", "style", "post", "abuse", "confidential"))
                ],
                "clauses": decision.clauses if decision.action != "ok" else [],
            }
        )
        context["codes_text"] = joined(context["codes"])
    context["guideline_url"] = _guideline_url(item.municipality)
    return context


@require_GET
@leader_required
def stats_page(request: HttpRequest, municipality: Municipality) -> HttpResponse:
    return render(
        request,
        "inbox/stats.html",
        {
            "municipality": municipality,
            "report": stats.report(municipality, accounts=access.stats_accounts(request.membership)),  # type: ignore[attr-defined]
        },
    )
