"""The template filters for text people outside the municipality wrote: escaped and isolated."""

from __future__ import annotations

from django.template import Context, Template

RLO, PDF, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"


def render(source: str, **values: object) -> str:
    return Template("{% load usertext %}" + source).render(Context(values))


def test_it_isolates_a_name_in_bdi_escaped_with_its_override_closed() -> None:
    html = render("Fra {{ name|isolate }}.", name=f"<b>Mallory</b> {RLO}elif.exe")
    assert html == f"Fra <bdi>&lt;b&gt;Mallory&lt;/b&gt; {RLO}elif.exe{PDF}</bdi>."


def test_it_drops_a_closer_that_would_break_out_of_the_isolation() -> None:
    assert render("{{ name|isolate }}", name=f"{PDI}{RLO}x") == f"<bdi>{RLO}x{PDF}</bdi>"


def test_it_isolates_plain_text_with_unicode_isolates_where_no_markup_can_go() -> None:
    assert render("{{ name|isolate_text }}", name=f"Mallory {RLO}elif.exe & co") == (
        f"{FSI}Mallory {RLO}elif.exe &amp; co{PDF}{PDI}"
    )


def test_it_shows_direction_controls_as_written() -> None:
    assert render("{{ name|show_controls }}", name=f"Mallory {RLO}elif.exe{PDF}") == (
        "Mallory [U+202E]elif.exe[U+202C]"
    )
    assert render("{{ name|show_controls }}", name="Kari <3") == "Kari &lt;3"
