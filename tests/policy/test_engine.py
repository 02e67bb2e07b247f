"""decide(): findings -> the pack's clauses and the action its guideline prescribes (hand-built findings)."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Finding
from somevakt.policy.codes import SECONDARY_ACTIONS
from somevakt.policy.decision import INBOUND_ACTIONS
from somevakt.policy.engine import (
    InputError,
    PolicyContext,
    check_input,
    context_findings,
    decide,
    evaluate,
    evaluate_many,
)
from somevakt.policy.packs import list_packs, load_pack

SLUGS = ("hustadvika", "romskog", "gausdal", "batsfjord")
ABUSE = ("abuse.insult", "abuse.threat", "abuse.hate", "abuse.obscene")


def f(code: str, start: int = 0, end: int = 40, severity: str = "info") -> Finding:
    return Finding(code, start, end, severity)  # type: ignore[arg-type]


def run(slug: str, kind: str, *codes: str, context: PolicyContext | None = None):
    return decide([f(c) for c in codes], kind, load_pack(slug), context, text_length=40)


def test_it_ships_the_four_packs():
    assert sorted(SLUGS) == list_packs()


@pytest.mark.parametrize(
    ("slug", "action", "also"),
    [
        ("hustadvika", "delete", ()),
        ("batsfjord", "delete", ()),
        ("romskog", "delete", ()),
        ("gausdal", "escalate_manager", ("hide",)),
    ],
)
def test_it_deletes_a_named_insult_only_where_the_guideline_gives_a_ground(slug, action, also):
    d = run(slug, "comment", "person.named", "abuse.insult")
    assert d.action == action
    assert d.also == also
    assert d.clauses


@pytest.mark.parametrize("slug", SLUGS)
def test_it_never_deletes_under_a_pack_without_that_ground(slug):
    pack = load_pack(slug)
    grounds = {code for g in pack.deletion_grounds for code in g.codes}
    for code in ABUSE:
        d = run(slug, "comment", code)
        if code in grounds:
            assert d.action == "delete", code
        else:
            assert d.action != "delete", code
            assert d.action == "escalate_manager" and "hide" in d.also, code


def test_it_hides_and_escalates_a_threat_under_gausdal():
    d = run("gausdal", "comment", "abuse.threat")
    assert (d.action, d.also) == ("escalate_manager", ("hide",))
    assert d.clauses == ("gausdal:offisielle-kontoer-3",)
    assert any("slette" in r for r in d.reasons_in("nb"))


def test_it_escalates_obscenity_under_hustadvika_where_2q_gives_no_ground():
    d = run("hustadvika", "comment", "abuse.obscene")
    assert (d.action, d.also) == ("escalate_manager", ("hide",))
    assert d.clauses == ("hustadvika:vanskelige-saker",)


@pytest.mark.parametrize("slug", SLUGS)
def test_it_thanks_for_praise_of_a_named_person(slug):
    d = run(slug, "comment", "person.named", "tone.praise")
    assert d.action == "thank"
    assert d.also == ()


@pytest.mark.parametrize("slug", SLUGS)
def test_it_refers_someone_posting_their_own_national_id_and_hides_it(slug):
    d = run(slug, "comment", "personal_data.national_id", "intent.question")
    assert d.action == "refer_formal"
    assert d.also == ("hide",)
    assert any("@" in r for r in d.reasons_in("nb")), "the reasons say where formal inquiries go"


@pytest.mark.parametrize("slug", SLUGS)
def test_it_answers_a_question_with_a_possible_national_id_and_offers_to_hide_it(slug):
    d = run(slug, "comment", "personal_data.national_id_like", "intent.question")
    assert (d.action, d.also) == ("reply", ("hide",))
    assert any("kan være et fødselsnummer" in r for r in d.reasons_in("nb"))
    alone = run(slug, "comment", "personal_data.national_id_like")
    assert (alone.action, alone.also) == ("hide", ())
    assert run(slug, "comment", "personal_data.national_id_like", "abuse.threat").action != "hide"


@pytest.mark.parametrize("slug", SLUGS)
def test_it_cites_for_a_possible_national_id_the_clause_that_keeps_national_ids_out(slug):
    privacy = run(slug, "reply", "personal_data.national_id").clauses
    assert len(privacy) == 1
    assert run(slug, "comment", "personal_data.national_id_like").clauses == privacy
    for kind in ("reply", "post"):
        d = run(slug, kind, "personal_data.national_id_like")
        assert (d.action, d.clauses) == ("revise", privacy), kind
    (finding,) = run(slug, "comment", "personal_data.national_id_like").findings
    assert finding.clauses == privacy


@pytest.mark.parametrize("slug", SLUGS)
def test_it_offers_to_hide_a_question_with_a_mistyped_birth_number_end_to_end(slug):
    text = "Når åpner svømmehallen igjen? Nummeret mitt er 01.02.85 123 46."
    d = evaluate(text, "comment", load_pack(slug))
    assert d.action == "reply"
    assert "hide" in d.also
    (like,) = [f for f in d.findings if f.code == "personal_data.national_id_like"]
    assert text[like.start : like.end] == "01.02.85 123 46"
    assert like.text == "**.**.** *** **"


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("kind", ["comment", "reply", "post", "private"])
def test_it_reports_a_direction_override_without_acting_on_it(slug, kind):
    text = "Mallory \u202eelif.exe\u202c har sendt oss en fil."
    pack = load_pack(slug)
    d = evaluate(text, kind, pack)
    (finding,) = [f for f in d.findings if f.code == "text.bidi_override"]
    assert (finding.start, finding.end, finding.severity) == (8, 18, "info")
    assert finding.clauses == ()
    others = [f for f in d.findings if f.code != "text.bidi_override"]
    without = decide(others, kind, pack, text_length=len(text))
    for field in ("action", "also", "clauses", "reasons"):
        assert getattr(d, field) == getattr(without, field), field


@pytest.mark.parametrize("slug", SLUGS)
def test_it_lets_crisis_beat_everything(slug):
    d = run(slug, "comment", "intent.crisis", "abuse.threat", "intent.case_request", "intent.question")
    assert d.action == "escalate_crisis"
    assert d.clauses[0] == load_pack(slug).roles.crisis.clause


@pytest.mark.parametrize("slug", SLUGS)
def test_it_lets_illegal_content_beat_case_processing(slug):
    d = run(slug, "comment", "abuse.threat", "intent.case_request")
    assert d.action in {"delete", "escalate_manager"}
    assert "refer_formal" in d.also


@pytest.mark.parametrize("slug", SLUGS)
def test_it_lets_case_processing_beat_a_plain_answer(slug):
    d = run(slug, "comment", "intent.case_request", "intent.question", "tone.negative")
    assert d.action == "refer_formal"
    assert "reply" not in d.also


@pytest.mark.parametrize(
    ("slug", "action"),
    [
        ("gausdal", "refer_political"),
        ("batsfjord", "refer_political"),
        ("romskog", "refer_political"),
        ("hustadvika", "reply"),
    ],
)
def test_it_refers_political_matters_where_the_guideline_says_so(slug, action):
    d = run(slug, "comment", "intent.political")
    assert d.action == action
    assert d.clauses


@pytest.mark.parametrize("slug", SLUGS)
def test_it_answers_questions_and_criticism(slug):
    assert run(slug, "comment", "intent.question").action == "reply"
    assert run(slug, "comment", "tone.negative").action == "reply"
    assert run(slug, "comment", "intent.question", "tone.praise").action == "reply"


@pytest.mark.parametrize("slug", SLUGS)
def test_it_does_nothing_for_an_unremarkable_comment_but_still_cites_a_clause(slug):
    d = run(slug, "comment")
    assert d.action == "none"
    assert d.clauses == (load_pack(slug).response.monitor_clause,)
    assert d.reasons


@pytest.mark.parametrize("slug", SLUGS)
def test_it_hides_exposed_contact_details_but_still_answers_the_question(slug):
    d = run(slug, "comment", "personal_data.phone", "intent.question")
    assert d.action == "reply"
    assert d.also == ("hide",)
    assert run(slug, "comment", "personal_data.email").action == "hide"


@pytest.mark.parametrize("slug", SLUGS)
def test_it_keeps_confidential_matters_out_of_public_answers(slug):
    d = run(slug, "comment", "confidential.case_details")
    assert (d.action, d.also) == ("refer_formal", ("hide",))
    assert run(slug, "reply", "confidential.case_details").action == "block"
    assert run(slug, "private", "confidential.case_details").action == "block"


@pytest.mark.parametrize("slug", SLUGS)
def test_it_only_gives_outgoing_actions_for_outgoing_kinds(slug):
    for kind in ("reply", "post", "private"):
        for codes in [
            (),
            ("abuse.insult",),
            ("personal_data.national_id",),
            ("style.readability",),
            ("private.work_email",),
            ("tone.negative", "intent.question"),
        ]:
            d = run(slug, kind, *codes)
            assert d.action in {"ok", "revise", "block"}
            assert d.also == ()
            assert d.clauses, (kind, codes)


@pytest.mark.parametrize("slug", SLUGS)
def test_it_gives_only_inbound_actions_for_comments_and_every_action_cites_clauses(slug):
    pack = load_pack(slug)
    known = {c.id for c in pack.clauses}
    codes = sorted({code for c in pack.clauses for r in c.honoured_by.rules for code in r.codes})
    for code in codes:
        d = run(slug, "comment", code)
        assert d.action in INBOUND_ACTIONS
        assert set(d.also) <= set(SECONDARY_ACTIONS)
        assert d.action not in d.also
        assert d.clauses and set(d.clauses) <= known
        assert d.reasons


def test_it_asks_gausdal_replies_to_be_signed_and_ignores_the_signature_elsewhere():
    d = run("gausdal", "reply", "style.signature_missing")
    assert d.action == "revise"
    assert d.clauses == ("gausdal:offisielle-kontoer-7",)
    for slug in ("hustadvika", "romskog", "batsfjord"):
        d = run(slug, "reply", "style.signature_missing")
        assert d.action == "ok"
        assert "style.signature_missing" not in d.codes


def test_it_asks_for_clearer_language_in_replies():
    assert run("hustadvika", "reply", "style.readability").action == "revise"
    assert run("batsfjord", "post", "style.readability").action == "revise"
    assert run("romskog", "reply", "style.readability").action == "ok", "Rømskog has no language rule"


@pytest.mark.parametrize(
    ("slug", "reply_clause", "post_clause"),
    [
        ("hustadvika", "hustadvika:1c", "hustadvika:1a"),
        ("romskog", "romskog:adm-politisk-skille", "romskog:adm-politisk-skille"),
        ("gausdal", "gausdal:offisielle-kontoer-11", "gausdal:offisielle-kontoer-11"),
        ("batsfjord", "batsfjord:4.4-politisk", "batsfjord:4.4-politisk"),
    ],
)
def test_it_asks_to_revise_an_own_opinion_on_a_political_matter(slug, reply_clause, post_clause):
    d = run(slug, "reply", "style.own_opinion")
    assert d.action == "revise"
    assert d.clauses == (reply_clause,)
    assert d.findings[0].clauses == (reply_clause,)
    # Hustadvika: a reply answers as the municipality (1c); on the net you always act as it (1a).
    assert run(slug, "post", "style.own_opinion").clauses == (post_clause,)
    # A citizen may have opinions; an employee's private post is their own.
    assert run(slug, "comment", "style.own_opinion").action == "none"
    assert run(slug, "private", "style.own_opinion").action == "ok"


@pytest.mark.parametrize(
    ("slug", "clause"),
    [
        ("hustadvika", "hustadvika:2p"),
        ("romskog", "romskog:adm-negative"),
        ("gausdal", "gausdal:offisielle-kontoer-9"),
        ("batsfjord", "batsfjord:4.4-svar"),
    ],
)
def test_it_asks_to_revise_irony_under_the_clause_asking_for_a_polite_factual_answer(slug, clause):
    for kind in ("reply", "post"):
        d = run(slug, kind, "style.irony")
        assert (d.action, d.clauses) == ("revise", (clause,)), kind
    assert run(slug, "comment", "style.irony").action == "none"


@pytest.mark.parametrize("slug", SLUGS)
def test_it_blocks_a_reply_revealing_a_confidential_case_whatever_else_it_says(slug):
    d = run(slug, "reply", "style.own_opinion", "style.irony", "confidential.case_details")
    assert d.action == "block"
    both = run(slug, "reply", "style.own_opinion", "style.irony")
    assert both.action == "revise" and len(both.clauses) == 2


@pytest.mark.parametrize("slug", SLUGS)
def test_it_finds_opinion_irony_and_a_revealed_case_in_replies_end_to_end(slug):
    pack = load_pack(slug)
    opinion = evaluate("Vi i administrasjonen synes politikerne tok feil. Hilsen Kari", "reply", pack)
    assert opinion.action == "revise" and "style.own_opinion" in opinion.codes
    irony = evaluate("Hvis du hadde giddet å lese vedtaket, hadde du visst det 🙄 Hilsen Kari", "reply", pack)
    assert irony.action == "revise" and "style.irony" in irony.codes
    neutral = evaluate("Saken behandles i kommunestyret 12. mai. Hilsen Kari", "reply", pack)
    assert neutral.action == "ok", neutral.codes
    case = evaluate(
        "Vi har sett på saken til sønnen din hos barnevernet og kommer tilbake til deg. Hilsen Kari",
        "reply",
        pack,
    )
    assert case.action == "block" and "confidential.case_details" in case.codes


@pytest.mark.parametrize("slug", SLUGS)
def test_it_blocks_posts_and_replies_in_crisis_mode_unless_instructed(slug):
    d = run(slug, "post", context=PolicyContext(crisis_mode=True))
    assert d.action == "block"
    assert "post.crisis_lock" in d.codes
    assert run(slug, "reply", context=PolicyContext(crisis_mode=True)).action == "block"
    ok = run(slug, "post", context=PolicyContext(crisis_mode=True, crisis_instructed=True))
    assert "post.crisis_lock" not in ok.codes


def test_it_blocks_crisis_talk_without_instruction_under_hustadvika_1f():
    assert run("hustadvika", "post", "intent.crisis").action == "block"
    assert (
        run("hustadvika", "post", "intent.crisis", context=PolicyContext(crisis_instructed=True)).action
        == "ok"
    )


@pytest.mark.parametrize(
    ("slug", "action"),
    [("hustadvika", "block"), ("batsfjord", "block"), ("romskog", "block"), ("gausdal", "ok")],
)
def test_it_blocks_pictures_of_people_without_consent_where_the_guideline_asks(slug, action):
    d = run(slug, "post", context=PolicyContext(media_shows_people=True))
    assert "post.consent_missing" in d.codes
    assert d.action == action
    d = run(slug, "post", context=PolicyContext(media_shows_people=True, consent_recorded=True))
    assert "post.consent_missing" not in d.codes


@pytest.mark.parametrize(
    ("slug", "action"),
    [("hustadvika", "revise"), ("batsfjord", "revise"), ("romskog", "ok"), ("gausdal", "ok")],
)
def test_it_asks_for_the_website_first_where_the_guideline_does(slug, action):
    assert run(slug, "post", context=PolicyContext(published_on_website=False)).action == action
    assert "post.website_first" not in run(slug, "post").codes


def test_it_blocks_posting_on_a_closed_gausdal_forum():
    d = run("gausdal", "post", context=PolicyContext(account_closed=True))
    assert d.action == "block"
    assert d.clauses == ("gausdal:offisielle-kontoer-2",)


def test_it_makes_context_findings_span_the_whole_text():
    found = context_findings("post", PolicyContext(crisis_mode=True, account_closed=True), 17)
    assert {x.code for x in found} == {"post.crisis_lock", "post.account_closed"}
    assert all((x.start, x.end) == (0, 17) for x in found)
    assert context_findings("comment", PolicyContext(crisis_mode=True), 17) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_it_asks_employees_to_revise_private_posts(slug):
    assert run(slug, "private", "private.speaks_for_employer").action == "revise"
    expected = "ok" if slug == "romskog" else "revise"  # Rømskog has no rule on work e-mail
    assert run(slug, "private", "private.work_email").action == expected


def test_it_fills_in_each_findings_clauses():
    d = decide([f("person.named", 0, 4), f("abuse.insult", 5, 20)], "comment", load_pack("hustadvika"))
    by_code = {x.code: x.clauses for x in d.findings}
    assert by_code["abuse.insult"] == ("hustadvika:2q",)
    assert by_code["person.named"] == ("hustadvika:2q",)


def test_it_is_deterministic_and_independent_of_finding_order():
    findings = [f("intent.question", 0, 40), f("personal_data.phone", 3, 11), f("tone.negative", 0, 40)]
    pack = load_pack("batsfjord")
    a = decide(findings, "comment", pack, input_hash="x")
    b = decide(list(reversed(findings)), "comment", pack, input_hash="x")
    assert a == b
    assert a.to_dict() == b.to_dict()
    assert a.policy_revision == pack.revision


def test_it_records_what_the_decision_was_made_from():
    d = decide([], "comment", load_pack("romskog"), analysers={"abuse": "3"}, input_hash="abc")
    record = d.to_record()
    assert record["input_hash"] == "abc"
    assert record["analysers"] == {"abuse": "3"}
    assert record["policy"] == "romskog"


def test_it_rejects_an_unknown_kind_and_empty_or_huge_text():
    with pytest.raises(InputError, match="kind"):
        decide([], "tweet", load_pack("romskog"))
    with pytest.raises(InputError, match="empty"):
        check_input("   \n", "comment")
    with pytest.raises(InputError, match="limit"):
        check_input("a" * 1_000_001, "comment")
    assert check_input("Hei", "reply") == "Hei"


ENGINE_BATCH = (
    "Tusen takk til Kari Nordmann på sykehjemmet, dere er fantastiske!",
    "Hvorfor er ikke veien brøytet? Ring meg på 912 34 567.",
    "Saksbehandleren Ola Hansen er en idiot som burde sparkes.",
    "Jeg søkte om byggetillatelse og vil klage på saksbehandlingen.",
    "Kommunestyret burde stemme nei til nedleggelsen av skolen.",
    "Det brenner ved brua, folk må evakueres!",
    "Mitt fødselsnummer er 01017012345, kan dere sjekke saken min?",
    "Skriv til postmottak@gausdal.kommune.no. Hilsen Kari",
)


@pytest.mark.slow  # every pack's texts through the models, batched and one by one
@pytest.mark.parametrize("slug", list_packs())
@pytest.mark.parametrize("kind", ["comment", "reply"])
def test_it_decides_in_a_batch_exactly_as_one_by_one(slug, kind):
    pack = load_pack(slug)
    batch = evaluate_many(ENGINE_BATCH, kind, pack)
    single = [evaluate(text, kind, pack) for text in ENGINE_BATCH]
    assert batch == single
    assert [d.to_record() for d in batch] == [d.to_record() for d in single]


def test_it_checks_every_text_of_a_batch_before_analysing_any():
    with pytest.raises(InputError, match="empty"):
        evaluate_many(["Når åpner biblioteket?", "  "], "comment", load_pack("gausdal"))


def test_it_gives_each_text_of_a_batch_its_own_context():
    pack = load_pack("gausdal")
    texts = ["Biblioteket er stengt i dag.", "Biblioteket er stengt i dag.", "Bassenget åpner igjen."]
    contexts = [PolicyContext(crisis_mode=True), None, PolicyContext(published_on_website=False)]
    batch = evaluate_many(texts, "post", pack, contexts)
    assert batch == [evaluate(text, "post", pack, own) for text, own in zip(texts, contexts, strict=True)]
    assert batch[0].action != batch[1].action  # the crisis holds the first, not the second
    with pytest.raises(ValueError, match="3 texts but 2 contexts"):
        evaluate_many(texts, "post", pack, contexts[:2])


@pytest.mark.parametrize("slug", SLUGS)
def test_what_a_comment_is_is_not_said_of_our_own_texts(slug):
    # Praise, a question or a political matter describe a citizen's comment; in a reply, post or
    # private post no rule uses them, so they would only be noise on the check's page.
    readings = ("tone.praise", "intent.question", "intent.political", "tone.negative")
    assert set(readings) <= set(run(slug, "comment", *readings).codes)
    for kind in ("reply", "post", "private"):
        d = run(slug, kind, *readings)
        assert not set(readings) & set(d.codes), kind
        assert d.action == "ok"


def test_a_crisis_is_kept_in_every_kind_of_text():
    for kind in ("comment", "reply", "post", "private"):
        assert "intent.crisis" in run("batsfjord", kind, "intent.crisis").codes, kind


def test_a_comment_reading_a_rule_uses_for_own_texts_stays():
    pack = load_pack("hustadvika")
    used = {
        code
        for c in pack.clauses
        for r in c.honoured_by.rules
        if "post" in r.kinds
        for code in (*r.codes, *r.needs)
        if code.startswith(("tone.", "intent."))
    }
    assert used, "Hustadvika has a rule on a comment reading in posts"
    for code in used:
        assert code in run("hustadvika", "post", code).codes
