"""The integrations' jobs, run by `somevakt worker`: the ingest loop and the periodic ones.

Imported by `IntegrationsConfig.ready()`, which is how they register (see somevakt.jobs).
"""

from __future__ import annotations

from datetime import timedelta

from somevakt.integrations.deliveries import drain, sweep_stored
from somevakt.integrations.identity_checks import check_profiles
from somevakt.integrations.mentions import fill_mention_texts
from somevakt.integrations.outbound import sweep_stuck
from somevakt.integrations.reconcile import reconcile_all
from somevakt.integrations.registry import platforms_where
from somevakt.integrations.retention import purge_deliveries
from somevakt.integrations.silence import check_silent_accounts
from somevakt.jobs.continuous import continuous
from somevakt.jobs.periodic import periodic


@continuous("integrations.ingest")
def ingest() -> int:
    # Fresh deliveries are taken as they come, not on a tick: triage is visible within a
    # second of the platform's call only if nothing waits in between.
    return drain()


@periodic("integrations.sweep_deliveries", every=timedelta(minutes=1))
def sweep_deliveries() -> None:
    sweep_stored()


@periodic("integrations.sweep_outbound", every=timedelta(minutes=5))
def sweep_outbound() -> None:
    sweep_stuck()


@periodic("integrations.poll_mastodon", every=timedelta(minutes=1))
def poll_mastodon() -> None:
    # Platforms that do not call us (Mastodon has no webhook for mentions): polling is how their
    # comments arrive at all.
    reconcile_all(platforms_where(lambda can: can.fetch_recent and not can.webhook))


@periodic("integrations.reconcile_meta", every=timedelta(minutes=15))
def reconcile_meta() -> None:
    # Platforms with a webhook (Meta's): catches what it missed; the inbox ignores what did arrive.
    reconcile_all(platforms_where(lambda can: can.fetch_recent and can.webhook))


@periodic("integrations.silent_accounts", every=timedelta(minutes=15))
def silent_accounts() -> None:
    check_silent_accounts()


@periodic("integrations.purge_deliveries", every=timedelta(hours=6))
def purge_old_deliveries() -> None:
    # Raw deliveries hold comment text and names: kept no longer than they are useful.
    purge_deliveries()


@periodic("integrations.mention_texts", every=timedelta(minutes=10))
def mention_texts() -> None:
    # Meta names the post a page was mentioned in, not always its words: read them.
    fill_mention_texts()


@periodic("integrations.identity_checks", every=timedelta(hours=6))
def identity_checks() -> None:
    # Each account's profile text is read once a week (registry.identity.INTERVAL); a new
    # account within six hours of becoming active.
    check_profiles()
