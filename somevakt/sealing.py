"""Secrets sealed at rest with Fernet: the one mechanism for every stored credential.

The platform credentials (`integrations.credentials`) and the archive's Fiks IO settings use it,
each with its own purpose, so a value sealed for one can never be read as the other. The key
material is SOMEVAKT_CREDENTIALS_KEY when set (a Fernet key, or any passphrase), otherwise the
SECRET_KEY; rotating SECRET_KEY without setting SOMEVAKT_CREDENTIALS_KEY to the old value makes
what was sealed unreadable, and it must be set again. This module imports nothing from Django:
the caller passes its settings.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

KEY_SETTING = "SOMEVAKT_CREDENTIALS_KEY"


class Unreadable(Exception):
    """The sealed value was sealed with another key (or for another purpose)."""


def key_material(settings: Any) -> str:
    """SOMEVAKT_CREDENTIALS_KEY from the settings or the environment, else SECRET_KEY."""
    configured = getattr(settings, KEY_SETTING, None) or os.environ.get(KEY_SETTING, "").strip()
    return configured or settings.SECRET_KEY


@functools.lru_cache(maxsize=8)
def fernet_for(material: str, purpose: bytes) -> Fernet:
    # A stretched, purpose-bound key: the session signing key itself never encrypts anything.
    raw = hashlib.pbkdf2_hmac("sha256", material.encode(), purpose, 100_000)
    return Fernet(base64.urlsafe_b64encode(raw))


def seal(material: str, purpose: bytes, data: bytes) -> str:
    return fernet_for(material, purpose).encrypt(data).decode("ascii")


def unseal(material: str, purpose: bytes, sealed: str) -> bytes:
    try:
        return fernet_for(material, purpose).decrypt(sealed.encode("ascii"))
    except (InvalidToken, ValueError):
        raise Unreadable("the stored secret cannot be read with the current key; set it again") from None
