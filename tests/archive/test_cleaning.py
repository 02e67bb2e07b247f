"""One cleaning for what goes to the archive: characters XML 1.0 cannot carry, control and direction
characters as visible escapes; permalinks only as http(s) on the platform's host."""

from __future__ import annotations

import pytest
from lxml import etree

from somevakt.archive.formats.cleaning import clean_text, safe_permalink
from somevakt.archive.formats.outbox import OutboxTransport
from somevakt.archive.models import JournalEntry
from somevakt.archive.services import deliver_pending

from .conftest import decide_all, refer, url


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Kari\x01Nordmann", "Kari[U+0001]Nordmann"),
        ("Kari\x00Nordmann", "Kari[U+0000]Nordmann"),
        ("Kari\ufffeNordmann", "Kari[U+FFFE]Nordmann"),
        ("abc\u202edef", "abc[U+202E RIGHT-TO-LEFT OVERRIDE]def"),
        ("\ud800", "[U+D800]"),
        ("Blåbær og 🎉\tlinje\nto", "Blåbær og 🎉\tlinje\nto"),
    ],
)
def test_it_writes_what_xml_cannot_carry_or_what_hides_text_as_a_visible_escape(raw, clean) -> None:
    assert clean_text(raw) == clean
    element = etree.Element("x")
    element.text = clean_text(raw)  # lxml refuses anything XML 1.0 cannot carry
    assert etree.fromstring(etree.tostring(element)).text == clean


@pytest.mark.parametrize(
    ("link", "platform", "kept"),
    [
        ("https://www.facebook.com/111222333/posts/1?comment_id=9", "facebook", True),
        ("https://m.facebook.com/story.php?id=1", "facebook", True),
        ("https://www.instagram.com/p/abc/", "instagram", True),
        ("https://mastodon.social/@kommune/1", "mastodon", True),
        ("javascript:alert(document.cookie)", "facebook", False),
        (" JavaScript:alert(1)", "mastodon", False),
        ("data:text/html,<script>alert(1)</script>", "facebook", False),
        ("https://facebook.com.evil.example/x", "facebook", False),
        ("https://www.facebook.com@evil.example/x", "facebook", False),
        ("https://user:pw@www.facebook.com/x", "facebook", False),
        ("https://www.instagram.com/p/abc/", "facebook", False),
        ("https://www.face\u202ebook.com/x", "facebook", False),
        ("//www.facebook.com/x", "facebook", False),
    ],
)
def test_it_keeps_only_an_http_link_on_the_platforms_host(link, platform, kept) -> None:
    assert (safe_permalink(link, platform) == link) is kept
    if not kept:
        assert safe_permalink(link, platform) == ""


@pytest.mark.slow  # renders the PDF/A capture
def test_a_name_with_control_characters_and_a_javascript_link_reach_the_archive_cleaned(
    make_item, owner, profile, municipality, records_officer, records_client, tmp_path, arkivmelding_schema
) -> None:
    item = make_item(
        "111222333_1_9",
        "Jeg vil søke om barnehageplass\x01 for datteren min.",
        "intent.case_request",
        author_name="Kari\x01Nord\ufffemann",
        permalink="javascript:alert(document.cookie)",
    )
    refer(item, owner)  # an inquiry: the commenter is the archive's correspondent, by name
    decide_all(records_officer)
    outbox = OutboxTransport(tmp_path / "outbox")
    summary = deliver_pending(municipality, outbox, force=True)
    entry = JournalEntry.objects.get(item=item)
    assert (summary.sent, summary.failed, entry.state) == (1, False, "sent")
    message = outbox.root / entry.message_id / "arkivmelding.xml"
    arkivmelding_schema.validate(str(message))
    xml = message.read_text(encoding="utf-8")
    assert "javascript" not in xml.lower()
    assert "\x01" not in xml and "\ufffe" not in xml
    assert "Kari[U+0001]Nord[U+FFFE]mann" in xml
    page = records_client.get(url("entry", entry_id=entry.pk)).content.decode()
    assert "javascript:" not in page


@pytest.mark.slow  # renders the PDF/A capture
def test_the_records_office_corrects_a_name_before_delivery(
    make_item, owner, profile, municipality, records_officer, records_client, tmp_path
) -> None:
    item = make_item(
        "111222333_1_10",
        "Jeg vil søke om barnehageplass for datteren min.",
        "intent.case_request",
        author_name="K\u202eari\x01 Nordmann",
    )
    refer(item, owner)
    entry = JournalEntry.objects.get(item=item)
    form = {"title": entry.title, "public_title": "", "case_reference": "", "classification": ""}
    response = records_client.post(
        url("edit_metadata", entry_id=entry.pk), {**form, "counterpart_name": "Kari Nordmann"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.counterpart_name == "Kari Nordmann"
    change = entry.changes.get(field="korrespondansepartNavn")
    assert (change.old, change.new, change.by) == ("", "Kari Nordmann", records_officer)
    decide_all(records_officer)
    outbox = OutboxTransport(tmp_path / "outbox")
    assert deliver_pending(municipality, outbox, force=True).sent == 1
    entry.refresh_from_db()
    xml = (outbox.root / entry.message_id / "arkivmelding.xml").read_text(encoding="utf-8")
    assert "<korrespondansepartNavn>Kari Nordmann</korrespondansepartNavn>" in xml
