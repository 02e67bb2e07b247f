"""The check of a post before it goes out: the engine's verdict (kind `post`) with the real
context, and what stops a post whatever the engine says.

The engine knows the rules (`post.account_closed`, `post.consent_missing`, `post.website_first`,
`post.crisis_lock`); this module finds the facts: the accounts' states and closures, the
pictures and their consents, the website link (on the pack's `municipality.website`, and
answering), and the crisis gate.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from somevakt.crisis.gate import Hold, active_crisis_for, crisis_hold
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.ports import posts as posts_gateway
from somevakt.inbox.services import bare_host, website_host
from somevakt.policy.decision import Decision
from somevakt.policy.engine import MAX_TEXT_CHARS, PolicyContext, evaluate
from somevakt.policy.schema import Pack
from somevakt.publishing.models import MediaAsset, Use
from somevakt.publishing.rules import rules_of
from somevakt.registry.models import Account, AccountState

# A link answered within this long is not asked again while the post is being written.
LINK_MEMORY_SECONDS = 300
_answers: dict[str, tuple[float, int]] = {}


@dataclass
class Draft:
    """What is checked: the post as it stands in the composer (saved or not)."""

    text: str
    link: str = ""
    no_link_reason: str = ""
    accounts: list[Account] = field(default_factory=list)
    media: list[MediaAsset] = field(default_factory=list)


@dataclass
class PostCheck:
    decision: Decision | None
    # What stops the post whatever the engine says, in the reader's language.
    problems: list[str]
    holds: list[Hold]
    link_status: int | None
    notes: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return bool(self.problems or self.holds) or (
            self.decision is not None and self.decision.action == "block"
        )

    @property
    def verdict(self) -> str:
        if self.problems or self.holds:
            return "block"
        return self.decision.action if self.decision is not None else "block"


def on_website(link: str, pack: Pack) -> bool:
    """Whether the link is a page on the municipality's website (its host or a host under it)."""
    parts = urlsplit(link)
    host = bare_host(parts.hostname or "")
    home = website_host(pack)
    return parts.scheme in ("http", "https") and bool(home) and (host == home or host.endswith("." + home))


def link_answers(link: str) -> int:
    """The page's HTTP status (0: no answer), asked through the integrations' gateway."""
    now = time.monotonic()
    remembered = _answers.get(link)
    if remembered and now - remembered[0] < LINK_MEMORY_SECONDS:
        return remembered[1]
    gateway = posts_gateway()
    status = gateway.check_link(link) if gateway is not None else 0
    _answers[link] = (now, status)
    return status


def forget_links() -> None:
    _answers.clear()


def account_in_use(account: Account) -> bool:
    now = timezone.now()
    return (
        account.state == AccountState.ACTIVE
        and not account.closures.filter(starts_at__lte=now, ends_at__gt=now).exists()
    )


def check(draft: Draft, user: Any, municipality: Any) -> PostCheck:
    pack = pack_of(municipality)
    problems: list[str] = []
    notes: list[str] = []
    text = draft.text.strip()
    if not text:
        problems.append(_("Write the text of the post."))
    elif len(text) > MAX_TEXT_CHARS:
        problems.append(_("The text is too long (at most %(max)s characters).") % {"max": MAX_TEXT_CHARS})
    if not draft.accounts:
        problems.append(_("Choose at least one account to publish on."))
    closed = False
    for account in draft.accounts:
        if not account_in_use(account):
            closed = True
            problems.append(
                _("%(account)s is not in use (%(state)s): nothing can be published there.")
                % {"account": account.name, "state": account.get_state_display().lower()}
            )
        if account.platform == "instagram" and not draft.media:
            problems.append(
                _("Instagram publishes only posts with a picture: add one, or leave Instagram out.")
            )
    for asset in draft.media:
        if not asset.alt_text.strip():
            problems.append(_("Picture %(name)s has no alternative text.") % {"name": asset})
        if rules_of(pack).photographer_permission and not asset.photographer_permission:
            problems.append(
                _("The photographer of %(name)s has not given permission to publish it.") % {"name": asset}
            )
    shows_people = any(asset.shows_people for asset in draft.media)
    unconsented = [asset for asset in draft.media if not asset.consent_covers(Use.SOCIAL_MEDIA)]
    consent = not unconsented
    published_on_website, link_status = _website(draft, pack, problems, notes)
    holds = [h for h in (crisis_hold(user=user, account=a, text=draft.text) for a in draft.accounts) if h]
    crisis = any(active_crisis_for(a) is not None for a in draft.accounts)
    context = PolicyContext(
        crisis_mode=crisis,
        crisis_instructed=crisis and not holds,
        account_closed=closed,
        media_shows_people=shows_people,
        consent_recorded=consent,
        # Whom the picture shows decides which clauses apply (Båtsfjord: colleagues have their own).
        colleagues_without_consent=any(asset.shows_colleagues for asset in unconsented),
        published_on_website=published_on_website,
    )
    decision = None
    if text and len(text) <= MAX_TEXT_CHARS:
        decision = evaluate(text, "post", pack, context)
    return PostCheck(decision, problems, holds, link_status, notes)


def _website(
    draft: Draft, pack: Pack, problems: list[str], notes: list[str]
) -> tuple[bool | None, int | None]:
    """Whether the post's content is on the website (None: the adviser says it need not be)."""
    link = draft.link.strip()
    if not link:
        return (None if draft.no_link_reason.strip() else False), None
    if not on_website(link, pack):
        problems.append(
            _("The link is not on the municipality's website (%(site)s); link to a page there.")
            % {"site": pack.municipality.website}
        )
        return False, None
    status = link_answers(link)
    if not 200 <= status < 400:
        notes.append(
            _("The page does not answer (HTTP %(status)s); check the address.") % {"status": status}
            if status
            else _("The page could not be reached; check the address.")
        )
        return False, status
    return True, status
