"""Words for people in the self-check: finding codes and verdicts (translated; bokmål by default)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

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
    "post.website_first": _("Not on the website first"),
    "post.consent_missing": _("No consent for the photo"),
    "post.crisis_lock": _("Crisis mode: nothing is published"),
    "post.account_closed": _("The account is closed"),
    "private.work_email": _("Work e-mail address"),
    "private.speaks_for_employer": _("Sounds like the municipality speaking"),
    "private.disclaimer_missing": _("Does not say you speak for yourself"),
    "confidential.case_details": _("Confidential matter"),
    "text.bidi_override": _("Text direction override"),
}

VERDICT_LABELS = {
    "ok": _("Looks fine"),
    "revise": _("Consider changing it"),
    "block": _("Do not publish this"),
}
VERDICT_COLORS = {"ok": "success", "revise": "warning", "block": "danger"}


def code_label(code: str) -> str:
    return str(CODE_LABELS.get(code, code))
