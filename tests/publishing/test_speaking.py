"""Publishing follows the pack's rule on who speaks for the municipality (`roles.speaking`), the
same decision replies get: under Båtsfjord only an account's administrators publish from it, so
a communications adviser who does not run the page is refused with the clause and the reason
in their language, through the real composer, and nothing is saved."""

from __future__ import annotations

from django.urls import reverse

from somevakt.publishing import rules
from somevakt.publishing.models import Post
from somevakt.tenants.models import Membership
from tests.factories import logged_in
from tests.publishing.conftest import NEWS
from tests.staff import adviser as adviser  # the fixture


def new_post(municipality) -> str:
    return reverse("publishing:new", kwargs={"municipality": municipality.slug})


def test_it_refuses_a_post_from_someone_who_does_not_run_the_account(batsfjord, facebook, adviser, website):
    client = logged_in(adviser)
    form = {
        "text": "Biblioteket holder åpent til kl. 20 i hele mars.",
        "accounts": [facebook.pk],
        "link": NEWS,
    }
    membership = Membership.objects.get(person=adviser, municipality=batsfjord)
    assert facebook not in rules.publishable_accounts(membership)
    response = client.post(new_post(batsfjord), form)
    assert response.status_code == 403
    page = response.content.decode()
    assert "batsfjord:4.3-virksomhetsleder" in page
    assert "Bare kontoens administratorer uttaler seg for Båtsfjord kommune" in page
    assert "Biblioteket holder åpent til kl. 20 i hele mars." in page  # shown again, not lost
    assert not Post.objects.exists()
    client.post(reverse("set_language"), {"language": "nn"})
    assert (
        "Berre administratorane av kontoen uttaler seg"
        in client.post(new_post(batsfjord), form).content.decode()
    )

    facebook.admins.add(adviser)
    assert facebook in rules.publishable_accounts(membership)
    assert client.post(new_post(batsfjord), form).status_code == 302
    assert Post.objects.get().targets.get().account == facebook
