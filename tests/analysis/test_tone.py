"""The tone analyser: clear praise and criticism, how sentences combine, where sentences split."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.models import cache_of
from somevakt.analysis.tone import SentenceTone, ToneAnalyser, combine, sentence_spans, sentence_tones


def rules_only(text: str) -> Document:
    """A text the comment classifier does not judge (it judges only citizens' comments), so the
    analyser's own rules and models are what is tested here; `test_classifier.py` tests the two together."""
    return Document(text, "post")


def _codes(text: str) -> list[str]:
    return [f.code for f in ToneAnalyser().analyse(rules_only(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Tusen takk for fantastisk hjelp, dere er helt fantastiske!",
        "Flott arrangement i går, kjempebra jobba!",
        "tusen takk for ei nydeleg og flott tilstelling",
    ],
)
def test_it_finds_praise(text: str) -> None:
    assert _codes(text) == ["tone.praise"]


@pytest.mark.parametrize(
    "text",
    [
        "Dette er elendig og en skandale. Dårlig gjort av kommunen.",
        "Helt håpløst og dårlig, det er en skam hvordan dere behandler oss.",
        "elendig service, verste kommunen i landet",
    ],
)
def test_it_finds_negative_tone(text: str) -> None:
    assert _codes(text) == ["tone.negative"]


def test_it_finds_no_tone_in_a_plain_question() -> None:
    assert _codes("Hvilke dager er gjenbruksstasjonen åpen i juli?") == []


def test_it_spans_the_whole_text_with_sums_in_detail() -> None:
    text = "Tusen takk for fantastisk hjelp!"
    (finding,) = ToneAnalyser().analyse(rules_only(text))
    assert (finding.start, finding.end) == (0, len(text))
    assert finding.detail["sentences"] == 1


def _t(positive: float, negative: float) -> SentenceTone:
    return SentenceTone(0, 1, positive, negative, max(0.0, 1 - positive - negative))


@pytest.mark.parametrize(
    ("tones", "code"),
    [
        ([], None),
        ([_t(0.1, 0.1), _t(0.2, 0.1)], None),  # all neutral
        ([_t(0.9, 0.0), _t(0.1, 0.1)], "tone.praise"),  # praise and a neutral question
        ([_t(0.9, 0.0), _t(0.0, 0.9)], "tone.negative"),  # a tie goes to negative
        ([_t(0.0, 0.8), _t(0.2, 0.1)], "tone.negative"),
        ([_t(0.9, 0.0), _t(0.9, 0.0), _t(0.0, 0.6)], "tone.praise"),  # praise outweighs a small complaint
        ([_t(0.35, 0.3), _t(0.35, 0.3)], None),  # nothing confident
    ],
)
def test_it_combines_sentences_by_the_documented_rule(tones: list[SentenceTone], code: str | None) -> None:
    assert combine(tones) == code


def test_it_splits_sentences_at_final_punctuation_and_line_breaks() -> None:
    text = "Flott!!! Men parkeringa er dårlig.\nHilsen Ola"
    assert [text[s:e] for s, e in sentence_spans(rules_only(text))] == [
        "Flott!!!",
        "Men parkeringa er dårlig.",
        "Hilsen Ola",
    ]


def test_it_classifies_each_sentence_once_per_document() -> None:
    doc = rules_only("Takk! Dette var dårlig.")
    tones = sentence_tones(doc)
    assert len(tones) == 2 and cache_of(doc)["tones"] is tones
    for tone in tones:
        assert abs(tone.positive + tone.negative + tone.neutral - 1) < 1e-3


@pytest.mark.parametrize("text", ["", "  \n ", "😀", "\x00\u200b\u202e", "!!!"])
def test_it_handles_empty_and_odd_text(text: str) -> None:
    for finding in ToneAnalyser().analyse(rules_only(text)):
        assert (finding.start, finding.end) == (0, len(text))


def test_it_classifies_a_batch_exactly_as_one_by_one() -> None:
    texts = ["Tusen takk!", "", "Dette var dårlig. Men maten var god.", "Når åpner biblioteket?"]
    batch = [rules_only(t) for t in texts]
    ToneAnalyser().prefetch(batch)
    for doc, text in zip(batch, texts, strict=True):
        one = sentence_tones(rules_only(text))
        assert [(t.start, t.end) for t in sentence_tones(doc)] == [(t.start, t.end) for t in one]
        for a, b in zip(sentence_tones(doc), one, strict=True):
            assert abs(a.positive - b.positive) < 1e-4 and abs(a.negative - b.negative) < 1e-4


def test_it_judges_a_megabyte_in_bounded_time() -> None:
    import time

    text = "Dette er elendig. " * 60000
    started = time.monotonic()
    findings = ToneAnalyser().analyse(rules_only(text))
    assert time.monotonic() - started < 60
    assert [(f.start, f.end) for f in findings] in ([], [(0, len(text))])


@pytest.mark.parametrize(
    "text",
    [
        "Kari på servicetorget tar aldri telefonen, umulig å få tak i henne.",
        # the classifier says complaint and praise at once: the criticism still wins
        "Takk til Per på teknisk, men han svarer aldri på e-post.",
        "Eg har prøvd å nå Siri Lunde i tre veker. Ho svarar ikkje.",
        "Eg er skuffa over korleis Liv Sæther snakka til meg i går. Ho var frekk og avvisande.",
        "Saksbehandleren har fortsatt ikke svart, fem uker etter.",
        "Rektor Berg er aldri å få tak i.",
        "Han på byggesak himlet med øynene da jeg spurte.",
        "Dei på NAV ringjer aldri tilbake som dei lovar.",
    ],
)
def test_someone_unreachable_or_rude_is_criticism_not_praise(text: str) -> None:
    codes = {f.code for f in ToneAnalyser().analyse(Document(text, "comment"))}
    assert "tone.negative" in codes and "tone.praise" not in codes


@pytest.mark.parametrize(
    "text",
    [
        "Kari svarer alltid raskt, tusen takk!",
        "Han var ikke frekk i det hele tatt, tvert imot.",
        "Hun svarte ikke bare raskt, men grundig også.",
        "Takk til Ola som tok telefonen en søndag kveld!",
        "Jeg svarer ikke for kvaliteten på kakene, men kom på basar!",
        "Eg svarar ikkje for kva ungane finn på når dei ser den nye leikeplassen 😄",
        "Jenta vår har lært å spele fiolin, og vi har aldri høyrt noko betre.",
    ],
)
def test_quick_answers_and_denied_rudeness_are_no_conduct_complaint(text: str) -> None:
    from somevakt.analysis.tone import conduct_complaint

    assert conduct_complaint(text.lower()) is None
