"""The demo loader's publishing step: per municipality a few photo consents (one withdrawn), a
picture of a school class linked to its consent, a draft that the check holds (the picture of
pupils and no website link, where the guideline asks) and a post already out on Facebook.

Runs after the registry's step. Idempotent: the consents, the picture and the posts are found by
their natural keys (name; the picture's original name; the post's text), so a reload adds nothing.
The post already out is recorded as the platform would have answered it, and the demo's fake
platforms are seeded with it (somevakt/demo/fake_platforms.py); its permalink points at nothing
real.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from somevakt.inbox.deadlines import pack_of
from somevakt.publishing import services
from somevakt.publishing.models import Consent, MediaAsset, Post, PostState, PostTarget, TargetState, Use
from somevakt.registry.models import Account

PICTURE_NAME = "demo-skidag.jpg"
DRAFT = "Se de flotte elevene fra 5B på skidagen i dag! Takk til alle foreldrene som stilte opp."
PUBLISHED = "Biblioteket har nye åpningstider fra 1. september: åpent til klokka 20 tirsdag og torsdag."


def picture_bytes() -> bytes:
    """A small picture drawn on the spot, so the demo ships no photograph of anyone."""
    image = Image.new("RGB", (480, 320), (198, 226, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 220, 480, 320), fill=(250, 250, 250))
    for x in range(60, 460, 80):
        draw.ellipse((x, 150, x + 30, 180), fill=(200, 60, 60))
        draw.rectangle((x + 8, 180, x + 22, 230), fill=(40, 70, 140))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


@transaction.atomic
def load(context: Any) -> None:
    made = 0
    for slug, municipality in context.municipalities.items():
        adviser = context.people.get(f"{slug}.kommunikasjon")
        if adviser is None:
            continue
        consents = _consents(municipality, adviser)
        asset = _picture(municipality, adviser, consents["class"])
        accounts = list(
            Account.objects.filter(municipality=municipality, state="active").order_by("platform", "pk")
        )
        facebook = next((a for a in accounts if a.platform == "facebook"), None)
        if facebook is None:
            continue
        made += _draft(municipality, adviser, facebook, asset)
        made += _published(municipality, adviser, facebook)
    context.log(f"Demo publishing: {made} new posts")


def _consents(municipality: Any, adviser: Any) -> dict[str, Consent]:
    today = timezone.localdate()
    wanted = {
        "class": dict(
            subject=Consent.Subject.GROUP,
            name="5B ved skolen, skoleåret 2026/27",
            pictures="Bilder fra skidager og turer",
            uses=[Use.SOCIAL_MEDIA, Use.WEBSITE],
            valid_from=today - dt.timedelta(days=60),
            valid_until=today + dt.timedelta(days=300),
            given_by=Consent.GivenBy.GUARDIAN,
            guardian_name="Foreldrene i 5B",
        ),
        "colleague": dict(
            subject=Consent.Subject.PERSON,
            name="Kari Nordmann (helsesykepleier)",
            pictures="Portrett til nettsiden og sosiale medier",
            uses=[Use.SOCIAL_MEDIA, Use.WEBSITE, Use.PRINT],
            valid_from=today - dt.timedelta(days=200),
            valid_until=None,
            given_by=Consent.GivenBy.PERSON,
        ),
        "withdrawn": dict(
            subject=Consent.Subject.PERSON,
            name="Ola Hansen (pasient)",
            pictures="Bilde fra sykehjemmets sommerfest",
            uses=[Use.PRINT],
            valid_from=today - dt.timedelta(days=400),
            valid_until=None,
            given_by=Consent.GivenBy.PERSON,
        ),
    }
    found = {}
    for key, fields in wanted.items():
        consent = Consent.objects.filter(municipality=municipality, name=fields["name"]).first()
        if consent is None:
            consent = services.register_consent(municipality, adviser, **fields)
            if key == "withdrawn":
                services.withdraw_consent(
                    municipality, consent.pk, adviser, "Trukket muntlig, bekreftet skriftlig"
                )
        found[key] = consent
    return found


def _picture(municipality: Any, adviser: Any, consent: Consent) -> MediaAsset:
    asset = MediaAsset.objects.filter(municipality=municipality, original_name=PICTURE_NAME).first()
    if asset is not None:
        return asset
    data = services.AssetInput(
        alt_text="Fem elever i røde luer står på ski foran skolen.",
        shows_people=True,
        group="5B",
        consents=[],  # the draft shows what the check says without it; link the consent to publish
        shows_pupils=True,
        photographer="Lærer i 5B",
        photographer_permission=True,
    )
    return services.add_asset(municipality, adviser, picture_bytes(), PICTURE_NAME, data)


def _draft(municipality: Any, adviser: Any, account: Account, asset: MediaAsset) -> int:
    if Post.objects.filter(municipality=municipality, text=DRAFT).exists():
        return 0
    data = services.DraftInput(text=DRAFT, accounts=[account], media=[asset])
    services.save_draft(municipality, adviser, data)
    return 1


def _published(municipality: Any, adviser: Any, account: Account) -> int:
    if Post.objects.filter(municipality=municipality, text=PUBLISHED).exists():
        return 0
    website = pack_of(municipality).municipality.website.rstrip("/")
    data = services.DraftInput(text=PUBLISHED, accounts=[account], media=[], link=f"{website}/bibliotek")
    post = services.save_draft(municipality, adviser, data)
    at = timezone.now() - dt.timedelta(days=2)
    platform_id = f"{account.external_id}_demo{post.pk}"
    PostTarget.objects.filter(post=post).update(
        state=TargetState.DONE,
        platform_id=platform_id,
        permalink=f"https://www.facebook.com/{account.external_id}/posts/demo{post.pk}",
        published_at=at,
    )
    Post.objects.filter(pk=post.pk).update(state=PostState.PUBLISHED, publish_at=at, scheduled_by=adviser)
    services.event(post, "published", "demo", account=account.pk, platform_id=platform_id)
    return 1
