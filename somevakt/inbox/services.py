"""What people do with an item, each as an ItemEvent (DESIGN.md §3 and §4).

Every function checks what it must under the status row's lock and then records one
event, so two people acting at once cannot both win (two claims: one gets the item,
the other a clear message). A refusal is an `ActionRefused` with a message for people.
Hiding is reversible protection, allowed for the four reasons every guideline accepts;
deleting offers only the grounds the municipality's own guideline gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from somevakt.crisis import gate as crisis_gate
from somevakt.inbox import messaging, outbound
from somevakt.inbox.access import assignable, display_name
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.events import locked_status, record
from somevakt.inbox.models import Item, ItemEvent
from somevakt.inbox.projection import ACTION_EVENTS, ANSWER_ACTIONS, CORRECTION
from somevakt.policy.decision import Decision
from somevakt.policy.engine import PolicyContext, check_input, evaluate
from somevakt.policy.schema import DeletionGround, Pack


class ActionRefused(Exception):
    """The action cannot be done; the message says why, for the person who tried."""


class CrisisHeld(ActionRefused):
    """Crisis mode holds the account and the person may not speak there now (crisis.gate);
    the page offers to send the draft to the crisis team instead."""

    def __init__(self, hold: crisis_gate.Hold) -> None:
        super().__init__(str(hold.reason))
        self.hold = hold


# Hiding is allowed under every guideline for these (DESIGN.md §4, "Hide and delete are different").
HIDE_GROUNDS: dict[str, Any] = {
    "personal_data": gettext_lazy("Exposed personal data"),
    "confidential": gettext_lazy("A matter under a duty of confidentiality"),
    "illegal": gettext_lazy("Illegal content (threats, hate, defamation)"),
    "pending_escalation": gettext_lazy("Pending escalation"),
}

# What an answer is for (the triage action it carries out) -> the event that records it.
REPLY_PURPOSES: dict[str, str] = {
    **{a: event for a, event in ACTION_EVENTS.items() if a in ANSWER_ACTIONS},
    CORRECTION: "replied",
}
# A web address as people write it in an answer, with or without its scheme.
_ADDRESS = re.compile(r"(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(/[^\s]*)?", re.IGNORECASE)
# What a saved answer asks the person to fill in: "[skriv hva som er riktig]".
_PLACEHOLDER = re.compile(r"\[[^\]]{3,80}\]")


def website_host(pack: Pack) -> str:
    """The municipality's website's domain, without "www." (publishing's link check reads it too)."""
    return bare_host(urlsplit(pack.municipality.website).hostname or "")


def bare_host(host: str) -> str:
    """A host name as it is compared: lower case, without a final dot or "www."."""
    return host.lower().rstrip(".").removeprefix("www.")


def correction_source(text: str, pack: Pack) -> str:
    """The first address in `text` on the municipality's website ("" if none)."""
    host = website_host(pack)
    for match in _ADDRESS.finditer(text):
        found = match.group(1).lower().rstrip(".")
        if host and (found == host or found.endswith("." + host)):
            return match.group(0).rstrip(".,;:)")
    return ""


def _lock(item: Item):
    status = locked_status(item)
    item.status = status
    return status


# --- claiming and assigning ---------------------------------------------------------------


@transaction.atomic
def claim(item: Item, person: Any) -> ItemEvent | None:
    """Take the item. None if it is already yours; refused if someone else has it."""
    status = _lock(item)
    if status.assignee_id == person.pk:
        return None
    if status.assignee_id is not None:
        raise ActionRefused(
            _("%(name)s has already taken this item.") % {"name": display_name(status.assignee)}
        )
    return record(
        item,
        "assigned",
        actor=person,
        payload={"assignee_id": person.pk, "previous_id": None, "claimed": True},
    )


@transaction.atomic
def assign(item: Item, person: Any, to: Any | None) -> ItemEvent | None:
    """Give the item to `to` (someone who could answer it: `access.assignable`), or to nobody."""
    status = _lock(item)
    to_id = to.pk if to is not None else None
    if to is not None and to not in assignable(item):
        raise ActionRefused(
            _("%(name)s cannot answer from this account, so the item cannot be given to them.")
            % {"name": display_name(to)}
        )
    if status.assignee_id == to_id:
        return None
    return record(
        item, "assigned", actor=person, payload={"assignee_id": to_id, "previous_id": status.assignee_id}
    )


# --- answering ---------------------------------------------------------------------------


def reply_context(item: Item, person: Any = None, text: str = "") -> PolicyContext:
    """What the engine must know about the account when `person` checks a reply.

    Crisis mode (crisis.gate) locks the account for everyone but crisis management and those
    holding their instruction for the text; they count as instructed, so a reply of theirs may
    also speak of the crisis itself (Hustadvika 1f).
    """
    account = item.account
    crisis = crisis_gate.active_crisis_for(account)
    instructed = person is not None and (
        crisis_gate.speaks_for_crisis(person, account)
        or (crisis is not None and crisis_gate.instruction_for(person, crisis, text) is not None)
    )
    now = timezone.now()
    closed = (
        account.state == "closed_temporarily"
        or account.closures.filter(starts_at__lte=now, ends_at__gt=now).exists()
    )
    return PolicyContext(account_closed=closed, crisis_mode=crisis is not None, crisis_instructed=instructed)


def check_reply(item: Item, text: str, person: Any = None) -> Decision:
    """The engine's verdict on `person`'s draft reply (kind `reply`): personal data, signature,
    readability, crisis mode."""
    return evaluate(text, "reply", pack_of(item.municipality), reply_context(item, person, text))


@dataclass(frozen=True)
class SavedAnswer:
    purpose: str
    label: str
    text: str


def saved_answers(pack: Pack, person: Any) -> list[SavedAnswer]:
    """The pack's saved answers with the person's first name filled in."""
    first_name = (getattr(person, "first_name", "") or person.get_username()).split(" ")[0]
    answers = [
        SavedAnswer("thank", _("Thank you"), pack.templates.thank_you),
        SavedAnswer("refer_formal", _("Formal inquiry"), pack.templates.formal_referral),
    ]
    if pack.templates.political_referral:
        answers.append(
            SavedAnswer("refer_political", _("Political matter"), pack.templates.political_referral)
        )
    if pack.templates.correction:
        text = pack.templates.correction.replace("{lenke}", pack.municipality.website)
        answers.append(SavedAnswer(CORRECTION, _("Correction"), text))
    return [SavedAnswer(a.purpose, a.label, a.text.replace("{fornavn}", first_name)) for a in answers]


class ReviseFirst(ActionRefused):
    """The guideline check asks to revise the answer: it is sent as it is only with a reason."""

    def __init__(self, message: str, decision: Decision) -> None:
        super().__init__(message)
        self.decision = decision


def _check_correction(item: Item, text: str) -> str:
    """The source a correction links to; refused without one, or with the saved answer's
    blank still in it."""
    pack = pack_of(item.municipality)
    if _PLACEHOLDER.search(text):
        raise ActionRefused(_("Write what is right in place of the text in brackets first."))
    source = correction_source(text, pack)
    if not source:
        raise ActionRefused(
            _("A correction links to the source on the municipality's website (%(website)s).")
            % {"website": website_host(pack)}
        )
    return source


# The account states an answer may go out from; a temporary closure is the engine's to refuse.
ANSWERING_STATES = ("active", "closed_temporarily")


def send_reply(
    item: Item, person: Any, text: str, purpose: str = "reply", anyway_reason: str = ""
) -> ItemEvent:
    """Check the reply with the engine, then record it and ask the platform to post it.

    A reply the engine blocks (personal data, confidential matters, crisis lock, closed
    account) is refused; one it asks to revise is sent only with a reason for sending it as
    it is (`ReviseFirst` otherwise), and the event keeps the verdict and that reason.
    """
    if purpose not in REPLY_PURPOSES:
        raise ActionRefused(_("Unknown kind of answer."))
    source = _check_correction(item, text) if purpose == CORRECTION else ""
    if item.account.state not in ANSWERING_STATES:
        # Only an active account speaks (DESIGN.md §3); a closed one is refused by the engine below.
        raise ActionRefused(
            _("The account is not in use (%(state)s): nothing is answered from it.")
            % {"state": item.account.get_state_display().lower()}
        )
    window = messaging.reply_window(item)
    if window is not None and window.state() == messaging.CLOSED:
        # Refused here rather than by the platform: nothing is recorded as answered.
        raise ActionRefused(
            _(
                "The platform no longer lets the municipality answer this conversation: an answer must be "
                "sent within %(hours)s hours of the person's last message. Ask them to send a formal "
                "inquiry instead."
            )
            % {"hours": window.hours}
        )
    text = text.strip()
    try:
        check_input(text, "reply")
    except ValueError:
        raise ActionRefused(_("Write an answer first.")) from None
    hold = crisis_gate.crisis_hold(user=person, account=item.account, text=text)
    if hold is not None:
        raise CrisisHeld(hold)
    decision = check_reply(item, text, person)
    if decision.action == "block":
        raise ActionRefused(
            _("The answer cannot be sent: %(reasons)s")
            % {"reasons": " ".join(decision.reasons_in(get_language()))}
        )
    anyway_reason = anyway_reason.strip()[:2000]
    if decision.action == "revise" and not anyway_reason:
        raise ReviseFirst(
            _(
                "The guideline check asks you to revise this answer. Revise it, or say why it should be "
                "sent as it is."
            ),
            decision,
        )
    check: dict[str, Any] = {
        "action": decision.action,
        "codes": decision.codes,
        "policy_revision": decision.policy_revision,
    }
    if decision.action == "revise":
        check["sent_anyway"] = anyway_reason
    crisis = crisis_gate.active_crisis_for(item.account)
    if crisis is not None:
        # Said in crisis mode: the crisis report tells which answers were, and on whose instruction.
        instruction = crisis_gate.instruction_for(person, crisis, text)
        check["crisis"] = {"id": crisis.pk, "instruction": instruction.pk if instruction else None}
    with transaction.atomic():
        status = _lock(item)
        if status.deleted:
            raise ActionRefused(_("The comment is deleted; it cannot be answered."))
        sent = outbound.request(item, "reply", text)
        return record(
            item,
            REPLY_PURPOSES[purpose],
            actor=person,
            reason=anyway_reason if decision.action == "revise" else "",
            clauses=decision.clauses if decision.action != "ok" else (),
            payload={
                "text": text,
                "purpose": purpose,
                "check": check,
                **({"source": source} if source else {}),
                **sent,
            },
        )


# Escalating is in inbox.escalation.


# --- hiding and deleting -----------------------------------------------------------------


def suggested_hide_ground(item: Item) -> str:
    codes = set(item.status.codes)
    if any(c.startswith("personal_data.") for c in codes):
        return "personal_data"
    if "confidential.case_details" in codes:
        return "confidential"
    if codes & {"abuse.threat", "abuse.hate"}:
        return "illegal"
    if item.status.escalated:
        return "pending_escalation"
    return ""


def _triage_clauses_for(item: Item, action: str) -> list[str]:
    status = item.status
    if action == status.action or action in (status.also or []):
        return list(status.clauses)
    return []


def hide(item: Item, person: Any, ground: str, reason: str = "") -> ItemEvent | None:
    """Hide the comment (on the platform where it allows, else in somevakt's own view)."""
    if ground not in HIDE_GROUNDS:
        raise ActionRefused(_("Choose why the comment is hidden."))
    with transaction.atomic():
        status = _lock(item)
        if status.deleted:
            raise ActionRefused(_("The comment is deleted."))
        if status.hidden:
            return None
        sent = outbound.request(item, "hide")
        return record(
            item,
            "hidden",
            actor=person,
            reason=reason.strip() or str(HIDE_GROUNDS[ground]),
            clauses=_triage_clauses_for(item, "hide"),
            payload={"ground": ground, **sent},
        )


def unhide(item: Item, person: Any, reason: str = "", undoes: int | None = None) -> ItemEvent | None:
    with transaction.atomic():
        status = _lock(item)
        if not status.hidden:
            return None
        last_hide = item.events.filter(type="hidden").order_by("-id").first()
        # Shown again on the platform only where it was hidden there (or may still be): after
        # a hide the platform never carried out, there is nothing to ask of it.
        asked = bool(last_hide and last_hide.payload.get("on_platform"))
        never_hidden = asked and any(s.state == "failed" for s in outbound.on_platform([last_hide]))
        if never_hidden:
            sent: dict[str, Any] = {"on_platform": False, "not_needed": True}
        else:
            sent = outbound.request(item, "unhide") if asked else {"on_platform": False}
        payload: dict[str, Any] = dict(sent)
        if undoes is not None:
            payload["undoes"] = undoes
        return record(item, "unhidden", actor=person, reason=reason.strip(), payload=payload)


def deletion_grounds(item: Item) -> tuple[DeletionGround, ...]:
    """The grounds for deletion the municipality's own guideline gives (none under Gausdal)."""
    return pack_of(item.municipality).deletion_grounds


def deletion_ground(item: Item, ground_index: int | None) -> DeletionGround:
    """The guideline's ground chosen for deleting, or refused with why it cannot be deleted."""
    grounds = deletion_grounds(item)
    if not grounds:
        raise ActionRefused(
            _("The guideline gives no ground for deleting comments. Hide it and escalate instead.")
        )
    if ground_index is None or not 0 <= ground_index < len(grounds):
        raise ActionRefused(_("Choose the guideline's ground for deleting the comment."))
    if not outbound.can(item, "delete"):
        raise ActionRefused(
            _("This platform does not let the municipality delete other people's comments. Hide it instead.")
        )
    if item.status.deleted:
        raise ActionRefused(_("The comment is already deleted."))
    return grounds[ground_index]


def delete(item: Item, person: Any, ground_index: int | None, reason: str = "") -> ItemEvent:
    """Delete on one of the guideline's own grounds; the content is kept here in full for the archive.

    Deleting on the platform cannot be undone: the page asks for a confirmation naming the
    ground first (`deletion_ground` checks the choice without doing anything)."""
    ground = deletion_ground(item, ground_index)
    with transaction.atomic():
        status = _lock(item)
        if status.deleted:
            raise ActionRefused(_("The comment is already deleted."))
        sent = outbound.request(item, "delete")
        return record(
            item,
            "deleted",
            actor=person,
            # The record's words are bokmål, whoever deletes; the history shows the ground in theirs.
            reason=reason.strip() or ground.summary.nb,
            clauses=[ground.clause],
            payload={
                "ground": {"clause": ground.clause, "codes": list(ground.codes)},
                "by": "somevakt",
                **sent,
            },
        )


def retry_on_platform(item: Item, person: Any, call_id: int | None) -> bool:
    """Ask the platform again for a failed action of this item. True if it was asked again;
    False if there was nothing to ask (done meanwhile, or already waiting)."""
    actions = outbound.on_platform(list(item.events.order_by("id")))
    before = next((a for a in actions if a.call_id is not None and a.call_id == call_id), None)
    if before is None:
        raise ActionRefused(_("There is no such action on this comment to try again."))
    if not before.retryable:  # done meanwhile, waiting already, gone, or no longer wanted
        return False
    after = outbound.retry(item, call_id)
    return after is not None and after.state == "pending"


# --- closing, notes and undo -------------------------------------------------------------


@transaction.atomic
def close(item: Item, person: Any, reason: str = "") -> ItemEvent | None:
    status = _lock(item)
    if status.state == "closed":
        return None
    return record(item, "closed", actor=person, reason=reason.strip())


@transaction.atomic
def reopen(
    item: Item, person: Any, reason: str = "", undoes: int | None = None, crisis_undone: bool = False
) -> ItemEvent | None:
    status = _lock(item)
    if status.state in ("new", "open", "assigned"):
        return None
    payload: dict[str, Any] = {"undoes": undoes} if undoes is not None else {}
    if crisis_undone:
        # An undone crisis escalation leaves the crisis tab unless the triage put it there.
        payload["crisis_undone"] = True
    return record(item, "reopened", actor=person, reason=reason.strip(), payload=payload)


def note(item: Item, person: Any, text: str) -> ItemEvent:
    text = text.strip()
    if not text:
        raise ActionRefused(_("Write a note first."))
    return record(item, "note", actor=person, reason=text)


UNDOABLE = ("hidden", "closed", "escalated", "assigned")
# Events that leave what a person did in effect, so it can still be undone after them.
BESIDE_THE_POINT = ("note", "reminded", "due_changed")


def undoable(item: Item) -> ItemEvent | None:
    """The last event that can still be undone: a hide, close, escalation or assignment still in effect."""
    status = item.status
    last = item.events.filter(type__in=UNDOABLE).order_by("-id").first()
    if last is None or item.events.filter(id__gt=last.id).exclude(type__in=BESIDE_THE_POINT).exists():
        return None
    in_effect = {
        "hidden": status.hidden,
        "closed": status.state == "closed",
        "escalated": status.state == "escalated",
        "assigned": status.assignee_id == last.payload.get("assignee_id"),
    }
    return last if in_effect[last.type] else None


def undo(item: Item, person: Any, event_id: int) -> ItemEvent | None:
    """Undo by a new event that reverses `event_id` (the log itself never changes)."""
    target = undoable(item)
    if target is None or target.pk != event_id:
        raise ActionRefused(_("This can no longer be undone."))
    if target.type == "hidden":
        return unhide(item, person, _("Undone"), undoes=target.pk)
    if target.type in ("closed", "escalated"):
        crisis = target.type == "escalated" and (target.payload or {}).get("target") == "crisis"
        return reopen(item, person, _("Undone"), undoes=target.pk, crisis_undone=crisis)
    with transaction.atomic():
        status = _lock(item)
        return record(
            item,
            "assigned",
            actor=person,
            payload={
                "assignee_id": target.payload.get("previous_id"),
                "previous_id": status.assignee_id,
                "undoes": target.pk,
            },
        )
