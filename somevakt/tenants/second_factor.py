"""The second factor: a code from an authenticator app (TOTP, RFC 6238, with pyotp), or one of ten
single-use recovery codes.

Who must use one is the municipality's choice (`SecondFactorRule`: everyone, or the roles it
names); anyone may turn it on for themselves. A code is accepted once: the time step it was made
for is remembered with a conditional UPDATE, so two requests racing with the same code cannot both
pass. Recovery codes are kept as keyed hashes (HMAC with the SECRET_KEY), fast to check and
useless to whoever copies the database without the key.
"""

from __future__ import annotations

import secrets
import time

import pyotp
import segno
from django.db import transaction
from django.utils.crypto import constant_time_compare, salted_hmac

from somevakt.tenants.identity import TOTP_KEY, SecondFactor, SecondFactorRule, seal
from somevakt.tenants.models import Membership

ISSUER = "somevakt"
STEP = 30
RECOVERY_CODES = 10
# Recovery codes: 10 characters from an alphabet without look-alikes (about 50 bits each).
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_key() -> str:
    return pyotp.random_base32()


def qr_data_uri(person, key: str) -> str:
    """The key as an otpauth:// QR code an authenticator app scans (an SVG data URI, no script)."""
    uri = pyotp.TOTP(key).provisioning_uri(name=person.get_username(), issuer_name=ISSUER)
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def readable(key: str) -> str:
    """The key in groups of four, for typing it in by hand."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def factor_of(person) -> SecondFactor | None:
    return SecondFactor.objects.filter(person=person).first()


def required_for(person) -> bool:
    """Whether a municipality the person belongs to requires a second factor of them."""
    rules = SecondFactorRule.objects.filter(municipality__memberships__person=person).distinct()
    for rule in rules:
        if rule.everyone:
            return True
        held = Membership.objects.filter(
            person=person, municipality_id=rule.municipality_id, grants__role__in=rule.roles
        )
        if rule.roles and held.exists():
            return True
    return False


def _code_hash(code: str) -> str:
    return salted_hmac("somevakt.tenants.recovery_code", code.lower(), algorithm="sha256").hexdigest()


def _normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def new_recovery_codes() -> tuple[list[str], list[str]]:
    """Ten fresh codes as shown once to the person ("abcde-fghjk"), and their hashes to store."""
    shown = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(ALPHABET) for _ in range(10))
        shown.append(f"{raw[:5]}-{raw[5:]}")
    return shown, [_code_hash(_normalise(code)) for code in shown]


def code_matches_key(key: str, code: str, now: float | None = None) -> int | None:
    """The time step `code` is valid for under `key` (this step or one either side), or None."""
    code = _normalise(code)
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(key)
    current = int((now if now is not None else time.time()) // STEP)
    for step in (current, current - 1, current + 1):
        if constant_time_compare(totp.at(step * STEP), code):
            return step
    return None


@transaction.atomic
def turn_on(person, key: str) -> list[str]:
    """Store the person's confirmed key; returns the recovery codes to show them once."""
    shown, hashes = new_recovery_codes()
    SecondFactor.objects.update_or_create(
        person=person, defaults={"sealed_key": seal(TOTP_KEY, key), "recovery_codes": hashes, "last_step": 0}
    )
    return shown


def renew_recovery_codes(factor: SecondFactor) -> list[str]:
    shown, hashes = new_recovery_codes()
    SecondFactor.objects.filter(pk=factor.pk).update(recovery_codes=hashes)
    return shown


def verify(factor: SecondFactor, code: str) -> str | None:
    """ "totp" or "recovery_code" when `code` is good (and now used up), else None."""
    step = code_matches_key(factor.key, code)
    if step is not None:
        # Accepted only if no code of this step or a later one was accepted before.
        used = SecondFactor.objects.filter(pk=factor.pk, last_step__lt=step).update(last_step=step)
        return "totp" if used else None
    wanted = _code_hash(_normalise(code))
    with transaction.atomic():
        locked = SecondFactor.objects.select_for_update().get(pk=factor.pk)
        for stored in locked.recovery_codes:
            if constant_time_compare(stored, wanted):
                locked.recovery_codes = [other for other in locked.recovery_codes if other != stored]
                locked.save(update_fields=["recovery_codes"])
                return "recovery_code"
    return None
