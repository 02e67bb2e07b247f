"""Words for people: guideline topics, how a clause is honoured, and the parts of somevakt."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from somevakt.policy import labels as policy_labels
from somevakt.tenants.roles import Role

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
    "crisis": gettext_lazy("Crisis mode"),
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
    return policy_labels.topic_label(topic, get_language())


def role_names(roles: Iterable[str]) -> str:
    """Roles as the shell names them (translated), joined with commas; "nobody" when empty."""
    labels = [str(Role(r).label) if r in Role.values else r for r in roles]
    return ", ".join(labels) if labels else _("nobody")


def line_range(lines: tuple[int, int]) -> str:
    first, last = lines
    if first == last:
        return _("line %(first)s") % {"first": first}
    return _("lines %(first)s–%(last)s") % {"first": first, "last": last}
