"""`{% fiksio_message entry as fiks %}`: the Fiks IO message of an entry's current message id
(Fiks IO's id, when it was sent, when the archive said it received it), or None."""

from __future__ import annotations

from django import template

from somevakt.archive.transports.fiksio.models import FiksIOMessage

register = template.Library()


@register.simple_tag
def fiksio_message(entry) -> FiksIOMessage | None:
    if not entry.message_id:
        return None
    return FiksIOMessage.objects.filter(
        municipality_id=entry.municipality_id, message_id=entry.message_id
    ).first()
