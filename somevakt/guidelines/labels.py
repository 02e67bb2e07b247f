"""Words for people: guideline topics, how a clause is honoured, and the parts of somevakt."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from somevakt.tenants.roles import Role

TOPIC_LABELS = {
    "scope": gettext_lazy("Scope"),
    "account_creation": gettext_lazy("Creating an official account"),
    "ownership": gettext_lazy("Ownership and responsibility"),
    "identity": gettext_lazy("The municipality as the visible sender"),
    "authority": gettext_lazy("Who may speak for the municipality"),
    "response_time": gettext_lazy("Response time"),
    "how_to_answer": gettext_lazy("How to answer"),
    "case_processing": gettext_lazy("Case processing"),
    "archiving": gettext_lazy("Archiving"),
    "confidentiality": gettext_lazy("Duty of confidentiality"),
    "privacy": gettext_lazy("Privacy"),
    "freedom_of_information": gettext_lazy("Freedom of information"),
    "political": gettext_lazy("Political matters"),
    "deletion": gettext_lazy("Deleting comments"),
    "difficult_cases": gettext_lazy("Difficult cases"),
    "crisis": gettext_lazy("Crisis"),
    "photos_rights": gettext_lazy("Photos and rights"),
    "website_first": gettext_lazy("Website first"),
    "closing": gettext_lazy("Closing a forum"),
    "private_use": gettext_lazy("Employees' private use"),
    "yearly_review": gettext_lazy("Yearly review"),
}

STATUS_LABELS = {
    "enforced": gettext_lazy("enforced"),
    "workflow": gettext_lazy("workflow"),
    "guidance": gettext_lazy("guidance"),
}
# Designsystemet colours for the status badges.
STATUS_COLORS = {"enforced": "success", "workflow": "info", "guidance": "neutral"}

PART_LABELS = {
    "engine": gettext_lazy("the guideline check"),
    "worktime": gettext_lazy("the answer deadlines"),
    "registry": gettext_lazy("Accounts"),
    "inbox": gettext_lazy("Inbox"),
    "publishing": gettext_lazy("Publishing"),
    "archive": gettext_lazy("Archive"),
    "people": gettext_lazy("People"),
    "tenants": gettext_lazy("roles and units"),
    "self_check": gettext_lazy("the self-check before posting"),
    "reply_composer": gettext_lazy("the answer composer"),
    "onboarding": gettext_lazy("onboarding"),
}


def topic_label(topic: str) -> str:
    return str(TOPIC_LABELS.get(topic, topic))


def role_names(roles: Iterable[str]) -> str:
    """Roles as the shell names them (translated), joined with commas; "nobody" when empty."""
    labels = [str(Role(r).label) if r in Role.values else r for r in roles]
    return ", ".join(labels) if labels else _("nobody")


def line_range(lines: tuple[int, int]) -> str:
    first, last = lines
    if first == last:
        return _("line %(first)s") % {"first": first}
    return _("lines %(first)s–%(last)s") % {"first": first, "last": last}
