"""Readability: LIX of the municipality's own texts against the pack's limit."""

from __future__ import annotations

from somevakt.analysis.base import AnalysisContext, Document
from somevakt.analysis.readability import ReadabilityAnalyser, lix

EASY = (
    "Takk for at du sa fra. Vi tømmer søpla i morgen tidlig. Bilen kommer før klokka ti. "
    "Sett dunken ut kvelden før. Ha en fin dag."
)
HARD = (
    "Kommunedirektørens saksframstilling vedrørende gjennomføringsstrategien for helhetlige "
    "oppvekstmiljøtiltak forutsetter tverrsektoriell koordineringsinnsats og budsjettmessig prioritering "
    "innenfor eksisterende økonomiske rammebetingelser, hvilket innebærer at sektorovergripende "
    "samarbeidsrelasjoner må videreutvikles gjennom systematisk kompetansehevingsarbeid."
)


def test_it_computes_lix_from_words_sentences_and_long_words() -> None:
    score, words = lix("Dette er en setning. Kommunestyret behandler saken.")
    # 7 words, 2 sentences, 3 long words (setning, Kommunestyret, behandler)
    assert words == 7
    assert round(score, 2) == round(7 / 2 + 100 * 3 / 7, 2)
    assert lix("") == (0.0, 0)
    assert lix("😀 🎉") == (0.0, 0)


def test_it_flags_hard_outgoing_texts_only() -> None:
    analyser = ReadabilityAnalyser()
    (finding,) = analyser.analyse(Document(HARD, "reply"))
    assert finding.code == "style.readability" and (finding.start, finding.end) == (0, len(HARD))
    assert finding.detail["lix"] > 50
    assert analyser.analyse(Document(EASY, "post")) == []
    assert analyser.analyse(Document(HARD, "comment")) == []


def test_it_uses_the_pack_limit() -> None:
    score, _ = lix(EASY)
    strict = AnalysisContext(lix_max=score - 1)
    assert ReadabilityAnalyser().analyse(Document(EASY, "post", strict))
    lenient = AnalysisContext(lix_max=200)
    assert ReadabilityAnalyser().analyse(Document(HARD, "post", lenient)) == []


def test_it_does_not_score_very_short_replies() -> None:
    assert ReadabilityAnalyser().analyse(Document("Saksbehandlingstiden forlenges.", "reply")) == []
    # 13 words, LIX about 83: heavy, but too short for the score to mean anything
    short = (
        "Saksbehandlingstiden forlenges grunnet ekstraordinære sykefravær blant medarbeiderne. "
        "Henvendelsen besvares fortløpende innen rimelig tid."
    )
    assert lix(short)[0] > 70
    assert ReadabilityAnalyser().analyse(Document(short, "reply")) == []


def test_it_scores_one_long_sentence_of_officialese() -> None:
    one = (
        "Vedrørende henvendelsen angående eiendomsskattetakseringen informeres det om at "
        "kommunestyrets behandling av klagesaksdokumentasjonen forventningsvis gjennomføres "
        "i henhold til gjeldende saksbehandlingsrutiner i påfølgende budsjettperiode."
    )
    (finding,) = ReadabilityAnalyser().analyse(Document(one, "reply"))
    assert finding.detail["words"] >= 20
