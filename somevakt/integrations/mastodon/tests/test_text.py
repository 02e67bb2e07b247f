from somevakt.integrations.mastodon.text import html_to_text


def test_it_keeps_paragraphs_and_line_breaks_and_unescapes_entities() -> None:
    html = (
        '<p><a href="https://x.example/@kommune" class="mention">@<span>kommune</span></a> Hei!</p>'
        "<p>Linje 1<br>Linje &lt;2&gt; &amp; mer</p>"
    )
    assert html_to_text(html) == "@kommune Hei!\n\nLinje 1\nLinje <2> & mer"


def test_it_keeps_script_text_as_text() -> None:
    assert html_to_text("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") == "<script>alert(1)</script>"
