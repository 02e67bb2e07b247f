"""A real OpenID Connect provider (npm's certified oidc-provider) on loopback, for the whole session,
with one well-behaved client and one per way an ID token must be refused (oidc/provider.mjs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.tenants.oidc import provider as oidc

SLUGS = ("provekommune", "nabokommune")
CLIENTS = {
    "good": "",
    "audience": "audience",
    "expired": "expired",
    "foreign_key": "foreign_key",
    "mfa": "mfa",
}
ACCOUNTS = {
    "kari-sub": {"email": "kari@provekommune.no", "email_verified": True, "name": "Kari Nordmann"},
    "ukjent-sub": {"email": "ukjent@provekommune.no", "email_verified": True, "name": "Ukjent Person"},
    "utenfor-sub": {"email": "kari@example.com", "email_verified": True, "name": "Kari fra et annet sted"},
}


@pytest.fixture(scope="session")
def identity_provider(live_server) -> Iterator[oidc.RunningProvider]:
    clients = [
        {
            "client_id": f"somevakt-{name}",
            "client_secret": oidc.SECRET,
            "redirect_uris": [f"{live_server.url}/logg-inn/sso/{slug}/svar/" for slug in SLUGS],
            **({"twist": twist} if twist else {}),
        }
        for name, twist in CLIENTS.items()
    ]
    running = oidc.start(clients, ACCOUNTS)
    yield running
    running.stop()
