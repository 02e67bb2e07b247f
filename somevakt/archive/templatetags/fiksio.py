"""`{% fiksio_message entry as fiks %}`: the Fiks IO message of an entry's current message id
(Fiks IO's id, when it was sent, when the archive said it received it), or None.

`{% fiksio_replies entry as replies %}`: what came back on the queue for that message, each with
what somevakt made of it in the reader's language: used (its signature checked), or kept and not
used, and why (a signature that does not hold, a reply from another account, one it cannot read).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django import template
from django.utils.translation import gettext_lazy as _

from somevakt.archive.transports.fiksio import messages, signature
from somevakt.archive.transports.fiksio.models import FiksIOMessage, FiksIOReply

register = template.Library()

KINDS = {
    messages.MOTTATT: _("received"),
    messages.KVITTERING: _("receipt"),
    **dict.fromkeys(messages.ARCHIVE_ERRORS, _("error message from the archive")),
    **dict.fromkeys(messages.FIKS_ERRORS, _("error message from Fiks IO")),
}
NOT_USED = {
    signature.UNSIGNED: _("Not used: the reply is not signed."),
    signature.INVALID: _("Not used: the reply's signature does not match its content."),
    signature.CERTIFICATE: _("Not used: the certificate that signed the reply is not valid now."),
    signature.UNTRUSTED: _("Not used: the reply is not signed with a trusted business certificate."),
    signature.SENDER: _("Not used: Fiks IO says the reply did not come from the archive system's account."),
}


@dataclass(frozen=True)
class ReplyView:
    kind: str
    arrived_at: datetime
    used: bool
    status: str
    detail: str  # the technical reason, for the records office to pass on


def _view(reply: FiksIOReply) -> ReplyView:
    kind = str(KINDS.get(reply.message_type, reply.message_type))
    if reply.problem:
        code = signature.code_of(reply.problem)
        status = NOT_USED[code] if code else _("Not used: the reply could not be read.")
        return ReplyView(kind, reply.arrived_at, False, str(status), reply.problem)
    status = _("Signature checked.") if reply.content else ""
    return ReplyView(kind, reply.arrived_at, True, str(status), "")


@register.simple_tag
def fiksio_message(entry) -> FiksIOMessage | None:
    if not entry.message_id:
        return None
    return FiksIOMessage.objects.filter(
        municipality_id=entry.municipality_id, message_id=entry.message_id
    ).first()


@register.simple_tag
def fiksio_replies(entry) -> list[ReplyView]:
    found = fiksio_message(entry)
    if found is None:
        return []
    return [_view(reply) for reply in found.replies.order_by("arrived_at", "id")]
