"""The Guidelines page: every member sees their municipality's pack, clause by clause; outsiders get 404."""

from __future__ import annotations

import re

import pytest
from django.shortcuts import render
from django.urls import reverse

from somevakt.guidelines.views import page_context
from somevakt.policy.packs import guidelines_dir, load_pack


def url(slug: str = "provekommune") -> str:
    return reverse("guidelines:index", kwargs={"municipality": slug})


def test_it_is_where_the_inbox_links_clauses_to() -> None:
    assert url() == "/provekommune/retningslinjer/"


def test_it_shows_every_member_the_pack_with_an_anchor_per_clause(member_client) -> None:
    response = member_client.get(url())
    assert response.status_code == 200
    page = response.content.decode()
    pack = load_pack("gausdal")
    anchors = re.findall(r'<li class="sv-clause" id="([^"]+)"', page)
    assert anchors == [c.id for c in sorted(pack.clauses, key=lambda c: _topic_order(c.topic))]
    assert pack.guideline.title in page
    assert pack.revision in page
    assert "29. mars 2011" in page


def _topic_order(topic: str) -> int:
    from somevakt.policy.codes import TOPICS

    return TOPICS.index(topic)


def test_it_groups_clauses_under_their_topic(member_client) -> None:
    page = member_client.get(url()).content.decode()
    private_use = page.index('id="tema-private_use"')
    yearly = page.find('id="tema-yearly_review"')
    assert "Ansattes private bruk" in page[private_use - 200 : private_use + 200]
    assert yearly == -1  # Gausdal's guideline has no yearly review: no empty heading
    assert page.index('id="gausdal:bruk-2"') > private_use


def test_it_shows_how_each_clause_is_honoured_and_its_source_lines(member_client) -> None:
    page = member_client.get(url()).content.decode()
    clause = _clause_html(page, "gausdal:bruk-2")
    assert "håndheves" in clause
    assert "ikke bygget ennå" not in clause
    assert "<cite>Retningslinjer for bruk av sosiale medier</cite>, linje 18" in clause
    assert ".txt" not in clause  # the file name is for administrators
    in_self_check = _clause_html(page, "gausdal:bruk-1")
    assert "veiledning" in in_self_check
    assert "ikke bygget ennå" not in in_self_check
    assert reverse("people:self_check", kwargs={"municipality": "provekommune"}) in in_self_check
    # Shown on each person's page "The guideline for you" (people.onboarding): built.
    on_onboarding = _clause_html(page, "gausdal:strategi")
    assert "veiledning" in on_onboarding
    assert "ikke bygget ennå" not in on_onboarding


def unbuilt(pack, clause_id: str):
    """`pack` with one clause marked not built: test data, now that the four packs have none."""
    clauses = tuple(
        c.model_copy(update={"honoured_by": c.honoured_by.model_copy(update={"implemented": False})})
        if c.id == clause_id
        else c
        for c in pack.clauses
    )
    return pack.model_copy(update={"clauses": clauses})


def test_it_says_plainly_what_is_not_built(outsider_client, other_municipality) -> None:
    response = outsider_client.get(url("nabokommune"))
    assert "ikke bygget ennå" not in _clause_html(response.content.decode(), "batsfjord:brudd")
    # The same page for Båtsfjord's pack with a clause not built, for the same request.
    pack = unbuilt(load_pack("batsfjord"), "batsfjord:brudd")
    request = response.wsgi_request
    page = render(request, "guidelines/index.html", page_context(request, other_municipality, pack))
    html = page.content.decode()
    assert "ikke bygget ennå" in _clause_html(html, "batsfjord:brudd")
    assert "ikke bygget ennå" not in _clause_html(html, "batsfjord:4.4-fotograf")
    assert "1 er ikke bygget ennå." in html


def _clause_html(page: str, clause_id: str) -> str:
    start = page.index(f'id="{clause_id}"')
    return page[start : page.index("</li>", start)]


def test_it_states_the_packs_settings_in_plain_norwegian(member_client) -> None:
    page = member_client.get(url()).content.decode()
    assert "Svar innen 1 arbeidsdag." in page
    assert "08:00–15:30" in page
    assert "Svar signeres med fornavnet" in page
    assert "ingen grunn til å slette" in page
    assert "postmottak@gausdal.kommune.no" in page
    assert "Kriseledelse" in page


def test_it_lists_the_deletion_grounds_where_the_guideline_gives_them(municipality, member_client) -> None:
    municipality.policy_pack = "hustadvika"
    municipality.save()
    page = member_client.get(url()).content.decode()
    assert load_pack("hustadvika").deletion_grounds[0].summary.nb in page
    assert "ingen svarfrist" in page
    assert 'id="hustadvika:arlig-gjennomgang"' in page


def test_it_compares_topics_across_municipalities_and_names_what_is_missing(member_client) -> None:
    page = member_client.get(url()).content.decode()
    table = page[page.index('class="ds-table sv-compare"') :]
    for name in ("Gausdal kommune", "Hustadvika kommune", "Rømskog kommune", "Båtsfjord kommune"):
        assert name in table
    missing = page[page.index('id="sammenligning"') : page.index('class="ds-table sv-compare"')]
    # Gausdal's guideline says nothing on deletion or photos; the others do.
    assert "Sletting av kommentarer" in missing
    assert "Bilder og rettigheter" in missing
    assert "Svartid" not in missing


@pytest.mark.skipif(guidelines_dir() is None, reason="../shared/guidelines is absent")
def test_it_names_the_guideline_file_to_administrators_without_showing_its_text(
    member, member_client
) -> None:
    page = member_client.get(url()).content.decode()
    text = (guidelines_dir() / "002_00f51f295dd3c1ab.txt").read_text(encoding="utf-8")
    longest = max((line.strip() for line in text.splitlines()), key=len)
    assert len(longest) > 40
    assert longest not in page
    # Everyone reads the guideline's title and adoption date, not an internal file name.
    assert "002_00f51f295dd3c1ab.txt" not in page
    assert "linjene i «Retningslinjer for bruk av sosiale medier», vedtatt 29. mars 2011" in page
    member.is_staff = True
    member.save()
    page = member_client.get(url()).content.decode()
    assert longest not in page
    assert "<code>002_00f51f295dd3c1ab.txt</code>" in page
    assert "<code>002_00f51f295dd3c1ab.txt, linje 18</code>" in page
    assert "samme versjon" in page


@pytest.mark.parametrize(
    ("language", "summary", "source"),
    [
        ("nn", "Jobbens e-postadresse", "E-postadressa frå jobben blir ikkje brukt på slike tenester."),
        ("en", "Jobbens e-postadresse", "Your work e-mail address is not used on such services."),
    ],
)
def test_it_shows_the_clauses_in_nynorsk_and_english(member_client, language, summary, source) -> None:
    member_client.cookies["somevakt_language"] = language
    page = member_client.get(url()).content.decode()
    clause = _clause_html(page, "gausdal:bruk-2")
    assert source in clause
    assert summary not in page  # the bokmål summary of the same clause
    assert "Kommentarer slettes" not in page and "Retningslinjen gir" not in page


def test_it_explains_a_pack_that_cannot_be_used(municipality, member_client) -> None:
    municipality.policy_pack = "finnesikke"
    municipality.save()
    response = member_client.get(url())
    assert response.status_code == 200
    assert "finnesikke" in response.content.decode()


def test_it_is_in_the_navigation_for_every_member(member_client) -> None:
    page = member_client.get(reverse("overview", kwargs={"municipality": "provekommune"})).content.decode()
    assert f'href="{url()}"' in page


def test_it_gives_outsiders_404(outsider_client, municipality) -> None:
    assert outsider_client.get(url()).status_code == 404


def test_it_asks_anonymous_visitors_to_log_in(client, municipality) -> None:
    response = client.get(url())
    assert response.status_code == 302
    assert response["Location"].startswith("/logg-inn/")
