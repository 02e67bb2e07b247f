"""The item page: the text with findings marked (escaped), the advice with clauses, thread and history."""

from __future__ import annotations

from somevakt.inbox import services
from tests.inbox.conftest import triage_with


def url(item) -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/"


def test_it_shows_the_comment_the_advice_and_the_history(owner_client, make_item):
    item = make_item(text="Ring meg på 912 34 567 om brøytinga")
    triage_with(item, "personal_data.phone", spans={"personal_data.phone": (12, 22)})
    response = owner_client.get(url(item))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<mark class="sv-finding" data-severity="high" data-codes="personal_data.phone"' in html
    assert ">912 34 567</mark>" in html
    assert "gausdal:offisielle-kontoer-8" in html  # the clause behind hiding contact details
    assert 'href="/provekommune/retningslinjer/#gausdal:offisielle-kontoer-8"' in html
    assert "Kari Nordmann" in html
    assert html.count('class="sv-history"') == 1


def test_it_gives_an_employee_403_and_an_outsider_404(member_client, outsider_client, make_item):
    item = make_item()
    assert member_client.get(url(item)).status_code == 403
    assert outsider_client.get(url(item)).status_code == 404


def test_it_gives_404_for_an_item_of_another_municipality(owner_client, other_account):
    from somevakt.inbox.ingest import ingest_comment
    from tests.inbox.conftest import parsed

    item, _ = ingest_comment(other_account, parsed("x1", "Nabokommune"), enqueue=False)
    assert owner_client.get(url(item).replace("nabokommune", "provekommune")).status_code == 404


def test_it_shows_hostile_text_as_text(owner_client, make_item):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> \u202egnp.exe "quoted" & co'
    item = make_item(text=hostile)
    triage_with(item, "abuse.insult", spans={"abuse.insult": (0, 8)})
    html = owner_client.get(url(item)).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    marked = 'data-codes="abuse.insult" title="Personangrep">&lt;script&gt;</mark>'
    assert marked + "alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "\u202egnp.exe &quot;quoted&quot; &amp; co" in html


def test_it_shows_the_thread_around_the_comment(owner_client, make_item):
    parent = make_item("p1", "Når kommer brøytebilen?")
    reply = make_item("p2", "Lurer på det samme", parent_id="p1")
    html = owner_client.get(url(reply)).content.decode()
    assert "Når kommer brøytebilen?" in html
    assert f'href="/provekommune/innboks/{parent.pk}/"' in html


def test_it_offers_no_deletion_under_a_guideline_without_grounds(owner_client, make_item):
    item = make_item(text="Jeg skal ta deg")
    triage_with(item, "abuse.threat")
    html = owner_client.get(url(item)).content.decode()
    assert f'action="/provekommune/innboks/{item.pk}/delete/"' not in html
    assert f'action="/provekommune/innboks/{item.pk}/hide/"' in html


def test_it_prefills_a_saved_answer(owner_client, make_item):
    item = make_item()
    html = owner_client.get(url(item) + "?svar=refer_formal").content.decode()
    assert "postmottak@gausdal.kommune.no" in html
    assert 'name="purpose" value="refer_formal"' in html


def test_it_offers_undo_for_a_hide(owner_client, owner, make_item):
    item = make_item()
    hidden = services.hide(item, owner, "illegal")
    html = owner_client.get(url(item)).content.decode()
    assert f'name="event" value="{hidden.pk}"' in html


def test_it_links_to_the_platform_only_with_a_web_address(owner_client, make_item):
    good = make_item("g1", permalink="https://www.facebook.com/111222333/posts/1?comment_id=g1")
    bad = make_item("b1", permalink="javascript:alert(1)")
    assert (
        'href="https://www.facebook.com/111222333/posts/1?comment_id=g1"'
        in owner_client.get(url(good)).content.decode()
    )
    assert "javascript:" not in owner_client.get(url(bad)).content.decode()


def test_it_shows_the_guidelines_advice_on_answering_beside_the_composer(owner_client, make_item):
    item = make_item()
    triage_with(item, "intent.question")
    html = owner_client.get(url(item)).content.decode()
    composer = html[html.index('id="svar"') :]
    assert "Slik ber retningslinjen deg svare" in composer
    # Gausdal: neutral comments are answered too, and factual errors are always corrected.
    assert 'href="/provekommune/retningslinjer/#gausdal:offisielle-kontoer-5-noytrale"' in composer
    assert "Faktafeil rettes alltid." in composer
