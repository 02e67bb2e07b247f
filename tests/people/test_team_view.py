"""A leader's view of their staff and this year's guideline: works for leaders, 403 for others,
404 for outsiders."""

from __future__ import annotations

from django.urls import reverse

from somevakt.policy.packs import load_pack
from tests.people.conftest import read_and_confirm


def url(slug: str = "provekommune") -> str:
    return reverse("people:team", kwargs={"municipality": slug})


def test_it_shows_who_has_and_has_not_confirmed(headteacher_client, teacher, member, municipality) -> None:
    page = headteacher_client.get(url()).content.decode()
    assert "Lars Lærer" in page
    assert "Mona Medlem" not in page  # not in the school
    assert "ikke ennå" in page
    read_and_confirm(teacher, municipality, load_pack("gausdal"))
    page = headteacher_client.get(url()).content.decode()
    assert "ikke ennå" not in page
    assert "Gjennomgått med Lars Lærer" in page  # the button to record the review


def test_it_requires_leading_a_unit(member_client) -> None:
    assert member_client.get(url()).status_code == 403


def test_it_gives_outsiders_404(outsider_client, municipality) -> None:
    assert outsider_client.get(url()).status_code == 404
