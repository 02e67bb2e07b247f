"""From a journal entry to the plain `JournalRecord` every archive format is built from.

The thread is snapshotted when the entry is captured (`thread_snapshot`) and the record is
always built from that snapshot, so the captured document, the Fiks Arkiv message and the
Noark 5 extract describe the same thread however the conversation went on afterwards, and a
message sent again after an interruption is byte for byte the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from somevakt.archive.formats import fulltext
from somevakt.archive.formats.capture import PDFA_2B_NAME, PDFA_2B_PRONOM, PDFA_MIME
from somevakt.archive.formats.records import (
    Action,
    ArchiveDocument,
    CaseReference,
    CitedClause,
    Classification,
    DocumentSection,
    DocumentSubject,
    JournalRecord,
    MetadataChange,
    Municipality,
    RecordError,
    Screening,
    ThreadItem,
)
from somevakt.archive.models import ArchiveProfile, JournalEntry, Reason
from somevakt.inbox.models import Item, ItemEvent
from somevakt.inbox.projection import ANSWER_EVENTS
from somevakt.policy.codes import FINDING_CODES
from somevakt.policy.packs import PackError, load_pack
from somevakt.policy.schema import Pack

DEFAULT_GROUNDS = {
    Reason.REFER_FORMAL: "Henvendelsen krever formell saksbehandling, som ikke skjer i sosiale medier. "
    "Avsenderen er henvist til kommunens formelle kanaler.",
    Reason.REFER_POLITICAL: "Henvendelsen gjelder en sak for de folkevalgte. Avsenderen er henvist til "
    "politisk nivå.",
    Reason.HIDE: "Kommentaren er skjult etter retningslinjene.",
    Reason.DELETE: "Kommentaren er slettet på et grunnlag retningslinjene gir.",
    Reason.REPLY: "Kommunens svar på en henvendelse som er journalført.",
}
MAX_THREAD = 200
UNKNOWN_AUTHOR = "Ukjent avsender"


def person_name(user: Any, label: str = "") -> str:
    if user is not None:
        return user.get_full_name() or user.get_username()
    return label or "somevakt"


def _visibility(item: Item) -> str:
    status = getattr(item, "status", None)
    if status is None:
        return "visible"
    if status.deleted:
        return "deleted"
    return "hidden" if status.hidden else "visible"


def _thread_items(item: Item) -> list[Item]:
    """The item's ancestors, the item, and the replies below it (breadth first, bounded)."""
    chain: list[Item] = []
    parent = item.parent
    while parent is not None and len(chain) < 20 and parent not in chain:
        chain.insert(0, parent)
        parent = parent.parent
    found = [*chain, item]
    level = [item.pk]
    while level and len(found) < MAX_THREAD:
        children = list(
            Item.objects.filter(parent_id__in=level).select_related("account", "status")[
                : MAX_THREAD - len(found)
            ]
        )
        found.extend(children)
        level = [c.pk for c in children]
    return found


def take_snapshot(entry: JournalEntry) -> dict[str, Any]:
    """What the capture shows, fixed at capture time: the thread (or the handed-in document,
    fixed since it was journaled) and the action with its grounds."""
    action = action_of(entry)
    return {
        **({"document": entry.document} if entry.is_document else {"thread": snapshot_thread(entry)}),
        "action": {
            "action": action.action,
            "actor": action.actor,
            "time": action.time.isoformat(),
            "grounds": action.grounds,
            "clauses": [[c.id, c.summary] for c in action.clauses],
        },
    }


def action_from_snapshot(data: dict[str, Any]) -> Action:
    return Action(
        action=data["action"],
        actor=data["actor"],
        time=dt.datetime.fromisoformat(data["time"]),
        grounds=data["grounds"],
        clauses=tuple(CitedClause(i, s) for i, s in data["clauses"]),
    )


def snapshot_thread(entry: JournalEntry) -> list[dict[str, Any]]:
    """The thread as it stands now, as JSON: the people's messages and the municipality's texts
    (none for a handed-in document)."""
    item = entry.item
    if item is None:
        return []
    items = _thread_items(item)
    rows: list[dict[str, Any]] = []
    for one in items:
        rows.append(
            {
                "author": one.author_name or UNKNOWN_AUTHOR,
                "time": one.received_at.isoformat(),
                "text": one.text,
                "permalink": one.permalink,
                "platform": one.account.platform,
                "account": one.account.name,
                "platform_id": one.platform_id,
                "by_municipality": False,
                "subject": one.pk == item.pk and entry.reason != Reason.REPLY,
                "visibility": _visibility(one),
            }
        )
    texts = ItemEvent.objects.filter(item__in=[i.pk for i in items], type__in=ANSWER_EVENTS).order_by("id")
    by_id = {i.pk: i for i in items}
    for event in texts:
        text = str((event.payload or {}).get("text") or "").strip()
        if not text:
            continue
        about = by_id[event.item_id]
        rows.append(
            {
                "author": about.account.name,
                "time": event.at.isoformat(),
                "text": text,
                "permalink": about.permalink,
                "platform": about.account.platform,
                "account": about.account.name,
                "platform_id": str((event.payload or {}).get("platform_id") or ""),
                "by_municipality": True,
                "subject": event.pk == entry.source_event_id and entry.reason == Reason.REPLY,
                "visibility": "visible",
            }
        )
    rows.sort(key=lambda r: r["time"])
    return rows


def thread_from_snapshot(rows: list[dict[str, Any]]) -> tuple[ThreadItem, ...]:
    return tuple(
        ThreadItem(
            author=row["author"],
            time=dt.datetime.fromisoformat(row["time"]),
            text=row["text"],
            permalink=row["permalink"],
            platform=row["platform"],
            account=row["account"],
            platform_id=row["platform_id"],
            by_municipality=row["by_municipality"],
            subject=row["subject"],
            visibility=row["visibility"],
        )
        for row in rows
    )


def _clause_summaries(pack: Pack | None, ids: list[str]) -> tuple[CitedClause, ...]:
    if pack is None:
        return tuple(CitedClause(i) for i in ids)
    cited = []
    for clause_id in ids:
        try:
            cited.append(CitedClause(clause_id, pack.clause(clause_id).summary.nb))
        except KeyError:
            cited.append(CitedClause(clause_id))
    return tuple(cited)


# The finding codes behind each ground the inbox hides on (inbox.services.HIDE_GROUNDS).
HIDE_GROUND_CODES: dict[str, tuple[str, ...]] = {
    "personal_data": tuple(c for c in FINDING_CODES if c.startswith("personal_data.")),
    "confidential": tuple(c for c in FINDING_CODES if c.startswith("confidential.")),
    "illegal": ("abuse.threat", "abuse.hate"),
}


def _rule_clauses(pack: Pack, actions: set[str] | None, codes: set[str]) -> list[str]:
    """Clauses with a rule on any of `codes` that leads to one of `actions` (any action if None)."""
    found: list[str] = []
    for clause in pack.clauses:
        for rule in clause.honoured_by.rules:
            acts = actions is None or rule.action in actions or bool(set(rule.also) & actions)
            if acts and set(rule.codes) & codes and clause.id not in found:
                found.append(clause.id)
    return found


def _first_found(pack: Pack, actions: set[str], family: set[str], item_codes: set[str]) -> list[str]:
    """The clauses for `actions` on the item's own codes of `family`, else on any code of it;
    failing that, the clauses of any action on those codes (what the guideline says of them)."""
    own = family & item_codes
    for wanted, codes in ((actions, own), (actions, family), (None, own), (None, family)):
        found = _rule_clauses(pack, wanted, codes) if codes else []
        if found:
            return found
    return []


def event_clauses(entry: JournalEntry, pack: Pack | None) -> list[str]:
    """The clauses of the action the entry documents: the hiding's or deletion's ground, the
    referral's rule — never the triage's clauses for some other action; a handed-in document's
    own."""
    if entry.is_document:
        return [str(c) for c in entry.document.get("clauses") or []]
    event = entry.source_event
    recorded = list(event.clauses or [])
    payload = event.payload or {}
    if entry.reason == Reason.DELETE:
        ground = payload.get("ground")
        if not recorded and isinstance(ground, dict) and ground.get("clause"):
            recorded = [str(ground["clause"])]
        return recorded
    if pack is None or entry.reason == Reason.REPLY:
        return recorded
    item_codes = set(getattr(entry.item.status, "codes", None) or [])
    if entry.reason == Reason.HIDE:
        ground = payload.get("ground")
        if ground == "pending_escalation":
            escalated = entry.item.events.filter(type="escalated", id__lt=event.pk).order_by("-id").first()
            if escalated is not None and escalated.clauses:
                return list(escalated.clauses)
            return [c for c in [pack.roles.difficult_cases.clause] if c]
        if ground in HIDE_GROUND_CODES:
            return _first_found(pack, {"hide"}, set(HIDE_GROUND_CODES[ground]), item_codes) or recorded
        return recorded
    if entry.reason == Reason.REFER_POLITICAL and pack.roles.political_referral is not None:
        if pack.roles.political_referral.clause:
            return [pack.roles.political_referral.clause]
    action = Reason(entry.reason).value
    found = _rule_clauses(pack, {action}, item_codes)
    if not found:
        general = {"intent.case_request"} if action == Reason.REFER_FORMAL else {"intent.political"}
        found = _rule_clauses(pack, {action}, general)
    return found or recorded


def _pack_of(entry: JournalEntry) -> Pack | None:
    try:
        return load_pack(entry.municipality.policy_pack)
    except PackError:
        return None


def action_of(entry: JournalEntry) -> Action:
    if entry.is_document:
        doc = entry.document
        pack = _pack_of(entry)
        return Action(
            action=entry.reason,
            actor=str(doc.get("actor") or "somevakt"),
            time=dt.datetime.fromisoformat(doc["at"]),
            grounds=str(doc.get("grounds") or ""),
            clauses=_clause_summaries(pack, event_clauses(entry, pack)),
        )
    event = entry.source_event
    grounds = event.reason.strip() or DEFAULT_GROUNDS[Reason(entry.reason)]
    if entry.reason in (Reason.REFER_FORMAL, Reason.REFER_POLITICAL):
        hidden = entry.item.events.filter(type="hidden", id__lte=event.pk).order_by("-id").first()
        if hidden is not None:
            grounds += f" Kommentaren er også skjult: {hidden.reason or 'for å verne opplysninger i den'}."
    pack = _pack_of(entry)
    return Action(
        # A reason is the inbox action the entry documents, by the same name.
        action=Reason(entry.reason).value,
        actor=person_name(event.actor, event.actor_label),
        time=event.at,
        grounds=grounds,
        clauses=_clause_summaries(pack, event_clauses(entry, pack)),
    )


def municipality_of(municipality: Any) -> tuple[Municipality, ArchiveProfile]:
    """The record creator, from the municipality's archive profile (its organisation number)."""
    profile = ArchiveProfile.objects.filter(municipality=municipality).first()
    if profile is None or not profile.org_number.strip():
        raise RecordError(
            "the municipality's organisation number is not set (Archive > Settings); the archive needs it"
        )
    return Municipality(municipality.name, profile.org_number, municipality.slug), profile


def _changes(entry: JournalEntry) -> tuple[MetadataChange, ...]:
    return tuple(
        MetadataChange(
            change.field, change.old or "(tom)", change.new or "(tom)", person_name(change.by), change.at
        )
        for change in entry.changes.select_related("by")
    )


def document_of(entry: JournalEntry) -> ArchiveDocument | None:
    data = entry.pdf_bytes()
    if data is None:
        return None
    return ArchiveDocument.from_bytes(
        f"somevakt-{entry.record_id}.pdf",
        PDFA_MIME,
        data,
        title=entry.title,
        format_code=PDFA_2B_PRONOM,
        format_name=PDFA_2B_NAME,
    )


def attachment_of(entry: JournalEntry) -> ArchiveDocument | None:
    """The file handed in with a document (the crisis report's PDF), with its own checksum."""
    data = entry.attachment_bytes()
    if data is None:
        return None
    about = entry.document.get("attachment") or {}
    return ArchiveDocument.from_bytes(
        f"somevakt-{entry.record_id}-vedlegg-{about.get('file_name') or 'dokument.pdf'}",
        str(about.get("mime_type") or PDFA_MIME),
        data,
        title=str(about.get("title") or entry.title),
        format_code=str(about.get("format_code") or ""),
        format_name=str(about.get("format_name") or ""),
    )


def document_subject(data: dict[str, Any], label: str) -> DocumentSubject:
    return DocumentSubject(
        label=label,
        date=dt.datetime.fromisoformat(data["date"]),
        parties=tuple((str(role), str(name)) for role, name in data.get("parties") or []),
        sections=tuple(
            DocumentSection(str(section["heading"]), tuple(str(line) for line in section.get("lines") or []))
            for section in data.get("sections") or []
        ),
    )


# What each handed-in document is, as the archived documents name it (bokmål).
DOCUMENT_LABELS = {
    Reason.CRISIS_REPORT: "Rapport fra krisemodus",
    Reason.POST_REMOVED: "Innlegg fjernet fra plattformen",
    Reason.POST_KEPT: "Innlegg beholdt på plattformen",
}


def record_for(
    entry: JournalEntry, *, with_document: bool = True, snapshot: dict[str, Any] | None = None
) -> JournalRecord:
    """The entry as a `JournalRecord`; RecordError (one line) when it cannot be archived as it is."""
    municipality, profile = municipality_of(entry.municipality)
    fixed = snapshot if snapshot is not None else entry.snapshot
    if not fixed or not (fixed.get("thread") or fixed.get("document")):
        raise RecordError("the entry has not been captured yet")
    receipt = entry.receipt or {}
    year, sequence = receipt.get("journal_year"), receipt.get("journal_sequence")
    has_number = entry.state == "acknowledged" and year is not None and sequence is not None
    document = document_of(entry) if with_document else None
    thread = thread_from_snapshot(fixed.get("thread") or [])
    subject = None
    if entry.is_document:
        subject = document_subject(fixed["document"], DOCUMENT_LABELS[Reason(entry.reason)])
        extra = attachment_of(entry)
        documents: tuple[ArchiveDocument, ...] = tuple(d for d in (document, extra) if d is not None)
    else:
        # The capture, then the whole text of each message too long to show in full in it.
        documents = (document, *fulltext.attachments(entry.record_id, thread)) if document is not None else ()
    return JournalRecord(
        id=entry.record_id,
        municipality=municipality,
        kind=entry.kind,
        title=entry.title,
        thread=thread,
        action=action_from_snapshot(fixed["action"]),
        registered_at=entry.created_at,
        public_title=entry.public_title,
        case=CaseReference.parse(entry.case_reference) if entry.case_reference.strip() else None,
        classification=Classification(entry.classification) if entry.classification.strip() else None,
        screening=Screening.proposed()
        if entry.screened and not entry.effective_basis
        else (Screening(skjermet=True, legal_basis=entry.effective_basis) if entry.screened else Screening()),
        documents=documents,
        series=profile.series,
        journal_year=int(year) if has_number else None,
        journal_sequence=int(sequence) if has_number else None,
        changes=_changes(entry),
        counterpart_name=entry.counterpart_name,
        document=subject,
    )
