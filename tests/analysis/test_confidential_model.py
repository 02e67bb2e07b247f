"""The confidential-matter classifier (models/confidential, `somevakt train confidential`) beside
the confidential analyser's rules: a matter of a person the writer knows from work, told in words
the rules have none for, blocks a private post or a reply with the guideline's clause and points at
the sentence that carries it; the writer's own family, aggregated figures, a workday and a referral
to a formal channel do not; citizens' comments are never judged by it and never load it."""

from __future__ import annotations

import pytest

from somevakt.analysis import confidential, owntext
from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser
from somevakt.analysis.registry import analyse_many
from somevakt.policy.engine import evaluate
from somevakt.policy.packs import load_pack

CLAUSES = {
    "hustadvika": {"private": "hustadvika:3c", "reply": "hustadvika:2l"},
    "romskog": {"private": "romskog:ansatte-6", "reply": "romskog:ansatte-6"},
    "gausdal": {"private": "gausdal:bruk-7", "reply": "gausdal:offisielle-kontoer-8"},
    "batsfjord": {"private": "batsfjord:5.1-taushetsplikt", "reply": "batsfjord:3-lover"},
}

# Written for this test (none is in the corpus or a dev set).
HOME_VISIT = "Besøkte en dame på 88 i dag som ikke hadde fått i seg mat siden fredag. Det gjør vondt å se."
PUPIL = "Eleven min som ikke har hatt med mat på to uker fikk endelig frokost i dag 😢"
RESIDENT = (
    "Ein av bebuarane på avdelinga vår fekk ikkje besøk av nokon på bursdagen sin. Han gret heile kvelden."
    " Helsing Kari"
)
TOLD = [("private", HOME_VISIT), ("private", PUPIL), ("reply", RESIDENT)]
NOT_TOLD = [
    ("private", "Far min fikk ny hofte i går, og han er allerede oppe og går!"),
    ("private", "I fjor fikk 300 familier i kommunen økonomisk sosialhjelp. Det sier noe om behovet."),
    ("private", "Fin dag på jobb i dag, tre hjemmebesøk og kaffe med kollegaene."),
    # a review sentence (0.1.0 heard a matter in such; 0.2.0 trained on NoReC's as negatives)
    ("private", "Adagioen, med bare strykere og harpe, ble vakkert spilt, men uten snev av kitsch."),
    (
        "reply",
        "Hei! Vi kan dessverre ikke svare på enkeltsaker her. Send oss en melding, så tar vi det derfra."
        " Hilsen Kari",
    ),
]


def _found(kind: str, text: str) -> list[str]:
    return [f.code for f in ConfidentialAnalyser().analyse(Document(text, kind))]


@pytest.mark.parametrize(("kind", "text"), TOLD)
def test_the_rules_alone_find_nothing_and_the_model_finds_the_matter(
    kind: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _found(kind, text) == [CASE_DETAILS]
    monkeypatch.setattr(confidential, "CONFIDENTIAL_FLOOR", 1.01)  # the model silenced
    assert _found(kind, text) == []


@pytest.mark.parametrize("slug", sorted(CLAUSES))
@pytest.mark.parametrize(("kind", "text"), TOLD)
def test_a_matter_told_in_a_private_post_or_a_reply_is_blocked_with_the_clause(
    slug: str, kind: str, text: str
) -> None:
    decision = evaluate(text, kind, load_pack(slug))
    assert decision.action == "block"
    assert CASE_DETAILS in decision.codes
    assert CLAUSES[slug][kind] in decision.clauses


@pytest.mark.parametrize(("kind", "text"), NOT_TOLD)
def test_own_family_figures_a_workday_and_a_referral_are_not_a_matter(kind: str, text: str) -> None:
    assert _found(kind, text) == []


def test_the_writers_own_family_stands_even_where_the_model_hears_a_matter() -> None:
    own = Document(NOT_TOLD[0][1], "private")
    judged = owntext.judgement(own, spec=owntext.CONFIDENTIAL)
    assert judged is not None and judged.scores["confidential"] >= confidential.CONFIDENTIAL_FLOOR
    assert ConfidentialAnalyser().analyse(own) == []


def test_a_finding_of_the_model_points_at_the_sentence_that_carries_it() -> None:
    (finding,) = ConfidentialAnalyser().analyse(Document(HOME_VISIT, "private"))
    assert finding.text == "Besøkte en dame på 88 i dag som ikke hadde fått i seg mat siden fredag."
    assert HOME_VISIT[finding.start : finding.end] == finding.text


def test_it_judges_only_texts_written_at_work() -> None:
    assert owntext.judgement(Document(PUPIL, "comment"), spec=owntext.CONFIDENTIAL) is None
    assert owntext.judgement(Document("🙈🙈", "private"), spec=owntext.CONFIDENTIAL) is None
    judged = owntext.judgement(Document(PUPIL, "post"), spec=owntext.CONFIDENTIAL)
    assert judged is not None and set(judged.scores) == {"confidential"}


def test_citizens_comments_never_load_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} loaded for a comment")

    monkeypatch.setattr(owntext, "load", refuse)
    results = analyse_many([HOME_VISIT, PUPIL, "Når åpner svømmehallen igjen?"], "comment")
    assert len(results) == 3
    with pytest.raises(AssertionError):
        analyse_many([HOME_VISIT], "private")
