"""The demo's publishing step: consents, a picture, a draft the check holds and a published post
per municipality; loading twice changes nothing."""

from __future__ import annotations

from types import SimpleNamespace

from somevakt.publishing import demo, services
from somevakt.publishing.models import Consent, MediaAsset, Post, PostState
from somevakt.tenants.roles import Role
from tests.factories import make_account, make_member


def test_it_loads_the_demo_once(batsfjord, settings, tmp_path):
    adviser = make_member(batsfjord, "batsfjord.kommunikasjon", "Kari", "Rådgiver", [Role.COMMUNICATIONS])
    make_account(batsfjord)
    context = SimpleNamespace(
        municipalities={"batsfjord": batsfjord},
        people={"batsfjord.kommunikasjon": adviser},
        log=lambda _: None,
    )
    demo.load(context)
    first = (Consent.objects.count(), MediaAsset.objects.count(), Post.objects.count())
    demo.load(context)
    assert (Consent.objects.count(), MediaAsset.objects.count(), Post.objects.count()) == first == (3, 1, 2)
    assert Consent.objects.filter(withdrawn_at__isnull=False).count() == 1
    draft = Post.objects.get(state=PostState.DRAFT)
    found = services.run_check(draft, adviser)
    assert found.verdict == "block" and "post.consent_missing" in found.decision.codes
    published = Post.objects.get(state=PostState.PUBLISHED)
    assert published.targets.get().permalink
    assert published.link.startswith("https://www.batsfjord.kommune.no/")
