"""A post taken off a platform, or kept there although a consent behind its picture lapsed, goes
to the journal (issue 14): the municipality can show what it published, what it removed and why.

Publishing and the archive are siblings and never import each other: publishing hands the
document to the journal port below both (`tenants.documents`) in the same transaction as the
removal or the keeping, and offers them to the archive's sweep, which journals any it finds
missing. One entry per account a post was on and per outcome (removed, kept).
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import translation

from somevakt.policy.packs import PackError, load_pack
from somevakt.publishing.models import PostEvent, PostEventType, PostTarget, TargetState, Use
from somevakt.tenants import documents

OSLO = ZoneInfo("Europe/Oslo")
OUTCOMES = {
    PostEventType.REMOVED: (documents.POST_REMOVED, "removed"),
    PostEventType.KEPT: (documents.POST_KEPT, "kept"),
}


# The uses a consent covers, as the archived document names them (bokmål).
USE_WORDS = {Use.SOCIAL_MEDIA: "sosiale medier", Use.WEBSITE: "nettsted", Use.PRINT: "trykk"}


def source_of(target: PostTarget, event_type: str) -> str:
    return f"post-target:{target.pk}:{OUTCOMES[event_type][1]}"


def _name(person: Any, label: str = "") -> str:
    if person is None:
        return label or "–"
    return person.get_full_name() or person.get_username()


def _when(value: Any) -> str:
    return f"{value.astimezone(OSLO):%d.%m.%Y kl. %H.%M}" if value else "–"


def _consent_clauses(municipality: Any) -> tuple[str, ...]:
    """The pack's clauses on photo consent (the rules on `post.consent_missing`)."""
    try:
        pack = load_pack(municipality.policy_pack)
    except PackError:
        return ()
    return tuple(
        clause.id
        for clause in pack.clauses
        if any("post.consent_missing" in rule.codes for rule in clause.honoured_by.rules)
    )


def _consent_line(consent: Any) -> str:
    state = (
        f"trukket tilbake {_when(consent.withdrawn_at)}"
        if consent.withdrawn_at
        else (f"utløpt {consent.valid_until:%d.%m.%Y}" if consent.lapsed else "gjelder")
    )
    uses = ", ".join(USE_WORDS.get(use, use) for use in consent.uses)
    return f"Samtykke fra {consent.name} ({uses}; fra {consent.valid_from:%d.%m.%Y}): {state}"


def document_of(target: PostTarget, event: PostEvent) -> documents.JournalDocument:
    """The removal or keeping of a post on one account, as a document for the journal (bokmål)."""
    post = target.post
    kind, _outcome = OUTCOMES[event.type]
    account = target.account
    with translation.override("nb"):
        platform = str(account.get_platform_display())
    actor = _name(event.actor, event.actor_label)
    assets = list(post.media.prefetch_related("consents"))
    consents = [consent for asset in assets for consent in asset.consents.all()]
    lapsed = [c for c in consents if c.lapsed]
    if event.type == PostEventType.REMOVED:
        title = f"Innlegg fjernet fra {account.name} ({platform})"
        why = "Innlegget er fjernet fra plattformen"
    else:
        title = f"Innlegg beholdt på {account.name} ({platform}) selv om et samtykke er falt bort"
        why = "Innlegget er beholdt på plattformen"
    reason = event.reason.strip()
    if reason and reason[-1] not in ".!?":
        reason += "."
    grounds = f"{why}." + (f" Begrunnelse: {reason}" if reason else "")
    if lapsed:
        grounds += " Samtykke som er falt bort: " + "; ".join(c.name for c in lapsed) + "."
    pictures = [
        f"Bilde {asset.pk}: {asset.alt_text}"
        + (f" · viser {asset.group}" if asset.group else "")
        + (" · identifiserbare personer" if asset.shows_people else "")
        for asset in assets
    ]
    sections = (
        documents.Section("Innlegget", tuple(line for line in (post.text, post.link) if line)),
        documents.Section(
            "Kontoen",
            (
                f"{account.name} ({platform}), publisert {_when(target.published_at)}, "
                f"plattformens ID {target.platform_id or '–'}",
                *((f"Lenke: {target.permalink}",) if target.permalink else ()),
            ),
        ),
        documents.Section("Bilder og samtykker", (*pictures, *(_consent_line(c) for c in consents))),
    )
    return documents.JournalDocument(
        municipality=post.municipality,
        source=source_of(target, event.type),
        kind=kind,
        title=title[:300],
        date=event.at,
        actor=actor,
        at=event.at,
        grounds=grounds,
        clauses=_consent_clauses(post.municipality) if consents else (),
        parties=(
            ("skrev innlegget", _name(post.created_by)),
            ("fjernet" if kind == documents.POST_REMOVED else "beholdt", actor),
        ),
        sections=sections,
        # A picture of identifiable people, and the names of those who consented: a person's data.
        personal_data=any(asset.shows_people for asset in assets) or bool(consents),
    )


def hand_in(target: PostTarget, event: PostEvent) -> None:
    """Journal the removal or keeping (called in its transaction)."""
    documents.journal_document(document_of(target, event))


def _event_for(target: PostTarget, event_type: str) -> PostEvent | None:
    return (
        PostEvent.objects.filter(post_id=target.post_id, type=event_type, payload__account=target.account_id)
        .select_related("actor")
        .order_by("id")
        .first()
    )


def unjournaled(municipality: Any, journaled: frozenset[str]) -> list[documents.JournalDocument]:
    """The archive's sweep asks: removed and kept posts without an entry yet."""
    targets = PostTarget.objects.filter(post__municipality=municipality).filter(
        Q(state=TargetState.REMOVED) | ~Q(kept_reason="")
    )
    found = []
    for target in targets.select_related("post__municipality", "post__created_by", "account"):
        for event_type in (PostEventType.REMOVED, PostEventType.KEPT):
            if source_of(target, event_type) in journaled:
                continue
            event = _event_for(target, event_type)
            if event is not None:
                found.append(document_of(target, event))
    return found
