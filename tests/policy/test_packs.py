"""The four packs: they load, carry what the app needs, and a revision that follows the content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from somevakt.policy.packs import (
    PACKS_DIR,
    PackError,
    UnknownPolicy,
    list_packs,
    load_pack,
    load_pack_file,
    revision_of,
)

SLUGS = ("batsfjord", "gausdal", "hustadvika", "romskog")


def test_it_lists_the_packs_without_their_case_files():
    assert list_packs() == list(SLUGS)


def test_it_caches_a_loaded_pack():
    assert load_pack("gausdal") is load_pack("gausdal")


def test_it_names_the_known_packs_when_a_slug_is_unknown():
    with pytest.raises(UnknownPolicy) as exc:
        load_pack("oslo")
    assert "'oslo'" in str(exc.value)
    assert "batsfjord, gausdal, hustadvika, romskog" in str(exc.value)


@pytest.mark.parametrize(
    ("slug", "minimum"), [("hustadvika", 31), ("gausdal", 31), ("romskog", 21), ("batsfjord", 21)]
)
def test_it_maps_every_clause_with_an_id_topic_and_source(slug, minimum):
    pack = load_pack(slug)
    assert len(pack.clauses) >= minimum
    for c in pack.clauses:
        assert c.id.startswith(f"{slug}:")
        assert c.source.file == pack.guideline.anchor
        if c.honoured_by.status == "enforced":
            assert c.honoured_by.implemented is True


def test_it_uses_the_ids_of_the_guidelines_own_numbering():
    assert load_pack("hustadvika").clause("hustadvika:2q").topic == "deletion"
    assert load_pack("gausdal").clause("gausdal:offisielle-kontoer-1").topic == "response_time"
    assert load_pack("batsfjord").clause("batsfjord:4.4-sletting").topic == "deletion"
    assert load_pack("romskog").clause("romskog:adm-krise").topic == "crisis"
    assert load_pack("hustadvika").guideline.anchor == "004_05ef97f796993d8c.txt"


def test_it_carries_each_municipalitys_decisions():
    h, r, g, b = (load_pack(s) for s in ("hustadvika", "romskog", "gausdal", "batsfjord"))
    assert (h.response.working_days, r.response.working_days) == (None, None)
    assert (g.response.working_days, b.response.working_days) == (1, 1)
    assert g.replies.sign_with_first_name and not any(p.replies.sign_with_first_name for p in (h, r, b))
    assert g.deletion_grounds == ()
    assert {"abuse.insult", "abuse.threat", "abuse.hate", "person.named"} <= {
        code for d in h.deletion_grounds for code in d.codes
    }
    assert h.roles.account.approved_by == ("unit_leader",) and h.roles.account.notified == ("service_office",)
    assert r.roles.account.approved_by == ("chief_executive",)
    assert g.roles.account.approved_by == ("chief_executive",) and g.roles.account.plan_required
    assert b.roles.account.notified == ("it",)
    assert h.roles.political_referral is None
    # Gausdal 4: the unit leader runs the unit's accounts; 3: reputation-critical cases go to the
    # information adviser with the chief executive's team.
    assert g.roles.difficult_cases.roles == ("unit_leader",)
    assert g.roles.reputation_critical.roles == ("communications", "chief_executive")
    # Who replies (Rømskog 10, Hustadvika 3g) and who is told of an overdue item (Båtsfjord 4.3).
    assert r.roles.reply.roles == ("communications",) and r.roles.reply.clause == "romskog:ansatte-10"
    assert h.roles.reply.clause == "hustadvika:3g" and g.roles.reply is None and b.roles.reply is None
    assert b.roles.overdue.roles == ("unit_leader",) and g.roles.overdue is None
    for p in (h, r, g, b):
        slug = p.slug
        assert p.municipality.email_domains == (f"{slug}.kommune.no",)
        assert p.municipality.formal_inquiries.email.endswith(f"@{slug}.kommune.no")
        assert p.municipality.formal_inquiries.postal_address.startswith(p.name)
        assert p.office_hours.days["mon"] == ("08:00", "15:30")
        assert p.office_hours.closed_days == ("12-24", "12-31")
        assert p.municipality.formal_inquiries.email in p.templates.formal_referral
        assert set(p.readability.lix_max) == {"reply", "post"}


def test_it_signs_gausdals_templates_with_a_first_name():
    t = load_pack("gausdal").templates
    assert all("{fornavn}" in x for x in (t.thank_you, t.formal_referral, t.political_referral or ""))


def test_it_hashes_the_file_content_into_a_stable_revision(tmp_path: Path):
    raw = (PACKS_DIR / "romskog.yaml").read_bytes()
    assert load_pack("romskog").revision == revision_of(raw)
    assert revision_of(raw) == revision_of(raw.replace(b"\n", b"\r\n"))
    copy = tmp_path / "romskog.yaml"
    shutil.copy(PACKS_DIR / "romskog.yaml", copy)
    assert load_pack_file(copy).revision == load_pack("romskog").revision
    copy.write_bytes(raw + b"# a comment changes the revision\n")
    assert load_pack_file(copy).revision != load_pack("romskog").revision


def test_it_refuses_a_pack_whose_slug_is_not_its_file_name(tmp_path: Path):
    copy = tmp_path / "oslo.yaml"
    shutil.copy(PACKS_DIR / "romskog.yaml", copy)
    with pytest.raises(PackError, match="slug"):
        load_pack_file(copy)


@pytest.mark.parametrize("slug", SLUGS)
def test_it_asks_each_plan_question_in_bokmaal_nynorsk_and_english(slug):
    rules = load_pack(slug).roles.account
    assert rules.plan, "every guideline asks something before an account is created"
    for question in rules.plan:
        texts = [
            question.question,
            *([question.help] if question.help else []),
            *(c.label for c in question.choices),
        ]
        for text in texts:
            assert text.nb.strip() and text.nn.strip() and text.en.strip(), question.id
        # Each question names the clause it answers, a clause about creating or identifying an account.
        assert load_pack(slug).clause(question.clause).topic in {
            "account_creation",
            "identity",
            "confidentiality",
            "ownership",
            "photos_rights",
        }


def test_it_asks_what_each_guideline_asks_of_a_new_account():
    gausdal = {q.id for q in load_pack("gausdal").roles.account.plan}
    assert {
        "goal",
        "why",
        "achieve",
        "topics",
        "discussion",
        "dialogue_rules",
        "duration",
        "marketing",
    } <= gausdal
    hustadvika = {q.clause for q in load_pack("hustadvika").roles.account.plan}
    assert {f"hustadvika:2{letter}" for letter in "abcdef"} <= hustadvika
    assert load_pack("romskog").roles.account.checks == ("chief_executive_admin",)
    assert "batsfjord:4.3-kommunevapen" in {q.clause for q in load_pack("batsfjord").roles.account.plan}
