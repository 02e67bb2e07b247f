"""The pack as the Guidelines page shows it: settings in plain words, topics in order, source files."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from somevakt.guidelines import presentation
from somevakt.policy.codes import TOPICS
from somevakt.policy.packs import load_pack

OFFICE = SimpleNamespace(office_opens=dt.time(8, 0), office_closes=dt.time(15, 30))


def settings_of(slug: str, office=OFFICE) -> dict[str, presentation.Setting]:
    return {s.label: s for s in presentation.settings(load_pack(slug), office)}


def test_it_states_the_deadline_with_the_municipalitys_office_hours() -> None:
    late = SimpleNamespace(office_opens=dt.time(9, 0), office_closes=dt.time(16, 0))
    deadline = settings_of("gausdal", late)["Svarfrist"]
    assert deadline.lines[0] == "Svar innen 1 arbeidsdag."
    assert "09:00–16:00" in deadline.lines[1]
    assert deadline.clauses == ["gausdal:offisielle-kontoer-1"]


def test_it_says_plainly_when_the_guideline_sets_no_deadline() -> None:
    deadline = settings_of("hustadvika")["Svarfrist"]
    assert deadline.lines == ["Retningslinjen setter ingen svarfrist; kommunen kan sette sin egen."]
    assert deadline.note == ""


def test_it_lists_deletion_grounds_or_says_there_are_none() -> None:
    batsfjord = settings_of("batsfjord")["Sletting av kommentarer"]
    assert load_pack("batsfjord").deletion_grounds[0].summary.nb in batsfjord.lines
    gausdal = settings_of("gausdal")["Sletting av kommentarer"]
    assert "ingen grunn til å slette" in gausdal.lines[0]
    assert gausdal.clauses == []


def test_it_names_who_approves_accounts_and_who_leads_in_a_crisis() -> None:
    settings = settings_of("hustadvika")
    assert settings["Offisielle kontoer"].lines[0] == "Nye offisielle kontoer godkjennes av: Enhetsleder."
    assert "Kriseledelse" in settings["Krisekommunikasjon"].lines[0]
    declared = settings["Krisekommunikasjon"].lines[1]
    assert "Kommunedirektør" in declared and "Ordfører" not in declared
    assert "Ordfører" in settings_of("batsfjord")["Krisekommunikasjon"].lines[1]  # Båtsfjord 4.3
    assert "post@hustadvika.kommune.no" in settings["Formelle henvendelser"].lines[0]


def test_it_groups_every_clause_once_in_topic_order() -> None:
    pack = load_pack("batsfjord")
    groups = presentation.topic_groups(pack)
    assert [g.key for g in groups] == [t for t in TOPICS if any(c.topic == t for c in pack.clauses)]
    assert sorted(c.id for g in groups for c in g.clauses) == sorted(c.id for c in pack.clauses)


def test_it_marks_what_is_not_built_yet() -> None:
    pack = load_pack("gausdal")
    counts = presentation.status_counts(pack)
    assert counts["enforced"] + counts["workflow"] + counts["guidance"] == len(pack.clauses)
    assert counts["not_built"] == sum(1 for c in pack.clauses if not c.honoured_by.implemented)
    view = presentation.clause_view(pack.clause("gausdal:bruk-1"))
    assert (view.status_label, view.implemented, view.self_check) == ("veiledning", True, True)
    assert view.lines == "linje 17"
    assert view.sources == ["002_00f51f295dd3c1ab.txt, linje 17"]  # for administrators
    # Guidance shown on each person's page "The guideline for you" (people.onboarding).
    view = presentation.clause_view(pack.clause("gausdal:strategi"))
    assert (view.status_label, view.implemented, view.self_check) == ("veiledning", True, False)
    # The four packs have every clause built; a clause marked not built (test data built from
    # Båtsfjord's pack) is counted and shown as such.
    batsfjord = load_pack("batsfjord")
    assert presentation.status_counts(batsfjord)["not_built"] == 0
    brudd = batsfjord.clause("batsfjord:brudd")
    not_built = brudd.model_copy(
        update={"honoured_by": brudd.honoured_by.model_copy(update={"implemented": False})}
    )
    clauses = tuple(not_built if c.id == brudd.id else c for c in batsfjord.clauses)
    assert presentation.status_counts(batsfjord.model_copy(update={"clauses": clauses}))["not_built"] == 1
    assert not presentation.clause_view(not_built).implemented
    assert presentation.clause_view(brudd).implemented


def test_it_reports_guideline_files_absent_from_this_server(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOMEVAKT_GUIDELINES_DIR", str(tmp_path))
    files = presentation.source_files(load_pack("hustadvika"))
    assert [(f.name, f.anchor, f.on_server, f.unmapped) for f in files] == [
        ("004_05ef97f796993d8c.txt", True, False, None),
        ("000_84e1531cb9d90486.txt", False, False, None),
    ]


def test_it_notices_a_guideline_file_that_changed(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOMEVAKT_GUIDELINES_DIR", str(tmp_path))
    changed = tmp_path / "002_00f51f295dd3c1ab.txt"
    changed.write_text("\n" * 13 + "Tekst der et punkt står\n", encoding="utf-8")
    [anchor] = presentation.source_files(load_pack("gausdal"))
    assert anchor.on_server and anchor.stale
    assert anchor.unmapped == 0  # line 14 is gausdal:arbeidstiden's
    changed.write_text("Tekst på en linje ingen punkter dekker\n", encoding="utf-8")
    [anchor] = presentation.source_files(load_pack("gausdal"))
    assert anchor.unmapped == 1


def test_it_says_who_may_speak_for_the_municipality() -> None:
    gausdal = settings_of("gausdal")["Hvem som kan uttale seg for kommunen"]
    assert "Enhetsledere og kommunalsjefer uttaler seg for sin egen enhet" in gausdal.lines[0]
    assert "gausdal:informasjonsansvar-3" in gausdal.clauses
    romskog = settings_of("romskog")["Hvem som kan uttale seg for kommunen"]
    assert romskog.lines[0].startswith("Bare administratorene")
    assert romskog.clauses == ["romskog:talsperson", "romskog:ansatte-10"]
