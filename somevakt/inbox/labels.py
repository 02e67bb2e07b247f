"""Words for people: states, actions, events and draft verdicts (translated; bokmål by default).

Finding codes and actions are named by the core's one table of each (`policy.labels`), so the
inbox and the command line use the same words."""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from somevakt.policy import labels
from somevakt.policy.labels import in_sentence

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
    "note": pgettext_lazy("internal note", "Note"),
    "closed": _("Closed"),
    "reopened": _("Reopened"),
    "edited": _("Edited by the author"),
    "reminded": _("Reminder sent"),
    "due_changed": _("Deadline moved"),
}

CHECK_LABELS = {
    "ok": _("Ready to send"),
    "revise": _("Consider revising"),
    "block": _("Cannot be sent"),
}


# What was asked of the platform, as the "On the platform" list names it (one per port operation).
OPERATION_LABELS = {
    "reply": pgettext_lazy("platform operation", "Answer"),
    "hide": pgettext_lazy("platform operation", "Hide"),
    "unhide": pgettext_lazy("platform operation", "Show again"),
    "delete": pgettext_lazy("platform operation", "Delete"),
}

# Why a platform call failed (one per `ports.FAILURES`), for the people handling the item.
FAILURE_LABELS = {
    "no_credentials": _(
        "The account is not connected to the platform (somevakt has no access token for it). "
        "An administrator must connect it; then try again."
    ),
    "permission": _(
        "The platform refused somevakt's access: the access token has expired, been revoked or lacks "
        "a permission. An administrator must renew it; then try again."
    ),
    "gone": _("The comment is no longer on the platform (removed by its author or by the platform)."),
    "unavailable": _(
        "The platform did not answer in time (down, slow or too many requests). Try again in a while."
    ),
    "window_closed": _(
        "The platform takes an answer in a private conversation only within 24 hours of the person's "
        "last message. Answer by e-mail or letter instead, or ask them to send a formal inquiry."
    ),
    "other": _("The platform refused the call. If trying again does not help, ask an administrator."),
}


def action_label(action: str) -> str:
    """The action triage recommended, in the request's language; "" before triage."""
    if not action:
        return str(_("Not triaged yet"))
    return capfirst(labels.action_label(action, get_language()))


def joined(labels: list[str]) -> str:
    """Labels as one phrase after a heading: "crisis mode: nothing is published and not signed
    with a first name" (found walking the demo: "…, Ikke signert med fornavn")."""
    words = [in_sentence(str(label)) for label in labels]
    if len(words) < 2:
        return "".join(words)
    return str(_("%(first)s and %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]})
