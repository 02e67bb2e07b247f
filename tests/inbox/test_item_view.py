"""The item page: the text with findings marked (escaped), the advice with clauses and what was
found, thread and history."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from somevakt.inbox import services
from somevakt.policy.decision import Decision
from tests.inbox.conftest import triage_with

FNR = "01017012343"  # a checksum-valid fødselsnummer made up for the tests


def url(item) -> str:
    return f"/{item.municipality.slug}/innboks/{item.pk}/"


def test_it_shows_the_comment_the_advice_and_the_history(owner_client, make_item):
    item = make_item(text="Ring meg på 912 34 567 om brøytinga")
    triage_with(item, "personal_data.phone", spans={"personal_data.phone": (12, 22)})
    response = owner_client.get(url(item))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<mark class="sv-finding" data-severity="high" data-codes="personal_data.phone"'
        ' data-label="Telefonnummer" title="Telefonnummer">912 34 567</mark>'
    ) in html
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
    marked = 'data-codes="abuse.insult" data-label="Personangrep" title="Personangrep">&lt;script&gt;</mark>'
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
    # Gausdal: factual errors are always corrected. (That neutral comments addressed to us are
    # answered too is the engine's now: tests/inbox/test_addressed.py.)
    assert "Faktafeil rettes alltid." in composer


def triage_found(item, *findings):
    """Triage `item` on these findings as the analysers would give them (with their excerpts)."""
    from somevakt.inbox.deadlines import pack_of
    from somevakt.inbox.triage import record_triage
    from somevakt.policy.engine import decide

    item.refresh_from_db()
    pack = pack_of(item.municipality)
    decision = decide(list(findings), "comment", pack, text_length=len(item.text))
    assert record_triage(item, item.text, decision, pack, actor_label="test")
    return decision


def comment_html(html: str) -> str:
    """The inside of the comment's text block."""
    return re.search(r'data-testid="comment-text">(.*?)</div>', html, re.DOTALL).group(1)


def found_html(html: str) -> str:
    """The "What was found" part of the advice."""
    return html[
        html.index('id="found-heading"') : html.index('id="thread-heading"')
        if "thread-heading" in html
        else None
    ]


def test_it_marks_each_finding_with_its_label_and_says_what_was_found(owner_client, make_item):
    from somevakt.analysis.base import Finding

    text = "Jeg vet hvor du bor, Per Hansen. Når åpner biblioteket?"
    item = make_item(text=text)
    triage_found(
        item,
        Finding("abuse.threat", 0, 19, "high", text="Jeg vet hvor du bor"),
        Finding("person.named", 21, 31, "info", text="Per Hansen"),
        Finding("intent.question", 0, len(text), "info"),
    )
    html = owner_client.get(url(item)).content.decode()
    marked = comment_html(html)
    assert marked.startswith(
        '<mark class="sv-finding" data-severity="high" data-codes="abuse.threat" data-label="Trussel"'
        ' title="Trussel">Jeg vet hvor du bor</mark>, '
    )
    assert 'data-label="Navngitt person" title="Navngitt person">Per Hansen</mark>' in marked
    assert "Spørsmål" not in marked  # about the whole comment: listed, not marked

    found = found_html(html)
    assert ">Hva ble funnet</h3>" in found
    in_text, whole = found.split("Om kommentaren som helhet")
    threat = re.search(r'<li data-code="abuse.threat">(.*?)</li>', in_text, re.DOTALL).group(1)
    assert ">Trussel</span>" in threat
    assert '<span class="sv-quote">«<bdi>Jeg vet hvor du bor</bdi>»</span>' in threat
    assert "viser til" in threat and 'href="/provekommune/retningslinjer/#gausdal:' in threat
    assert in_text.index('data-code="abuse.threat"') < in_text.index('data-code="person.named"')
    question = re.search(r'<li data-code="intent.question">(.*?)</li>', whole, re.DOTALL).group(1)
    assert ">Spørsmål</span>" in question and "sv-quote" not in question


def test_it_builds_the_marked_text_from_escaped_pieces_where_findings_overlap(owner_client, make_item):
    from somevakt.analysis.base import Finding

    text = 'Hei <script>&amp; \u202eKari\u202c! "x"'
    item = make_item(text=text)
    triage_found(
        item,
        Finding("abuse.threat", 4, 16, "high", text="<script>&amp"),
        Finding("person.named", 12, 23, "info", text="&amp; \u202eKari"),
    )
    html = owner_client.get(url(item)).content.decode()
    assert comment_html(html) == (
        "Hei "
        '<mark class="sv-finding" data-severity="high" data-codes="abuse.threat" data-label="Trussel"'
        ' title="Trussel">&lt;script&gt;</mark>'
        '<mark class="sv-finding" data-severity="high" data-codes="abuse.threat person.named"'
        ' data-label="Navngitt person" title="Trussel, Navngitt person">&amp;amp</mark>'
        '<mark class="sv-finding" data-severity="info" data-codes="person.named"'
        ' title="Navngitt person">; \u202eKari</mark>'
        "\u202c! &quot;x&quot;"
    )
    assert "<script>" not in html
    # The quoted words are escaped too, and kept from turning the list around them.
    assert '<span class="sv-quote">«<bdi>&lt;script&gt;&amp;amp</bdi>»</span>' in html
    assert "<bdi>&amp;amp; \u202eKari\u202c</bdi>" in html


def test_it_never_shows_a_full_national_id(owner_client, make_item):
    from somevakt.analysis.base import Document
    from somevakt.analysis.personal_data import PersonalDataAnalyser

    text = f"Hei, fødselsnummeret mitt er {FNR}, kan dere sjekke saken min?"
    item = make_item("n1", text)
    triage_found(item, *PersonalDataAnalyser().analyse(Document(text)))
    # A reply in the thread with the same number, not triaged: masked all the same.
    make_item("n2", f"Skriv aldri {FNR} her!", parent_id="n1")
    html = owner_client.get(url(item)).content.decode()
    assert FNR not in html
    assert 'data-label="Fødselsnummer" title="Fødselsnummer">***********</mark>' in comment_html(html)
    assert "<bdi>***********</bdi>" in found_html(html)
    assert "Skriv aldri *********** her!" in html


@pytest.mark.parametrize(
    ("language", "heading", "whole", "label", "cites"),
    [
        ("nn", "Kva vart funne", "Om kommentaren som heilskap", "Telefonnummer", "viser til"),
        ("en", "What was found", "About the comment as a whole", "Phone number", "cites"),
    ],
)
def test_it_says_what_was_found_in_nynorsk_and_english(
    owner_client, make_item, language, heading, whole, label, cites
):
    item = make_item(text="Ring meg på 912 34 567. Når åpner biblioteket?")
    triage_with(item, "personal_data.phone", "intent.question", spans={"personal_data.phone": (12, 22)})
    owner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = owner_client.get(url(item)).content.decode()
    assert f'<html lang="{language}"' in html
    found = found_html(html)
    assert f">{heading}</h3>" in found and f"{whole}:" in found
    assert f'data-label="{label}"' in comment_html(html)
    assert f">{label}</span>" in found and f"· {cites} " in found
    # A finding that came without an excerpt is quoted from the text, masked.
    assert "<bdi>*** ** *67</bdi>" in found


def test_it_names_the_triage_action_only_on_the_triage_in_the_history(owner_client, owner, make_item):
    item = make_item(text="Når åpner biblioteket igjen?")
    triage_with(item, "intent.question")
    services.hide(item, owner, "illegal")
    html = owner_client.get(url(item)).content.decode()
    history = html[html.index('class="sv-history"') :]
    hidden_line = next(line for line in history.split("<li") if "Skjult" in line)
    assert "Ikke vurdert" not in history
    assert ":" not in re.sub(r"<[^>]+>|\d\d:\d\d", "", hidden_line.split("</strong>", 1)[1].split("</li>")[0])


def test_it_shows_each_state_once(owner_client, owner, make_item):
    item = make_item()
    services.hide(item, owner, "personal_data")
    html = owner_client.get(url(item)).content.decode()
    state = re.search(r'<dd data-testid="state">(.*?)</dd>', html, re.S).group(1)
    assert state.count("Skjult") == 1


def test_it_gives_the_actions_their_own_heading(owner_client, make_item):
    html = owner_client.get(url(make_item())).content.decode()
    assert 'id="actions-heading">Behandle</h2>' in html
    assert "Brukernavn" not in html


def test_it_shows_the_platform_state_of_each_action(owner_client, owner, municipality, make_item):
    from somevakt.integrations.outbound import perform
    from tests.factories import make_account
    from tests.factories import make_item as build_item

    mastodon = make_account(municipality, platform="mastodon", external_id="110000000000000202")
    mastodon_item = build_item(
        mastodon,
        "112",
        "Ring meg på 912 34 567",
        platform="mastodon",
        account_external_id=mastodon.external_id,
    )

    item = make_item()
    services.hide(item, owner, "personal_data")
    services.send_reply(item, owner, "Vi har skjult kommentaren. Hilsen Eva")
    perform(item.events.get(type="hidden").payload["call_id"])
    html = owner_client.get(url(item)).content.decode()
    assert html.count('data-state="failed"') == 1 and html.count('data-state="pending"') == 1
    assert "Ikke utført på Facebook" in html  # on the status line, linking to the states
    assert html.count("(se «På plattformen»)") == 2  # the history points to them, never says it twice
    assert 'hx-trigger="every 2s"' in html  # the waiting one is followed until it is done
    services.hide(mastodon_item, owner, "personal_data")
    html = owner_client.get(url(mastodon_item)).content.decode()
    assert 'data-state="local"' in html and "Mastodon tillater ikke dette" in html
    assert 'hx-trigger="every 2s"' not in html


@pytest.mark.parametrize(
    ("channel", "heading", "box"),
    [
        ("message", "Direktemelding fra Kari Nordmann", "Meldingen"),
        ("post", "Innlegg på siden fra Kari Nordmann", "Innlegget"),
        ("mention", "Kommunen nevnt av Kari Nordmann", "Der kommunen er nevnt"),
    ],
)
def test_it_names_the_kind_of_item_in_its_heading(owner_client, make_item, channel, heading, box):
    item = make_item(platform_id=f"k_{channel}", channel=channel)
    html = owner_client.get(url(item)).content.decode()
    assert heading in re.sub(r"[\u2066-\u2069]", "", html)
    assert f">{box}</h2>" in html


@pytest.mark.parametrize(
    ("language", "case", "where"),
    [
        (
            "nb",
            "Henvendelsen krever saksbehandling; be innsenderen sende en formell henvendelse.",
            "Formelle henvendelser sendes til postmottak@gausdal.kommune.no",
        ),
        (
            "nn",
            "Førespurnaden krev sakshandsaming; be innsendaren sende ein formell førespurnad.",
            "Formelle førespurnader blir sende til postmottak@gausdal.kommune.no",
        ),
        (
            "en",
            "The inquiry needs case processing; ask the sender to send a formal inquiry.",
            "Formal inquiries go to postmottak@gausdal.kommune.no",
        ),
    ],
)
def test_it_gives_the_triage_reasons_in_the_readers_language(owner_client, make_item, language, case, where):
    item = make_item(text="Jeg vil klage på vedtaket i byggesaken min.")
    triage_with(item, "intent.case_request")
    owner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = owner_client.get(url(item)).content.decode()
    reasons = html[html.index('class="sv-reasons"') :]
    reasons = reasons[: reasons.index("</ul>")]
    assert f"<li>{case}</li>" in reasons and where in reasons
    history = html[html.index('class="sv-history"') :]
    assert f'class="sv-history__reason" dir="auto">{case}</p>' in history
    if language != "nb":
        assert "Henvendelsen krever saksbehandling" not in html and "sendes til" not in html


def test_it_shows_a_decision_stored_before_reasons_were_localized_in_bokmaal(
    owner_client, make_item, monkeypatch
):
    def bokmaal_only(decision):
        return Decision.to_dict(decision) | {"analysers": {}, "input_hash": ""}

    # A triage recorded by an earlier somevakt: its payload has the bokmål reasons and nothing else.
    monkeypatch.setattr(Decision, "to_record", bokmaal_only)
    item = make_item(text="Når åpner biblioteket?")
    triage_with(item, "intent.question")
    monkeypatch.undo()
    stored = item.events.get(type="triaged").payload["decision"]
    assert "reason_texts" not in stored
    owner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = owner_client.get(url(item)).content.decode()
    old = "Kommentaren stiller et spørsmål; svar innen fristen."
    assert stored["reasons"] == [old]
    assert f"<li>{old}</li>" in html
    assert f'class="sv-history__reason" dir="auto">{old}</p>' in html


def test_it_says_plainly_when_an_item_has_no_text(owner_client, make_item):
    # Issue 16: a message with only a picture, a sticker or a reaction.
    sticker = make_item("111222333_1_77", "", channel="message", post_id="t_5550001", parent_id="")
    triage_with(sticker)
    page = owner_client.get(url(sticker)).content.decode()
    assert 'data-testid="no-text"' in page and "Ingen tekst" in page
    queue = owner_client.get(f"/{sticker.municipality.slug}/innboks/?filter=all").content.decode()
    assert "(ingen tekst)" in queue
