"""E-mail about accounts: a plan waiting for approval, the decision on it, a new account.

The same path as the inbox's messages (Django's e-mail framework, sent after the transaction
commits, each in the reader's language: `tenants.language`, bokmål when they never chose);
a person without an e-mail address is skipped, and a failing mail server is logged and never
undoes the change that caused the message.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from somevakt.tenants.language import Message, rendered
from somevakt.tenants.roles import Role

log = logging.getLogger(__name__)


def account_url(account: Any) -> str:
    path = reverse(
        "registry:detail", kwargs={"municipality": account.municipality.slug, "account_id": account.pk}
    )
    return settings.SOMEVAKT_BASE_URL.rstrip("/") + path


def _deliver(letters: list[tuple[list[Any], str, str]]) -> list[str]:
    sent = []
    done: set[str] = set()
    for people, subject, body in letters:
        skipped = [p.pk for p in people if not p.email]
        if skipped:
            log.info("registry: no e-mail address for people %s; not notified", skipped)
        for address in sorted({p.email for p in people if p.email} - done):
            done.add(address)
            try:
                send_mail(subject, body, None, [address])
                sent.append(address)
            except Exception as exc:
                log.warning("registry: e-mail to a recipient failed: %s: %s", type(exc).__name__, exc)
    return sent


def send(people: Iterable[Any], compose: Message) -> list[str]:
    return _deliver(rendered(people, compose))


def send_after_commit(people: Iterable[Any], compose: Message) -> None:
    people = [p for p in people if p is not None]
    if people:
        letters = rendered(people, compose)
        transaction.on_commit(lambda: _deliver(letters))


def plan_submitted_message(account: Any, actor_name: str) -> tuple[str, str]:
    subject = _("A plan for %(account)s is waiting for your approval") % {"account": account.name}
    body = [
        _("%(actor)s has sent the plan for the official account %(account)s (%(platform)s) for approval.")
        % {"actor": actor_name, "account": account.name, "platform": account.get_platform_display()},
        "",
        _("Read the plan, then approve or reject it with a comment:"),
        account_url(account),
    ]
    return subject, "\n".join(body)


def plan_decided_message(account: Any, actor_name: str, approved: bool, comment: str) -> tuple[str, str]:
    if approved:
        subject = _("The plan for %(account)s is approved") % {"account": account.name}
    else:
        subject = _("The plan for %(account)s is rejected") % {"account": account.name}
    body = [
        _("Decided by %(actor)s.") % {"actor": actor_name},
        _("Comment: %(comment)s") % {"comment": comment},
        "",
        account_url(account),
    ]
    return subject, "\n".join(body)


def account_activated_message(account: Any, actor_name: str, role: str) -> tuple[str, str]:
    subject = _("New official account: %(account)s") % {"account": account.name}
    responsible = account.responsible
    body = [
        _("%(actor)s has activated the official account %(account)s (%(platform)s).")
        % {"actor": actor_name, "account": account.name, "platform": account.get_platform_display()},
        _("Responsible person: %(name)s")
        % {"name": (responsible.get_full_name() or responsible.get_username()) if responsible else "–"},
        _("You are told because the guideline asks that %(role)s is notified of new accounts.")
        % {"role": str(Role(role).label).lower()},
        "",
        account_url(account),
    ]
    return subject, "\n".join(body)
