"""E-mail to people about items: escalations and deadline reminders (Django's e-mail framework).

Messages are in bokmål and quote the comment with personal data masked: an e-mail is a
copy outside somevakt, so it carries no fødselsnummer, account number or phone number.
A person without an e-mail address is skipped (and logged); a failing mail server is
logged and never undoes the action that caused the message.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from somevakt.analysis.masking import mask

log = logging.getLogger(__name__)

EXCERPT_CHARS = 300


def item_url(item: Any) -> str:
    path = reverse("inbox:item", kwargs={"municipality": item.municipality.slug, "item_id": item.pk})
    return settings.SOMEVAKT_BASE_URL.rstrip("/") + path


def excerpt(text: str) -> str:
    short = text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"
    return mask(short)


def send(people: Iterable[Any], subject: str, body: str) -> list[str]:
    """Send now; returns the addresses it went to."""
    addresses = sorted({p.email for p in people if p is not None and p.email})
    skipped = [p.pk for p in people if p is not None and not p.email]
    if skipped:
        log.info("inbox: no e-mail address for people %s; not notified", skipped)
    sent = []
    for address in addresses:
        try:
            send_mail(subject, body, None, [address])
            sent.append(address)
        except Exception as exc:
            # The action that caused the message stands; the mail server's trouble is logged.
            log.warning("inbox: e-mail to a recipient failed: %s: %s", type(exc).__name__, exc)
    return sent


def send_after_commit(people: Iterable[Any], subject: str, body: str) -> None:
    people = list(people)
    transaction.on_commit(lambda: send(people, subject, body))


def escalation_message(item: Any, actor_name: str, target_label: str, reason: str) -> tuple[str, str]:
    with translation.override("nb"):
        subject = _("Escalated to you: a comment on %(account)s") % {"account": item.account.name}
        lines = [
            _("%(actor)s has escalated a comment to %(target)s.")
            % {"actor": actor_name, "target": target_label},
            "",
            _("Reason: %(reason)s") % {"reason": reason or "–"},
            "",
            _("The comment (personal data masked):"),
            excerpt(item.text),
            "",
            item_url(item),
        ]
    return subject, "\n".join(lines)


def reminder_message(item: Any, stage: str, due_text: str) -> tuple[str, str]:
    with translation.override("nb"):
        if stage == "before":
            subject = _("Deadline soon: a comment on %(account)s") % {"account": item.account.name}
            first = _("A comment must be answered by %(due)s.") % {"due": due_text}
        else:
            subject = _("Deadline passed: a comment on %(account)s") % {"account": item.account.name}
            first = _("A comment should have been answered by %(due)s and is still open.") % {"due": due_text}
        lines = [first, "", _("The comment (personal data masked):"), excerpt(item.text), "", item_url(item)]
    return subject, "\n".join(lines)
