"""Words for people: states, actions, events and finding codes (translated; bokmål by default)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

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

CODE_LABELS = {
    "personal_data.national_id": _("National identity number"),
    "personal_data.national_id_like": _("Possible national identity number"),
    "personal_data.bank_account": _("Bank account number"),
    "personal_data.phone": _("Phone number"),
    "personal_data.email": _("E-mail address"),
    "person.named": _("Named person"),
    "abuse.threat": _("Threat"),
    "abuse.hate": _("Hate speech"),
    "abuse.insult": _("Personal attack"),
    "abuse.obscene": _("Obscene language"),
    "intent.question": _("Question"),
    "intent.case_request": _("Needs case processing"),
    "intent.political": _("Political matter"),
    "intent.crisis": _("Possible crisis"),
    "tone.praise": _("Praise"),
    "tone.negative": _("Negative"),
    "tone.sarcasm": _("Sarcasm"),
    "style.readability": _("Hard to read"),
    "style.signature_missing": _("Not signed with a first name"),
    "confidential.case_details": _("Confidential matter"),
    "post.crisis_lock": _("Crisis mode: nothing is published"),
    "post.account_closed": _("The account is closed"),
    "text.bidi_override": _("Text direction override"),
}

CHECK_LABELS = {
    "ok": _("Ready to send"),
    "revise": _("Consider revising"),
    "block": _("Cannot be sent"),
}


def code_label(code: str) -> str:
    return str(CODE_LABELS.get(code, code))
