"""`{{ row.median_hours|hours_minutes }}`: a length of time in hours and minutes, in words of the
reader's language ("35 timer 6 minutter", "35 timar 6 minutt", "35 hours 6 minutes") rather than
"35,1 t", which is neither a Norwegian nor an English way to write it."""

from __future__ import annotations

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def hours_minutes(value: object) -> str:
    """`value` hours, rounded to the minute; empty for nothing, as it is for what is not a number."""
    if value is None or value == "":
        return ""
    try:
        total = round(float(value) * 60)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    hours, minutes = divmod(max(total, 0), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours})
    if minutes or not hours:
        parts.append(ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes})
    return " ".join(parts)
