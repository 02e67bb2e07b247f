"""The messaging window of a private conversation (issue 16).

Meta lets a page or an Instagram account answer a person's message with a standard reply only
within 24 hours of that person's last message; after that the platform refuses it. The window
is the platform's (`Capabilities.reply_window`), counted from the newest message the person
has sent in the conversation. The composer shows when it closes, warns in its last hours, and
once it has closed says so and offers the formal-inquiry text instead, which is what every
guideline wants for case matters that arrive privately anyway (Hustadvika 1e).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from somevakt.inbox.models import Item, ItemKind
from somevakt.inbox.outbound import capabilities

# The composer warns this long before the window closes.
WARN_BEFORE = dt.timedelta(hours=3)
OPEN, CLOSING, CLOSED = "open", "closing", "closed"


@dataclass(frozen=True)
class ReplyWindow:
    closes_at: dt.datetime
    length: dt.timedelta

    @property
    def hours(self) -> int:
        return int(self.length.total_seconds() // 3600)

    def state(self, now: dt.datetime | None = None) -> str:
        now = now or timezone.now()
        if now >= self.closes_at:
            return CLOSED
        return CLOSING if self.closes_at - now <= WARN_BEFORE else OPEN


def reply_window(item: Item) -> ReplyWindow | None:
    """When an answer to this private message can no longer be sent; None where the platform
    sets no such limit (comments, Mastodon)."""
    if item.kind != ItemKind.MESSAGE:
        return None
    length = capabilities(item.account.platform, item.kind).reply_window
    if length is None:
        return None
    last = item.received_at
    if item.post_id:
        newest = Item.objects.filter(
            account_id=item.account_id, kind=ItemKind.MESSAGE, post_id=item.post_id, author_id=item.author_id
        ).aggregate(newest=Max("received_at"))["newest"]
        last = max(last, newest or last)
    return ReplyWindow(closes_at=last + length, length=length)


def formal_inquiry_text(pack: Any) -> str:
    """What to tell the person instead, with the municipality's addresses (the pack's), in
    bokmål whoever reads the page: it is written to a citizen, as the saved answers are."""
    fi = pack.municipality.formal_inquiries
    with translation.override("nb"):
        return _(
            "Thank you for your message. Matters like this must be sent to the municipality as a formal "
            "inquiry, by e-mail to %(email)s or by post to %(address)s, so that they are registered and "
            "answered properly."
        ) % {"email": fi.email, "address": fi.postal_address}
