"""A broken pack fails on load with the file, the place inside it and what is wrong, in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from somevakt.policy.packs import PACKS_DIR, PackError, load_pack_file
from somevakt.policy.schema import HonouredBy, Rule


def broken(tmp_path: Path, change) -> str:
    data = yaml.safe_load((PACKS_DIR / "gausdal.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "gausdal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PackError) as exc:
        load_pack_file(path)
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def clause(data, clause_id):
    return next(c for c in data["clauses"] if c["id"] == clause_id)


def test_it_names_the_clause_and_field_of_an_unknown_finding_code(tmp_path):
    def change(d):
        clause(d, "gausdal:offisielle-kontoer-7")["honoured_by"]["rules"][0]["codes"] = ["style.signatur"]

    msg = broken(tmp_path, change)
    assert "(gausdal:offisielle-kontoer-7)" in msg
    assert "rules[0].codes" in msg
    assert "unknown finding code 'style.signatur'" in msg


def test_it_refuses_an_unknown_action_and_topic(tmp_path):
    msg = broken(
        tmp_path,
        lambda d: clause(d, "gausdal:offisielle-kontoer-10")["honoured_by"]["rules"][0].update(action="ban"),
    )
    assert "unknown action 'ban'" in msg
    msg = broken(tmp_path, lambda d: clause(d, "gausdal:bruk-1").update(topic="misc"))
    assert "clauses[" in msg and "topic" in msg and "unknown topic 'misc'" in msg


def test_it_refuses_a_delete_without_a_declared_ground(tmp_path):
    def change(d):
        clause(d, "gausdal:offisielle-kontoer-3")["honoured_by"]["rules"][0].update(action="delete", also=[])

    assert "delete rules without a declared deletion ground" in broken(tmp_path, change)


def test_it_refuses_duplicate_ids_and_ids_of_another_pack(tmp_path):
    assert "duplicate clause ids" in broken(tmp_path, lambda d: d["clauses"].append(d["clauses"][0]))
    assert "must start with 'gausdal:'" in broken(
        tmp_path, lambda d: d["clauses"][0].update(id="hustadvika:2q")
    )


def test_it_refuses_settings_that_cite_a_missing_clause(tmp_path):
    assert "gausdal:99" in broken(tmp_path, lambda d: d["response"].update(clause="gausdal:99"))


def test_it_refuses_unquoted_sexagesimal_office_hours(tmp_path):
    # YAML 1.1 reads 15:30 unquoted as the number 930; the schema insists on quoted text.
    msg = broken(tmp_path, lambda d: d.update(office_hours={"days": {"mon": [800, 930]}}))
    assert "office_hours.days" in msg


def test_it_refuses_a_line_range_backwards(tmp_path):
    msg = broken(tmp_path, lambda d: d["clauses"][0]["source"].update(lines=[20, 10]))
    assert "source.lines" in msg and "[first, last]" in msg


def test_it_refuses_a_workflow_clause_that_does_not_say_whether_it_is_built(tmp_path):
    msg = broken(tmp_path, lambda d: clause(d, "gausdal:plan")["honoured_by"].pop("implemented"))
    assert "implemented" in msg


def test_it_reports_invalid_yaml_with_its_line(tmp_path):
    path = tmp_path / "gausdal.yaml"
    path.write_text("slug: gausdal\nclauses: [\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"line \d+: invalid YAML"):
        load_pack_file(path)


REASON = {"nb": "Grunn", "nn": "Grunn", "en": "Reason"}


def test_it_refuses_a_text_people_read_in_one_language_only(tmp_path):
    msg = broken(tmp_path, lambda d: clause(d, "gausdal:plan").update(summary="Planen godkjennes først."))
    assert "gausdal:plan" in msg and "nb: ..., nn: ..., en: ..." in msg
    msg = broken(tmp_path, lambda d: clause(d, "gausdal:plan")["summary"].pop("nn"))
    assert "summary.nn" in msg


def test_it_defaults_inbound_rules_to_comments_and_refuses_mixed_kinds():
    assert Rule(codes=("abuse.threat",), action="hide", reason=REASON).kinds == ("comment",)
    with pytest.raises(ValueError, match="needs `kinds`"):
        Rule(codes=("style.readability",), action="revise", reason=REASON)
    with pytest.raises(ValueError, match="comment only"):
        Rule(codes=("abuse.threat",), action="hide", kinds=("reply",), reason=REASON)


def test_it_treats_enforced_clauses_as_implemented_and_requires_a_rule_for_the_engine():
    assert HonouredBy(status="enforced", by=("worktime",)).implemented is True
    with pytest.raises(ValueError, match="at least one rule"):
        HonouredBy(status="enforced", by=("engine",))
    with pytest.raises(ValueError, match="guidance place"):
        HonouredBy(status="guidance", by=("registry",), implemented=False)


def test_it_refuses_a_plan_question_without_all_three_languages(tmp_path):
    def drop_nynorsk(data):
        del data["roles"]["account"]["plan"][0]["question"]["nn"]

    assert "nn" in broken(tmp_path, drop_nynorsk) and "Field required" in broken(tmp_path, drop_nynorsk)


def test_it_refuses_a_choice_question_without_choices_and_duplicate_question_ids(tmp_path):
    def no_choices(data):
        question = next(q for q in data["roles"]["account"]["plan"] if q.get("kind") == "choice")
        question["choices"] = []

    def twice(data):
        plan = data["roles"]["account"]["plan"]
        plan.append(dict(plan[0]))

    assert "a choice needs at least one choice" in broken(tmp_path, no_choices)
    assert "duplicate plan question ids" in broken(tmp_path, twice)


def test_it_refuses_a_plan_question_citing_a_missing_clause(tmp_path):
    def unknown(data):
        data["roles"]["account"]["plan"][0]["clause"] = "gausdal:finnes-ikke"

    assert "gausdal:finnes-ikke" in broken(tmp_path, unknown)


def test_it_renders_a_localized_text_in_the_asked_language_or_bokmaal():
    from somevakt.policy.schema import Localized

    text = Localized(nb="Hva?", nn="Kva?", en="What?")
    assert [text.text(code) for code in ("nb", "nn", "en", "nb-no", "de", None)] == [
        "Hva?",
        "Kva?",
        "What?",
        "Hva?",
        "Hva?",
        "Hva?",
    ]
