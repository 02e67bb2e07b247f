"""The self-check's verdict and checklist, straight from the municipality's pack."""

from __future__ import annotations

import pytest
from django.utils import translation

from somevakt.people import selfcheck
from somevakt.policy.packs import load_pack


@pytest.fixture
def pack():
    return load_pack("gausdal")


def test_it_offers_official_posts_only_to_communications(owner, member, municipality) -> None:
    assert selfcheck.kinds_for(owner.memberships.get()) == ("private", "post")
    assert selfcheck.kinds_for(member.memberships.get()) == ("private",)


def test_it_lists_the_guidance_for_private_use_as_a_checklist(pack) -> None:
    ids = [c.id for c in selfcheck.checklist(pack, "private")]
    assert "gausdal:bruk-1" in ids
    assert "gausdal:bruk-2" not in ids  # enforced by the check itself, not a thing to remember
    assert all("self_check" in pack.clause(i).honoured_by.by for i in ids)
    post = [c.id for c in selfcheck.checklist(pack, "post")]
    assert post and not set(post) & set(ids)


def test_it_says_nothing_about_an_empty_text(pack) -> None:
    assert selfcheck.check("  \n ", "private", pack) is None


def test_it_blocks_confidential_details_and_cites_the_clause(pack) -> None:
    result = selfcheck.check("Pasienten Kari Hansen på sjukeheimen har fått kreft.", "private", pack)
    assert result is not None
    assert result.action == "block"
    assert result.verdict == "Ikke publiser dette"
    assert "gausdal:bruk-7" in result.clauses
    assert result.reasons
    assert "<mark" in str(result.marked_text)


def test_it_asks_for_changes_when_a_private_post_uses_the_work_address(pack) -> None:
    result = selfcheck.check("Skriv til meg på ola@gausdal.kommune.no om turen.", "private", pack)
    assert result is not None
    assert result.action == "revise"
    assert "gausdal:bruk-2" in result.clauses
    work_email = next(f for f in result.found if f.label == "Jobbens e-postadresse")
    assert work_email.severity == "warn"
    assert [clause_id for clause_id, _summary in work_email.clauses] == ["gausdal:bruk-2"]
    assert work_email.clauses[0][1] == load_pack("gausdal").clause("gausdal:bruk-2").summary.nb


def test_it_lists_lesser_findings_beside_the_verdict_that_outweighs_them(pack) -> None:
    result = selfcheck.check(
        "Pasienten Kari Hansen har fått kreft. Skriv til ola@gausdal.kommune.no", "private", pack
    )
    assert result is not None
    assert result.action == "block"
    assert "gausdal:bruk-2" not in result.clauses  # the verdict cites what blocks it...
    labels = [f.label for f in result.found]
    assert labels[0] == "Taushetsbelagt forhold"  # ...the list starts with the weightiest
    assert "Jobbens e-postadresse" in labels  # and still names the rest


def test_it_passes_an_ordinary_private_post(pack) -> None:
    result = selfcheck.check("Fin tur på fjellet i dag!", "private", pack)
    assert result is not None
    assert (result.action, result.reasons, result.clauses) == ("ok", (), ())


def test_it_refuses_a_text_over_the_limit_with_a_message(pack) -> None:
    result = selfcheck.check("a" * (selfcheck.MAX_TEXT_CHARS + 1), "private", pack)
    assert result is not None and result.error and not result.action


@pytest.mark.parametrize(
    ("language", "reason", "summary"),
    [
        (
            "nn",
            "Profilen eller innlegget brukar e-postadressa frå jobben; bruk ei privat adresse.",
            "E-postadressa frå jobben blir ikkje brukt på slike tenester.",
        ),
        (
            "en",
            "The profile or the post uses your work e-mail address; use a private address.",
            "Your work e-mail address is not used on such services.",
        ),
    ],
)
def test_it_gives_its_verdict_in_nynorsk_and_english(pack, language, reason, summary) -> None:
    with translation.override(language):
        result = selfcheck.check("Skriv til meg på ola@gausdal.kommune.no om turen.", "private", pack)
    assert result is not None and result.action == "revise"
    assert result.reasons == (reason,)
    (work_email,) = [f for f in result.found if "gausdal:bruk-2" in dict(f.clauses)]
    assert dict(work_email.clauses)["gausdal:bruk-2"] == summary
