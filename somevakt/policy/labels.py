"""What each finding code and each action is called, for people: the one table of each
(DESIGN.md §5), and their words in bokmål, nynorsk and English without Django.

The labels are English message ids, translated in the project's catalogue (`somevakt/locale`).
The command line, which runs without Django, and the web read the same compiled catalogue with
the standard library (`translator`): the web passes the request's language (`language_of` takes
Django's code as it is), so a finding or an action is called the same on the screen and in the
terminal.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def gettext_noop(message: str) -> str:
    """Marks `message` for `makemessages` (Django's extractor knows this name); translated later."""
    return message


CODE_LABELS: dict[str, str] = {
    "personal_data.national_id": gettext_noop("National identity number"),
    "personal_data.national_id_like": gettext_noop("Possible national identity number"),
    "personal_data.bank_account": gettext_noop("Bank account number"),
    "personal_data.phone": gettext_noop("Phone number"),
    "personal_data.email": gettext_noop("E-mail address"),
    "person.named": gettext_noop("Named person"),
    "abuse.threat": gettext_noop("Threat"),
    "abuse.hate": gettext_noop("Hate speech"),
    "abuse.insult": gettext_noop("Personal attack"),
    "abuse.obscene": gettext_noop("Obscene language"),
    "intent.question": gettext_noop("Question"),
    "intent.case_request": gettext_noop("Needs case processing"),
    "intent.political": gettext_noop("Political matter"),
    "intent.crisis": gettext_noop("Possible crisis"),
    "intent.addressed": gettext_noop("Addressed to the municipality"),
    "tone.praise": gettext_noop("Praise"),
    "tone.negative": gettext_noop("Negative"),
    "tone.sarcasm": gettext_noop("Sarcasm"),
    "style.readability": gettext_noop("Hard to read"),
    "style.signature_missing": gettext_noop("Not signed with a first name"),
    "style.own_opinion": gettext_noop("Own opinion on a political matter"),
    "style.irony": gettext_noop("Irony or sarcasm"),
    "post.website_first": gettext_noop("Not on the website first"),
    "post.consent_missing": gettext_noop("No consent for the photo"),
    "post.consent_missing_colleagues": gettext_noop("No consent from the colleagues in the photo"),
    "post.crisis_lock": gettext_noop("Crisis mode: nothing is published"),
    "post.account_closed": gettext_noop("The account is closed"),
    "private.work_email": gettext_noop("Work e-mail address"),
    "private.speaks_for_employer": gettext_noop("Sounds like the municipality speaking"),
    "private.disclaimer_missing": gettext_noop("Does not say you speak for yourself"),
    "private.outside_field": gettext_noop("Speaks for the municipality outside your field"),
    "confidential.case_details": gettext_noop("Confidential matter"),
    "text.bidi_override": gettext_noop("Text direction override"),
}


@lru_cache(maxsize=len(LANGUAGES))
def in_sentence(label: str) -> str:
    """A label (it starts with a capital on its own) inside a sentence: lower case, except an
    abbreviation ("IT" stays "IT"; "E-postadresse" becomes "e-postadresse")."""
    return label if label[:2].isalpha() and label[:2].isupper() else label[:1].lower() + label[1:]


def translator(language: str = DEFAULT_LANGUAGE) -> gettext.NullTranslations:
    """The project catalogue for `language` (one of LANGUAGES), read without Django."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    return gettext.translation("django", localedir=LOCALE_DIR, languages=[language], fallback=True)


def language_of(code: str | None) -> str:
    """One of LANGUAGES for a language code as Django gives it ("nb", "en-gb"; None with
    translation off): its base language if we have it, else the default."""
    base = (code or DEFAULT_LANGUAGE).split("-")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


# The guideline topics (policy.codes.TOPICS) as people read them, for the guideline pages and
# each person's part of the guideline.
TOPIC_LABELS: dict[str, str] = {
    "scope": gettext_noop("Scope"),
    "account_creation": gettext_noop("Creating an official account"),
    "ownership": gettext_noop("Ownership and responsibility"),
    "identity": gettext_noop("The municipality as the visible sender"),
    "authority": gettext_noop("Who may speak for the municipality"),
    "response_time": gettext_noop("Response time"),
    "how_to_answer": gettext_noop("How to answer"),
    "case_processing": gettext_noop("Case processing"),
    "archiving": gettext_noop("Archiving"),
    "confidentiality": gettext_noop("Duty of confidentiality"),
    "privacy": gettext_noop("Privacy"),
    "freedom_of_information": gettext_noop("Freedom of information"),
    "political": gettext_noop("Political matters"),
    "deletion": gettext_noop("Deleting comments"),
    "difficult_cases": gettext_noop("Difficult cases"),
    "crisis": gettext_noop("Crisis"),
    "photos_rights": gettext_noop("Photos and rights"),
    "website_first": gettext_noop("Website first"),
    "closing": gettext_noop("Closing a forum"),
    "private_use": gettext_noop("Employees' private use"),
    "yearly_review": gettext_noop("Yearly review"),
}


# The fields of work a text can be about (analysis.fields), as people read them: an employee
# gives facts about their own field (Gausdal's information responsibility).
FIELD_LABELS: dict[str, str] = {
    "education": gettext_noop("schools and kindergartens"),
    "health": gettext_noop("health and care"),
    "technical": gettext_noop("roads, water and waste"),
    "culture": gettext_noop("culture and leisure"),
    "planning": gettext_noop("planning, building and property"),
}


def field_labels(fields: object, language: str | None = DEFAULT_LANGUAGE) -> str:
    """The fields in words, in `language`, joined with commas (in a fixed order)."""
    t = translator(language_of(language))
    return ", ".join(t.gettext(FIELD_LABELS[f]) for f in FIELD_LABELS if f in fields)  # type: ignore[operator]


def topic_label(topic: str, language: str | None = DEFAULT_LANGUAGE) -> str:
    """The words for a guideline topic in `language`; an unknown topic is shown as it is."""
    if topic not in TOPIC_LABELS:
        return topic
    return translator(language_of(language)).gettext(TOPIC_LABELS[topic])


def code_label(code: str, language: str | None = DEFAULT_LANGUAGE) -> str:
    """The label of `code` in `language`; an unknown code is shown as it is."""
    if code not in CODE_LABELS:
        return code
    return translator(language_of(language)).gettext(CODE_LABELS[code])


def action_labels(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every action of DESIGN.md §4 in words, in `language`: what the check recommends, as the
    command line and the inbox show it. Written as calls so that `makemessages` finds them."""
    t = translator(language_of(language))
    return {
        "none": t.pgettext("check action", "no action"),
        "thank": t.pgettext("check action", "thank"),
        "reply": t.pgettext("check action", "answer"),
        "refer_formal": t.pgettext("check action", "refer to a formal inquiry"),
        "refer_political": t.pgettext("check action", "refer to the political level"),
        "escalate_manager": t.pgettext("check action", "take it up with a leader"),
        "escalate_crisis": t.pgettext("check action", "send to crisis management"),
        "hide": t.pgettext("check action", "hide"),
        "delete": t.pgettext("check action", "delete"),
        "ok": t.pgettext("check action", "may be published"),
        "revise": t.pgettext("check action", "must be changed"),
        "block": t.pgettext("check action", "may not be published"),
    }


def action_label(action: str, language: str | None = DEFAULT_LANGUAGE) -> str:
    """The words for `action` in `language`; an unknown action is shown as it is."""
    return action_labels(language_of(language)).get(action, action)


def role_labels(language: str | None = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Each role of DESIGN.md §3 as a reason names it ("the case is taken up with …"), in
    `language`. Written as calls so that `makemessages` finds them."""
    t = translator(language_of(language))
    return {
        "communications": t.pgettext("role in a reason", "the communications officer"),
        "unit_leader": t.pgettext("role in a reason", "the nearest leader"),
        "chief_executive": t.pgettext("role in a reason", "the chief executive"),
        "crisis_team": t.pgettext("role in a reason", "crisis management"),
        "records": t.pgettext("role in a reason", "the records office"),
        "it": t.pgettext("role in a reason", "the IT department"),
        "service_office": t.pgettext("role in a reason", "the service office"),
        "employee": t.pgettext("role in a reason", "the employee"),
        "politician": t.pgettext("role in a reason", "the political level"),
        "mayor": t.pgettext("role in a reason", "the mayor"),
    }
