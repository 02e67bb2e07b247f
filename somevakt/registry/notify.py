"""E-mail about accounts: a plan waiting for approval, the decision on it, a new account.

The same path as the inbox's messages (Django's e-mail framework, sent after the transaction
commits, each in the reader's language: `tenants.language`, bokmål when they never chose);
a person without an e-mail address is skipped, and a failing mail server is logged and never
undoes the change that caused the message.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from somevakt.tenants import language
from somevakt.tenants.language import Message
from somevakt.tenants.roles import Role


def account_url(account: Any) -> str:
    path = reverse(
        "registry:detail", kwargs={"municipality": account.municipality.slug, "account_id": account.pk}
    )
    return settings.SOMEVAKT_BASE_URL.rstrip("/") + path


def send(people: Iterable[Any], compose: Message) -> list[str]:
    return language.send(people, compose, "registry")


def send_after_commit(people: Iterable[Any], compose: Message) -> None:
    language.send_after_commit(people, compose, "registry")


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
