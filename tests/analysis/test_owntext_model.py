"""The own-text classifier (models/owntexts, analysis/owntext.py) beside reply_stance's rules:
irony and own opinion that the rules have no words for are sent back for revision with the
guideline's clause, a friendly winking reply and a neutral report of a council decision are not,
and citizens' comments never load the model."""

from __future__ import annotations

import pytest

from somevakt.analysis import owntext, reply_stance
from somevakt.analysis.base import Document
from somevakt.analysis.registry import analyse_many
from somevakt.analysis.reply_stance import IRONY, OWN_OPINION
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack

IRONY_CLAUSES = {
    "hustadvika": "hustadvika:2p",
    "romskog": "romskog:adm-negative",
    "gausdal": "gausdal:offisielle-kontoer-9",
    "batsfjord": "batsfjord:4.4-svar",
}
OPINION_CLAUSES = {
    "hustadvika": "hustadvika:1c",
    "romskog": "romskog:adm-politisk-skille",
    "gausdal": "gausdal:offisielle-kontoer-11",
    "batsfjord": "batsfjord:4.4-politisk",
}

# Written for this test (none is in the corpus or a dev set); the rules have no words for either.
IRONIC = "Vi merker oss at du har oppdaget at det er vinter. Hilsen Kari"
OPINION = (
    "Heldigvis ble det flertall for å beholde Øvre skole. Alt annet hadde vært et svik mot bygda. Hilsen Kari"
)
NEUTRAL = (
    "Kommunestyret vedtok 12. mai å legge ned Øvre skole. Elevene flytter til Sentrum skole fra høsten,"
    " og skyssen blir ordnet. Hilsen Kari"
)
WINKING = (
    "Takk for at du sa ifra om lyset ved busskuret! Vi sender noen dit i morgen 😉 Hilsen Kari",
    "Godt spotta! Skrivefeilen er retta nå, takk for at du har falkeblikk 😉 Hilsen Kari",
)


def test_the_rules_alone_find_neither_the_irony_nor_the_opinion() -> None:
    # so the findings below are the model's
    irony, opinion = Document(IRONIC, "reply"), Document(OPINION, "reply")
    assert reply_stance._irony_spans(irony) == [] and reply_stance._irony_heard(irony) == []
    assert reply_stance._opinions(opinion) == []


@pytest.mark.parametrize("slug", sorted(IRONY_CLAUSES))
def test_an_ironic_reply_is_sent_back_for_revision_with_the_clause(slug: str) -> None:
    decision = evaluate(IRONIC, "reply", load_pack(slug))
    assert decision.action == "revise"
    assert IRONY in decision.codes
    assert IRONY_CLAUSES[slug] in decision.clauses
    assert evaluate(IRONIC, "post", load_pack(slug)).action == "revise"


@pytest.mark.parametrize("slug", sorted(IRONY_CLAUSES))
@pytest.mark.parametrize("text", WINKING)
def test_a_friendly_winking_reply_is_ok(slug: str, text: str) -> None:
    decision = evaluate(text, "reply", load_pack(slug))
    assert decision.action == "ok", decision.codes
    assert IRONY not in decision.codes


@pytest.mark.parametrize("slug", sorted(OPINION_CLAUSES))
def test_an_opinion_on_a_council_decision_is_revised_and_a_neutral_report_of_one_is_ok(slug: str) -> None:
    pack = load_pack(slug)
    opinion = evaluate(OPINION, "reply", pack)
    assert opinion.action == "revise"
    assert OWN_OPINION in opinion.codes
    assert OPINION_CLAUSES[slug] in opinion.clauses
    neutral = evaluate(NEUTRAL, "reply", pack)
    assert neutral.action == "ok", neutral.codes


def test_a_finding_of_the_model_points_at_the_sentence_that_carries_it() -> None:
    found = [f for f in reply_stance.ReplyStanceAnalyser().analyse(Document(OPINION, "reply"))]
    assert [f.code for f in found] == [OWN_OPINION]
    span = OPINION[found[0].start : found[0].end]
    assert span in (
        "Heldigvis ble det flertall for å beholde Øvre skole.",
        "Alt annet hadde vært et svik mot bygda.",
    )


def test_it_judges_only_the_municipalitys_replies_and_posts() -> None:
    for kind in ("comment", "private"):
        assert owntext.judgement(Document(IRONIC, kind)) is None
    assert owntext.judgement(Document("🙄🙄", "reply")) is None  # no word to read
    judged = owntext.judgement(Document(IRONIC, "post"))
    assert judged is not None and set(judged.scores) == set(owntext.LABELS)


def test_citizens_comments_never_load_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} loaded for a comment")

    monkeypatch.setattr(owntext, "load", refuse)
    comments = [IRONIC, OPINION, "Når åpner svømmehallen igjen?"]
    results = analyse_many(comments, "comment")
    assert len(results) == 3
    with pytest.raises(AssertionError):
        analyse_many([IRONIC], "reply")
