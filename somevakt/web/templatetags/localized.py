"""`{{ clause.summary|localized }}`: a pack's text (rule reason, clause summary, note) in the
reader's language, Django's active language (bokmål where it is not nb, nn or en)."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from somevakt.policy.localized import Localized

register = template.Library()


@register.filter
def localized(value: object) -> object:
    """`value` in the active language if it is a Localized; anything else as it is."""
    return value.text(get_language()) if isinstance(value, Localized) else value
