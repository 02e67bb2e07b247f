"""Publishing fixtures on top of the base fixture: the municipality under Båtsfjord's pack (photo
consent, website first, the photographer's permission), its accounts on the three platforms
connected to the fake platforms, a fake website, and pictures made with Pillow."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from PIL import Image

from somevakt.integrations.base import Credentials
from somevakt.integrations.credentials import set_credentials
from somevakt.integrations.fakes.graph import DEFAULT_TOKEN as GRAPH_TOKEN
from somevakt.integrations.fakes.graph import FakeGraph
from somevakt.integrations.fakes.mastodon import DEFAULT_TOKEN as MASTODON_TOKEN
from somevakt.integrations.fakes.mastodon import FakeMastodon
from somevakt.integrations.fakes.website import FakeWebsite
from somevakt.publishing import check
from somevakt.publishing.models import Use
from somevakt.publishing.services import AssetInput, add_asset, register_consent
from tests.factories import logged_in, make_account

PAGE = "111222333"
INSTAGRAM = "17841400000000999"
MASTODON = "110000000000000202"
WEBSITE = "www.batsfjord.kommune.no"
NEWS = f"http://{WEBSITE}/nyheter/bibliotek"


def jpeg(*, gps: bool = False, size: tuple[int, int] = (64, 48)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Kamera AS"  # Make
    if gps:
        exif[0x8825] = {1: "N", 2: (70.0, 38.0, 1.5), 3: "E", 4: (29.0, 43.0, 12.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def fetch_with(client: Client):
    """Instagram fetches our picture links; here through Django's test client, our real server."""

    def fetch(url: str) -> tuple[int, str, bytes]:
        parts = urlsplit(url)
        response = client.get(f"{parts.path}?{parts.query}" if parts.query else parts.path)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, response.get("Content-Type", ""), content

    return fetch


@pytest.fixture(autouse=True)
def quick(settings):
    settings.PLATFORM_RETRY_BACKOFF = 0.0
    settings.SOMEVAKT_BASE_URL = "http://testserver"
    check.forget_links()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def batsfjord(municipality):
    municipality.policy_pack = "batsfjord"
    municipality.save()
    return municipality


@pytest.fixture
def graph():
    with FakeGraph(fetch=fetch_with(Client())) as fake:
        fake.add_page(PAGE)
        fake.add_instagram_account(INSTAGRAM)
        yield fake


@pytest.fixture
def mastodon():
    with FakeMastodon() as fake:
        yield fake


@pytest.fixture
def website(settings):
    with FakeWebsite() as fake:
        fake.page(WEBSITE, "/nyheter/bibliotek")
        settings.LINK_CHECK_PROXY = fake.url
        yield fake


@pytest.fixture
def facebook(batsfjord, graph, owner):
    account = make_account(batsfjord, platform="facebook", external_id=PAGE, name="Båtsfjord kommune")
    # Under Båtsfjord only an account's administrators speak for the municipality from it.
    account.admins.add(owner)
    set_credentials(account, Credentials(token=GRAPH_TOKEN, base_url=graph.url))
    return account


@pytest.fixture
def instagram(batsfjord, graph, owner):
    account = make_account(batsfjord, platform="instagram", external_id=INSTAGRAM, name="batsfjordkommune")
    account.admins.add(owner)
    set_credentials(account, Credentials(token=GRAPH_TOKEN, base_url=graph.url))
    return account


@pytest.fixture
def mastodon_account(batsfjord, mastodon, owner):
    account = make_account(batsfjord, platform="mastodon", external_id=MASTODON, name="@batsfjord")
    account.admins.add(owner)
    set_credentials(account, Credentials(token=MASTODON_TOKEN, base_url=mastodon.url))
    return account


def consent_for(municipality, owner, name: str = "5B ved Båtsfjord skole, 2026", **fields):
    values = {
        "subject": "group",
        "name": name,
        "pictures": "Bilder fra skidagen",
        "uses": [Use.SOCIAL_MEDIA, Use.WEBSITE],
        "valid_from": timezone.localdate() - dt.timedelta(days=30),
        "valid_until": timezone.localdate() + dt.timedelta(days=300),
        "given_by": "guardian",
        **fields,
    }
    return register_consent(municipality, owner, **values)


def picture(municipality, owner, *, consents=(), shows_people=True, **fields):
    values = {
        "alt_text": "Elever i 5B står på ski i bakken ved skolen.",
        "shows_people": shows_people,
        "group": "5B" if shows_people else "",
        "consents": list(consents),
        "shows_pupils": shows_people,
        "photographer": "Ola Fotograf",
        "photographer_permission": True,
        **fields,
    }
    data = AssetInput(**values)
    return add_asset(municipality, owner, jpeg(gps=True), "skidag.jpg", data)


def crisis_page(person, municipality, language="nb"):
    """The crisis page as `person` reads it in `language`."""
    client = logged_in(person)
    client.cookies["somevakt_language"] = language
    return client.get(f"/{municipality.slug}/krise/").content.decode()
