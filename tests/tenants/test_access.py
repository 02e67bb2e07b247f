import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from somevakt.tenants.access import has_role, member_required
from somevakt.tenants.roles import Role


@member_required
def any_member(request, municipality):
    return HttpResponse(municipality.name)


@member_required(roles=[Role.COMMUNICATIONS])
def communications_only(request, municipality):
    return HttpResponse("ok")


def call(view, person, slug):
    request = RequestFactory().get("/")
    request.user = person
    return view(request, municipality=slug), request


def test_it_gives_a_member_the_municipality(member, municipality):
    response, request = call(any_member, member, municipality.slug)
    assert response.content.decode() == municipality.name
    assert request.municipality == municipality and request.membership.person == member


def test_it_gives_an_outsider_404(outsider, municipality):
    with pytest.raises(Http404):
        call(any_member, outsider, municipality.slug)


def test_it_gives_404_for_a_municipality_that_does_not_exist(member):
    with pytest.raises(Http404):
        call(any_member, member, "finnes-ikke")


def test_it_gives_an_anonymous_visitor_404(municipality):
    with pytest.raises(Http404):
        call(any_member, AnonymousUser(), municipality.slug)


def test_it_requires_the_role(owner, member, municipality):
    assert call(communications_only, owner, municipality.slug)[0].status_code == 200
    with pytest.raises(PermissionDenied):
        call(communications_only, member, municipality.slug)


def test_it_still_gives_an_outsider_with_the_role_404(outsider, municipality):
    with pytest.raises(Http404):
        call(communications_only, outsider, municipality.slug)


def test_it_tells_whether_the_request_has_a_role(owner, municipality):
    _response, request = call(any_member, owner, municipality.slug)
    assert has_role(request, Role.CHIEF_EXECUTIVE)
    assert not has_role(request, Role.IT)
    assert not has_role(RequestFactory().get("/"), Role.IT)


def test_it_rejects_an_unknown_role_when_decorating():
    with pytest.raises(ValueError):
        member_required(roles=["king"])
