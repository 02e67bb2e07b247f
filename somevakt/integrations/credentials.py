"""Account credentials, encrypted at rest with Fernet, and the adapter they open.

The key is SOMEVAKT_CREDENTIALS_KEY when set (a Fernet key, or any passphrase), otherwise it is
derived from SECRET_KEY. Rotating SECRET_KEY without setting SOMEVAKT_CREDENTIALS_KEY to the old
value makes stored credentials unreadable; they must then be set again. The sealing itself is
`somevakt.sealing`, which the archive's Fiks IO settings use too, each for its own purpose.
"""

from __future__ import annotations

import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

from somevakt import sealing
from somevakt.integrations.base import Adapter, Credentials
from somevakt.integrations.conf import setting
from somevakt.integrations.registry import adapter_for
from somevakt.registry.models import Account


class CredentialsUnreadable(Exception):
    """The stored credentials were sealed with another key."""


# The purpose names the module's first home; changing it would make every stored token unreadable.
PURPOSE = b"somevakt.registry.credentials"


def fernet() -> Fernet:
    return sealing.fernet_for(setting("SOMEVAKT_CREDENTIALS_KEY") or settings.SECRET_KEY, PURPOSE)


def seal(credentials: Credentials) -> str:
    payload = json.dumps({"token": credentials.token, "base_url": credentials.base_url}).encode()
    return fernet().encrypt(payload).decode("ascii")


def unseal(sealed: str) -> Credentials:
    if not sealed:
        return Credentials()
    try:
        data = json.loads(fernet().decrypt(sealed.encode("ascii")))
    except (InvalidToken, ValueError):
        raise CredentialsUnreadable(
            "the stored credentials cannot be read with the current key; set them again"
        ) from None
    return Credentials(token=data.get("token", ""), base_url=data.get("base_url", ""))


def set_credentials(account: Account, credentials: Credentials) -> None:
    account.sealed_credentials = seal(credentials) if (credentials.token or credentials.base_url) else ""
    account.save(update_fields=["sealed_credentials"])


def credentials_of(account: Account) -> Credentials:
    return unseal(account.sealed_credentials)


def adapter_of(account: Account) -> Adapter:
    return adapter_for(account.platform, account.external_id, credentials_of(account))
