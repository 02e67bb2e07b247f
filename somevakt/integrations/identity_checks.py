"""The weekly identity check (issue 13): read each account's profile text from the platform and
let the registry say what it lacks (registry.identity). Where the platform does not show it to
somevakt, or the account has no credentials, nothing is read and the accounts page asks a
person to confirm it instead."""

from __future__ import annotations

import logging

from somevakt.inbox.ports import PlatformError
from somevakt.integrations.credentials import CredentialsUnreadable, adapter_of
from somevakt.registry import identity

log = logging.getLogger(__name__)


def check_profiles() -> int:
    """Check every account whose check is due; returns how many were read from the platform."""
    read = 0
    accounts = identity.due_accounts().exclude(sealed_credentials="").select_related("municipality")
    for account in accounts.iterator(chunk_size=200):
        try:
            text = adapter_of(account).profile_text()
        except NotImplementedError:
            continue
        except (PlatformError, CredentialsUnreadable) as exc:
            log.warning("identity check of account %s: %s", account.pk, exc)
            continue
        identity.record_check(account, text, identity.PLATFORM)
        read += 1
    return read
