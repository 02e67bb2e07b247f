"""Filters for text written by people outside the municipality (authors' names, comments).

A name or text may carry right-to-left overrides and isolates: "Mallory \u202eelif.exe" would
reverse the words after it on the page. `isolate` puts it in `<bdi>` with its controls
balanced (what it opens is closed, what it would close of the page is dropped); `isolate_text`
does the same with Unicode isolate characters where no markup can go (a page title);
`show_controls` writes each control out as `[U+202E]`, to show a text as it was written.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from somevakt.analysis.bidi import balanced, visible

register = template.Library()

_FSI = "\u2068"
_PDI = "\u2069"


@register.filter
def isolate(value: object) -> SafeString:
    """`<bdi>value</bdi>`, escaped, its direction controls unable to reach outside it."""
    return format_html("<bdi>{}</bdi>", balanced(str(value)))


@register.filter
def isolate_text(value: object) -> str:
    """`value` between FSI and PDI, for plain text such as a page title (escaped as usual)."""
    return f"{_FSI}{balanced(str(value))}{_PDI}"


@register.filter
def show_controls(value: object) -> str:
    """`value` with its direction controls written out (escaped as usual)."""
    return visible(str(value))
