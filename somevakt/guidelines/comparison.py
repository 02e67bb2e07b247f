"""The topic × municipality table (`somevakt policy compare`'s data), from one municipality's side:
which topics its own guideline says nothing about while other municipalities' guidelines do."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from somevakt.guidelines.labels import STATUS_LABELS, topic_label
from somevakt.policy.codes import COMPARE_TOPICS
from somevakt.policy.comparison import compare_data
from somevakt.policy.packs import load_pack


@dataclass(frozen=True)
class Cell:
    count: int
    statuses: str  # e.g. "enforced, guidance"
    ours: bool


@dataclass(frozen=True)
class Row:
    topic: str
    label: str
    cells: list[Cell]
    missing_here: bool  # our guideline is silent, another municipality's is not


@dataclass(frozen=True)
class Comparison:
    columns: list[dict[str, object]]
    rows: list[Row]
    settings_rows: list[tuple[str, list[tuple[str, bool]]]]

    @property
    def missing(self) -> list[str]:
        return [row.label for row in self.rows if row.missing_here]


def _deadline(days: float | None) -> str:
    if days is None:
        return _("none")
    return ngettext(
        "%(days)s working day", "%(days)s working days", int(days) if days == int(days) else 2
    ) % {"days": f"{days:g}"}


def compare(our_slug: str) -> Comparison:
    data = compare_data()
    slugs = list(data["policies"])
    packs = {slug: load_pack(slug) for slug in slugs}
    columns = [
        {"slug": slug, "name": data["policies"][slug]["name"], "ours": slug == our_slug} for slug in slugs
    ]
    rows = []
    for topic, _label in COMPARE_TOPICS:
        cells = []
        for slug in slugs:
            ids = data["topics"][topic][slug]
            statuses = dict.fromkeys(packs[slug].clause(i).honoured_by.status for i in ids)
            cells.append(Cell(len(ids), ", ".join(str(STATUS_LABELS[s]) for s in statuses), slug == our_slug))
        ours = data["topics"][topic].get(our_slug)
        others = any(data["topics"][topic][slug] for slug in slugs if slug != our_slug)
        rows.append(Row(topic, topic_label(topic), cells, our_slug in slugs and not ours and others))
    settings = data["settings"]
    settings_rows = [
        (_("Answer deadline"), [(_deadline(settings[s]["working_days"]), s == our_slug) for s in slugs]),
        (
            _("Signed with first name"),
            [(_("yes") if settings[s]["sign_with_first_name"] else _("no"), s == our_slug) for s in slugs],
        ),
        (
            _("Deleting allowed"),
            [
                (_("yes") if settings[s]["deletion_grounds"] else _("no (hide and escalate)"), s == our_slug)
                for s in slugs
            ],
        ),
        (
            _("Own rule for political inquiries"),
            [(_("yes") if settings[s]["political_referral"] else _("no"), s == our_slug) for s in slugs],
        ),
    ]
    return Comparison(columns, rows, settings_rows)
