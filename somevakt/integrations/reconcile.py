"""Reconciling with the platform: fetch recent comments and ingest what the webhook missed.

For Mastodon this is how comments arrive at all (polling). For Facebook and Instagram it
catches deliveries Meta never made or we never got. The inbox is idempotent per (account,
platform id), so a comment that did arrive changes nothing.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from somevakt.inbox.ingest import receive_many
from somevakt.inbox.ports import PlatformError
from somevakt.integrations.credentials import CredentialsUnreadable, adapter_of
from somevakt.registry.models import Account, AccountState

log = logging.getLogger(__name__)

# How far back a first reconciliation looks, and how much overlap later ones keep.
FIRST_LOOK_BACK = timedelta(days=2)
OVERLAP = timedelta(hours=1)


def reconcilable(platforms: tuple[str, ...]) -> list[Account]:
    accounts = Account.objects.filter(
        state__in=(AccountState.ACTIVE, AccountState.CLOSED_TEMPORARILY), platform__in=platforms
    )
    return [account for account in accounts if account.has_credentials]


def reconcile(account_id: int) -> int:
    """Fetch and ingest one account's recent comments; returns how many were new."""
    account = Account.objects.get(pk=account_id)
    adapter = adapter_of(account)
    if not adapter.capabilities.fetch_recent:
        return 0
    adapter.cursor = account.fetch_cursor
    started = timezone.now()
    since = (account.reconciled_at - OVERLAP) if account.reconciled_at else started - FIRST_LOOK_BACK
    comments = adapter.fetch_recent(since=since)
    with transaction.atomic():
        new = sum(received.created for received in receive_many([(account, c, None) for c in comments]))
        fields = {"reconciled_at": started, "fetch_cursor": adapter.cursor}
        if comments:
            fields["last_delivery_at"] = started
        Account.objects.filter(pk=account.pk).update(**fields)
    if new:
        log.info("reconcile: account %s had %s comments the webhook had not brought", account.pk, new)
    return new


def reconcile_all(platforms: tuple[str, ...]) -> dict[int, int | str]:
    """Every account with credentials on `platforms`; an error for one does not stop the others."""
    results: dict[int, int | str] = {}
    for account in reconcilable(platforms):
        try:
            results[account.pk] = reconcile(account.pk)
        except (PlatformError, CredentialsUnreadable) as exc:
            log.warning("reconcile: account %s: %s", account.pk, exc)
            results[account.pk] = f"error: {exc}"
    return results
