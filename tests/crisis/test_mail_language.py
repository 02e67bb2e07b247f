"""Crisis notices go to crisis management each in their own chosen language."""

from __future__ import annotations

from django.core import mail

from somevakt.crisis import services
from somevakt.tenants.language import remember
from somevakt.tenants.roles import Role
from tests.factories import make_member


def test_an_english_readers_crisis_notice_is_in_english_and_a_nynorsk_readers_in_nynorsk(
    municipality, top_unit, owner, crisis_lead, django_capture_on_commit_callbacks
):
    remember(crisis_lead, "en")
    other = make_member(
        municipality,
        "krise2",
        "Nils",
        "Nynorsk",
        [Role.CRISIS_TEAM],
        unit=top_unit,
        email="nils@provekommune.example",
    )
    remember(other, "nn")
    quiet = make_member(
        municipality,
        "krise3",
        "Berit",
        "Bokmål",
        [Role.CRISIS_TEAM],
        unit=top_unit,
        email="berit@provekommune.example",
    )
    with django_capture_on_commit_callbacks(execute=True):
        crisis = services.declare(municipality, owner, "Brann i rådhuset")
    by_address = {m.to[0]: m for m in mail.outbox}
    assert len(mail.outbox) == 3
    english = by_address["kari@provekommune.example"]
    assert english.subject == "Crisis mode declared in Prøvekommune"
    assert "Eva Eiersen has declared crisis mode: Brann i rådhuset" in english.body
    assert f"/provekommune/krise/{crisis.pk}/" in english.body
    assert by_address["nils@provekommune.example"].subject == "Krisemodus sett i Prøvekommune"
    assert by_address[quiet.email].subject == "Krisemodus satt i Prøvekommune"
    with django_capture_on_commit_callbacks(execute=True):
        services.end(crisis, owner)
    ended = {m.to[0]: m.subject for m in mail.outbox[3:]}
    assert ended["kari@provekommune.example"] == "Crisis mode ended in Prøvekommune"
    assert ended[quiet.email] == "Krisemodus avsluttet i Prøvekommune"
