"""E-mail to people about items: escalations and deadline reminders (Django's e-mail framework).

Reminders come as one digest per person per round (`reminder_digest`), never one e-mail per item.

Each message is in its reader's language (`tenants.language`: the language they chose in
somevakt, bokmål when they never chose), rendered once per language. Messages quote the
comment with personal data masked: an e-mail is a copy outside somevakt, so it carries no
fødselsnummer, account number or phone number.
A person without an e-mail address is skipped (and logged); a failing mail server is
logged and never undoes the action that caused the message.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from somevakt.analysis.masking import mask
from somevakt.inbox.models import ItemKind
from somevakt.tenants import language
from somevakt.tenants.language import Message

EXCERPT_CHARS = 300


def account_url(account: Any) -> str:
    path = reverse(
        "registry:detail", kwargs={"municipality": account.municipality.slug, "account_id": account.pk}
    )
    return settings.SOMEVAKT_BASE_URL.rstrip("/") + path


def item_url(item: Any) -> str:
    path = reverse("inbox:item", kwargs={"municipality": item.municipality.slug, "item_id": item.pk})
    return settings.SOMEVAKT_BASE_URL.rstrip("/") + path


def excerpt(text: str) -> str:
    short = text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"
    return mask(short)


def item_excerpt(item: Any) -> str:
    """What an e-mail may quote of an item: never a private message's words (e-mail leaves the
    inbox's access rules behind; issue 16), else the masked excerpt."""
    if item.kind == ItemKind.MESSAGE:
        return _("(A private message: open it in somevakt to read it.)")
    return excerpt(item.text)


def send(people: Iterable[Any], compose: Message) -> list[str]:
    """Send now, `compose` rendered in each reader's language; returns the addresses it went to."""
    return language.send(people, compose, "inbox")


def send_after_commit(people: Iterable[Any], compose: Message) -> None:
    language.send_after_commit(people, compose, "inbox")


def escalation_message(
    item: Any, actor_name: str, kind_label: str, reason: str, draft: str = ""
) -> tuple[str, str]:
    subject = _("Escalated to you: a comment on %(account)s") % {"account": item.account.name}
    lines = [
        _("%(actor)s has escalated a comment to you (%(kind)s).")
        % {"actor": actor_name, "kind": str(kind_label).lower()},
        "",
        _("Reason: %(reason)s") % {"reason": reason or "–"},
        "",
        _("The comment (personal data masked):"),
        item_excerpt(item),
        "",
        item_url(item),
    ]
    if draft:
        # The answer crisis mode held back, for the crisis team to use or rewrite.
        lines[-2:-2] = ["", _("Their draft answer (personal data masked):"), excerpt(draft)]
    return subject, "\n".join(lines)


# A digest lists this many items of each kind; the inbox shows the rest.
DIGEST_ITEMS = 25


def due_text(due: Any) -> str:
    # Month names follow the reader's language, so the date is written inside their override.
    return formats.date_format(timezone.localtime(due), "j. F Y \\k\\l. H:i")


def _digest_lines(entries: list[tuple[Any, Any]], more_text: str) -> list[str]:
    lines = []
    for item, due in entries[:DIGEST_ITEMS]:
        lines += [
            f"- {item.account.name} ({due_text(due)}): {item_excerpt(item)[:120]}",
            f"  {item_url(item)}",
        ]
    if len(entries) > DIGEST_ITEMS:
        lines.append(more_text % {"count": len(entries) - DIGEST_ITEMS})
    return lines


def reminder_digest(
    soon: list[tuple[Any, Any]], overdue: list[tuple[Any, Any]], told: list[tuple[Any, Any]]
) -> tuple[str, str]:
    """One e-mail for one person: the items of theirs whose deadline is near or has passed, and
    (`told`) the overdue items the guideline asks them to know of as a leader. Each entry is
    (item, the deadline); render it in the reader's language (`send`)."""
    count = len(soon) + len(overdue) + len(told)
    more = _("… and %(count)s more in the inbox.")
    if overdue or told:
        subject = ngettext(
            "Deadline passed: %(count)s comment to answer",
            "Deadlines passed: %(count)s comments to answer",
            count,
        ) % {"count": count}
    else:
        subject = ngettext(
            "Deadline soon: %(count)s comment to answer",
            "Deadline soon: %(count)s comments to answer",
            count,
        ) % {"count": count}
    lines: list[str] = []
    if overdue:
        lines += [
            _("These should have been answered and are still open:"),
            *_digest_lines(overdue, more),
            "",
        ]
    if soon:
        lines += [_("These must be answered soon:"), *_digest_lines(soon, more), ""]
    if told:
        lines += [
            _("Overdue on the accounts you answer for as a leader (the guideline asks that you know):"),
            *_digest_lines(told, more),
            "",
        ]
    lines.append(_("The comments are quoted with personal data masked."))
    return subject, "\n".join(lines)
