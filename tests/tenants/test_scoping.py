import pytest
from django.http import Http404
from django.test import RequestFactory

from somevakt.tenants.models import Membership, Unit
from somevakt.tenants.scoping import for_municipality, get_or_404, memberships_of, municipalities_of


def test_it_limits_a_query_to_one_municipality(unit, other_municipality):
    Unit.objects.create(municipality=other_municipality, name="Annen", slug="annen")
    found = for_municipality(Unit.objects.all(), unit.municipality)
    assert {u.municipality_id for u in found} == {unit.municipality_id}
    assert found.count() == 2


def test_it_limits_a_query_to_the_requests_municipality(unit):
    request = RequestFactory().get("/")
    request.municipality = unit.municipality
    assert list(for_municipality(Unit.objects.filter(slug="oppvekst"), request)) == [unit]


def test_it_follows_a_path_to_the_municipality(owner, outsider, municipality):
    found = for_municipality(Membership.objects.all(), municipality, field="unit__municipality")
    assert [m.person for m in found] == [owner]


def test_it_gives_404_for_a_row_of_another_municipality(unit, other_municipality):
    with pytest.raises(Http404):
        get_or_404(Unit.objects.all(), other_municipality, pk=unit.pk)
    assert get_or_404(Unit.objects.all(), unit.municipality, pk=unit.pk) == unit


def test_it_refuses_a_request_that_has_no_municipality(db):
    with pytest.raises(RuntimeError, match="member_required"):
        for_municipality(Unit.objects.all(), RequestFactory().get("/"))


def test_it_lists_only_the_persons_own_municipalities(member, outsider, municipality):
    assert list(municipalities_of(member)) == [municipality]
    assert [m.municipality for m in memberships_of(outsider)] != [municipality]
