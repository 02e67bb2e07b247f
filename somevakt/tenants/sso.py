"""Single sign-on with the municipality's own identity provider over OpenID Connect.

Authlib's Django client does the protocol: the discovery document, the authorization code flow
with PKCE (S256), state and nonce kept in the session and used once, and the ID token's
signature (the provider's published keys), issuer, audience, expiry and nonce. Each municipality
has its own provider (`SignOn`), redirect address `/logg-inn/sso/<slug>/svar/` and client.

The provider says who someone is; somevakt decides whether they are anyone here. A person is
found by the subject stored at their first sign-in, or else by an e-mail address in one of the
municipality's own domains that belongs to exactly one of its members. Nobody else gets in,
and nothing is created for them: no account, no membership, no role.
"""

from __future__ import annotations

import logging
from typing import Any

import requests
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from joserfc.errors import JoseError

from somevakt.tenants import second_factor_views
from somevakt.tenants.identity import SignOn, SignOnIdentity
from somevakt.tenants.models import AuditAction, Municipality
from somevakt.tenants.signin import log as audit

logger = logging.getLogger(__name__)

NEXT = "sso.next"
TIMEOUT = 10  # seconds for each call to the provider: a hanging provider must not hang a worker


def sign_on_of(slug: str) -> SignOn:
    found = (
        SignOn.objects.select_related("municipality").filter(municipality__slug=slug, enabled=True).first()
    )
    if found is None:
        raise Http404
    return found


def client_for(sign_on: SignOn) -> Any:
    oauth = OAuth()
    return oauth.register(
        name=f"sso-{sign_on.municipality.slug}",
        client_id=sign_on.client_id,
        client_secret=sign_on.secret,
        server_metadata_url=sign_on.issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={
            "scope": "openid email profile",
            "code_challenge_method": "S256",
            "default_timeout": TIMEOUT,
        },
    )


def redirect_uri(municipality: Municipality) -> str:
    """The address to register at the provider (docs/security.md)."""
    return settings.SOMEVAKT_BASE_URL + reverse("sso_callback", args=[municipality.slug])


@never_cache
@require_GET
@login_not_required
def start(request: HttpRequest, municipality: str) -> HttpResponse:
    sign_on = sign_on_of(municipality)
    wanted = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure())
    request.session[NEXT] = wanted if wanted and safe else ""
    try:
        return client_for(sign_on).authorize_redirect(request, redirect_uri(sign_on.municipality))
    except (OAuthError, requests.RequestException, ValueError, KeyError) as exc:
        logger.warning("single sign-on for %s: the provider cannot be reached: %s", municipality, exc)
        return refused(request, sign_on, "unreachable", status=502)


@never_cache
@require_GET
@login_not_required
def callback(request: HttpRequest, municipality: str) -> HttpResponse:
    sign_on = sign_on_of(municipality)
    client = client_for(sign_on)
    try:
        token = client.authorize_access_token(
            request, claims_options={"iss": {"essential": True, "values": [sign_on.issuer]}}
        )
        claims = dict(token.get("userinfo") or {})
        if claims and not email_of(claims):
            claims = with_userinfo(client, token, claims)
    except OAuthError as exc:
        # A replayed or forged state, a refused consent, a code the provider will not exchange.
        return refused(request, sign_on, "protocol", detail=exc.error or "")
    except JoseError as exc:
        # The ID token: a bad signature, another audience or issuer, expired, a wrong nonce.
        return refused(request, sign_on, "token", detail=type(exc).__name__)
    except (requests.RequestException, ValueError, KeyError) as exc:
        logger.warning("single sign-on for %s failed: %s", municipality, exc)
        return refused(request, sign_on, "unreachable", status=502)
    if not claims:
        return refused(request, sign_on, "token", detail="no id_token")
    person, why = match(sign_on.municipality, claims)
    if person is None:
        return refused(request, sign_on, why, email=email_of(claims), status=403)
    details = {"method": "sso", "issuer": sign_on.issuer}
    idp_did_mfa = "mfa" in (claims.get("amr") or [])
    return second_factor_views.proceed(
        request,
        person,
        next_url=request.session.pop(NEXT, "") or settings.LOGIN_REDIRECT_URL,
        details=details,
        factor_done=idp_did_mfa,
    )


def with_userinfo(client: Any, token: dict[str, Any], claims: dict[str, Any]) -> dict[str, Any]:
    """The ID token's claims with the e-mail address from the userinfo endpoint, for a provider that
    puts only `sub` in the ID token (as the OpenID Connect core spec has it for the code flow)."""
    info = client.userinfo(token=token)
    if str(info.get("sub")) != str(claims.get("sub")):
        return claims  # another person's answer is no answer
    return {
        **claims,
        **{key: info[key] for key in ("email", "email_verified", "preferred_username") if key in info},
    }


def email_of(claims: dict[str, Any]) -> str:
    # Entra ID sends the address as `email` when configured, and always as `preferred_username`
    # (the UPN); Ansattporten sends `email`.
    for claim in ("email", "preferred_username", "upn"):
        value = str(claims.get(claim) or "").strip().lower()
        if "@" in value:
            return value[:254]
    return ""


def match(municipality: Municipality, claims: dict[str, Any]) -> tuple[Any, str]:
    """The member the claims are about, and why not when nobody is ("unknown", "ambiguous")."""
    subject = str(claims.get("sub") or "")[:255]
    if not subject:
        return None, "token"
    members = get_user_model().objects.filter(memberships__municipality=municipality, is_active=True)
    known = SignOnIdentity.objects.filter(municipality=municipality, subject=subject).first()
    if known is not None:
        return members.filter(pk=known.person_id).first(), "unknown"
    email = email_of(claims)
    domains = {str(domain).lower().lstrip("@") for domain in municipality.email_domains}
    if not email or email.rpartition("@")[2] not in domains or claims.get("email_verified") is False:
        return None, "unknown"
    found = list(members.filter(email__iexact=email)[:2])
    if len(found) != 1:
        return None, "ambiguous" if found else "unknown"
    try:
        with transaction.atomic():
            SignOnIdentity.objects.create(municipality=municipality, person=found[0], subject=subject)
    except IntegrityError:
        # The person is already known under another subject: the address moved, not the person.
        return None, "ambiguous"
    return found[0], ""


def refused(
    request: HttpRequest,
    sign_on: SignOn,
    why: str,
    *,
    detail: str = "",
    email: str = "",
    status: int = 400,
) -> HttpResponse:
    audit(
        AuditAction.SSO_REFUSED,
        request,
        label=email,
        subject=email,
        municipality=sign_on.municipality,
        after={"reason": why, **({"detail": detail[:200]} if detail else {})},
    )
    messages = {
        "unknown": _(
            "Your municipality's sign-in worked, but you are not registered in somevakt for %(name)s. "
            "Ask the municipality's somevakt administrator (IT) to add you with this e-mail address."
        ),
        "ambiguous": _(
            "Your municipality's sign-in worked, but somevakt cannot tell which of %(name)s's people "
            "you are. Ask the municipality's somevakt administrator (IT) to check your e-mail address."
        ),
        "unreachable": _("%(name)s's sign-in service does not answer right now. Try again in a while."),
    }
    message = messages.get(
        why, _("The sign-in with %(name)s did not succeed. Start again from the sign-in page.")
    ) % {"name": sign_on.municipality.name}
    return render(
        request,
        "registration/sso_refused.html",
        {"message": message, "email": email if why in ("unknown", "ambiguous") else ""},
        status=status,
    )
