"""Words for people: states, actions, events and finding codes (translated; bokmål by default)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from somevakt.policy.labels import CODE_LABELS as FINDING_LABELS

STATE_LABELS = {
    "new": _("New"),
    "open": _("Open"),
    "assigned": _("Taken"),
    "answered": _("Answered"),
    "referred": _("Referred"),
    "escalated": _("Escalated"),
    "hidden": _("Hidden"),
    "deleted": _("Deleted"),
    "closed": _("Closed"),
}

ACTION_LABELS = {
    "": _("Not triaged yet"),
    "none": _("No action needed"),
    "thank": _("Thank"),
    "reply": _("Answer"),
    "refer_formal": _("Refer to a formal inquiry"),
    "refer_political": _("Refer to the political level"),
    "escalate_manager": _("Escalate"),
    "escalate_crisis": _("Send to crisis management"),
    "hide": _("Hide"),
    "delete": _("Delete"),
}

EVENT_LABELS = {
    "received": _("Received"),
    "triaged": _("Triaged by the guideline"),
    "assigned": _("Assigned"),
    "replied": _("Answered"),
    "escalated": _("Escalated"),
    "referred_formal": _("Referred to a formal inquiry"),
    "referred_political": _("Referred to the political level"),
    "hidden": _("Hidden"),
    "unhidden": _("Shown again"),
    "deleted": _("Deleted"),
    "archived": _("Archived"),
    "note": _("Note"),
    "closed": _("Closed"),
    "reopened": _("Reopened"),
    "edited": _("Edited by the author"),
    "reminded": _("Reminder sent"),
    "due_changed": _("Deadline moved"),
}

# The one list of finding labels is the core's (the command line shows the same words).
CODE_LABELS = {code: _(label) for code, label in FINDING_LABELS.items()}

CHECK_LABELS = {
    "ok": _("Ready to send"),
    "revise": _("Consider revising"),
    "block": _("Cannot be sent"),
}


def code_label(code: str) -> str:
    return str(CODE_LABELS.get(code, code))
