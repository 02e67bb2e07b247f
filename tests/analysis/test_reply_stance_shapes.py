"""Own opinion by its shape, not its wording (issue 12, session 12).

The phrase lists of reply_stance learnt their dev sets' wording and found 0.22 of the own opinions in
a newer held-out set. These are the general shapes of a view on a political matter: an evaluative
adjective on a decision, a stance adverb or an evaluative news label beside what the elected bodies
did, a feeling about what happened, a normative "bør" on an act of deciding, a tag that claims the
words, a disclaimer taken back. Our own sentences, bokmål, nynorsk and dialect, none from the corpus,
the challenge sets or the dev sets; each failed before. The neutral ones are their hard negatives:
a neutral report of the same decision, the process, a fact, someone else's view, the reader's case.
They test the rules alone (`_opinions`), not the own-text classifier after them.
"""

from __future__ import annotations

import time

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.reply_stance import OWN_OPINION, ReplyStanceAnalyser, _opinions


def rules_find_an_opinion(text: str, kind: str = "reply") -> bool:
    return bool(_opinions(Document(text, kind)))


@pytest.mark.parametrize(
    "text",
    [
        # an evaluative adjective on a decision, before it or as its predicate
        "Et krevende, men fornuftig valg for kommunen. Hilsen Kari",
        "Ikkje den klokaste avgjerda i bystyret si historie. Helsing Liv",
        "Nedlegginga av fødetilbodet er rett og slett gal. Helsing Ola",
        "Beslutningen om å flytte legevakta var fornuftig. Hilsen Per",
        # a stance adverb or a news label beside what the elected bodies did
        "Formannskapet gikk heldigvis inn for ny gang- og sykkelveg i går. Hilsen Kari",
        "Bystyret har dessverre valgt å kutte i kulturskolen. Hilsen Per",
        "Gode nyheter: bystyret har vedtatt å beholde skolen!",
        # a feeling about what happened, hope and fear
        "Vi er lettet over at formannskapet stemte ned forslaget om bompenger. Hilsen Per",
        "Me er takksame for at heradsstyret valde å satse på skulen. Helsing Liv",
        "Jeg frykter at sammenslåingen med nabokommunen vil svekke bygdene. Hilsen Per",
        "Vi holder tommelen for at bystyret sier nei til vindmøllene. Hilsen Kari",
        # what the elected bodies ought to do, a tag claiming the words
        "Planen om ny trasé bør ikke vedtas slik den ligger nå. Hilsen Per",
        "Kommunestyret sa ja til ny idrettshall i kveld. Klokt, sier vi! Hilsen Kari",
        # dialect negation, closing anything, a majority, sharing the reader's feeling
        "Æ forstår itte korfor bystyret sa nei til hallen. Hilsen Per",
        "Om det var opp til meg, ville kinoen aldri blitt lagt ned. Hilsen Kari",
        "Et flertall som kutter i eldreomsorgen, har ikke forstått hva det betyr. Hilsen Per",
        "Vi deler skepsisen din. Vindparken er for kommunestyret å avgjøre. Hilsen Kari",
        # a disclaimer taken back, agreeing after the political sentence, the state as a political actor
        "Vi skal ikke mene noe om dette, men regjeringen har sovet i timen. Hilsen Per",
        "Høyre sier at eiendomsskatten bør ned. Der er vi enige. Hilsen Kari",
        "Regjeringens forslag om å flytte tingretten er feil for distriktene. Hilsen Per",
    ],
)
def test_the_shape_of_a_view_on_a_political_matter_is_an_own_opinion(text: str) -> None:
    assert rules_find_an_opinion(text), text


@pytest.mark.parametrize(
    "text",
    [
        # neutral reports of the same kinds of decision
        "Kommunestyret vedtok å legge ned Sørbygda skole med 17 mot 10 stemmer. Hilsen Per",
        "Flertallet stemte for forslaget om eiendomsskatt. Protokollen ligger på nettsida. Hilsen Kari",
        "Bystyret vedtok i går å stenge badet. Badet stenger 1. mars, og årskort blir refundert. Hilsen Per",
        "Saken ble endelig vedtatt i kommunestyret i går. Hilsen Kari",
        "Kommunestyret avviste klagen, og vedtaket er endelig. Hilsen Per",
        # the process, a question someone else answers, a fact
        "Det er kommunestyret som avgjør om vedtaket er riktig. Hilsen Kari",
        "Fylkesmannen skal vurdere om vedtaket om skolenedleggelsen er lovlig. Hilsen Kari",
        "Det er riktig at formannskapet behandlet saken i mars. Hilsen Per",
        "Det er feil at bystyret har vedtatt bompenger; saken er ikke behandlet ennå. Hilsen Kari",
        "Planen må godkjennes av kommunestyret før arbeidet kan starte. Hilsen Kari",
        "Søknaden bør sendes inn før formannskapet behandler saken 3. mai. Hilsen Per",
        "Dessverre rakk ikke kommunestyret å behandle saken i går; den kommer opp i mai. Hilsen Kari",
        # our own circumstances and the reader's
        "Vi har dessverre ikke mulighet til å endre vedtaket om skolestrukturen. Hilsen Per",
        "Vi beklager at du måtte vente på svar om eiendomsskatten. Hilsen Kari",
        "Vi er lei oss for at du opplever vedtaket om barnehageplass som urettferdig. Hilsen Per",
        "Vi er glade for at du tok kontakt om vedtaket om skoleskyss. Hilsen Kari",
        "Vi er glade for at så mange deltok på høringsmøtet om kommuneplanen. Hilsen Kari",
        "Det beste valget for deg er å søke digitalt. Hilsen Kari",
        "Takk for et godt forslag! Vi tar det med til neste møte i formannskapet. Hilsen Per",
        "Hvis du er skuffet over vedtaket, kan du skrive til gruppelederne. Hilsen Per",
        # someone else's view, work put in, a service
        "Kommunedirektøren mener det er riktig å legge ned skolen, saken går til kommunestyret i juni.",
        "Vi forstår at mange er lettet over at bystyret sa nei til bompenger. Hilsen Kari",
        "Vi har lagt ned mye arbeid i den nye kommuneplanen. Hilsen Per",
        "Dessverre er biblioteket stengt i dag på grunn av sykdom. Hilsen Per",
        "Vi deler gjerne innlegget ditt om kommunestyremøtet. Hilsen Per",
        "Vi kan ikke mene noe om dette, men saken behandles i formannskapet 3. mai. Hilsen Kari",
    ],
)
def test_a_neutral_report_the_process_or_the_readers_case_is_no_opinion(text: str) -> None:
    assert not rules_find_an_opinion(text), text


def test_the_finding_points_at_the_sentence_that_judges() -> None:
    text = "Kommunestyret vedtok i går å bygge ny hall. Et dyrt, men klokt valg. Hilsen Kari"
    (finding,) = [f for f in ReplyStanceAnalyser().analyse(Document(text, "reply")) if f.code == OWN_OPINION]
    assert text[finding.start : finding.end] == "Et dyrt, men klokt valg."


@pytest.mark.parametrize(
    "text",
    [
        "det er klokt og " * 12_000,
        "vedtaket er klokt, " * 10_000,
        "kommunestyret vedtok dessverre " * 6_000,
        "vi har dessverre " * 12_000 + "vedtok",
        "hvis det er feil og " * 10_000 + "kommunestyret",
        "det er ikke min plass å mene noe, men " * 5_000,
        "et klokt vedtak " * 12_000,
    ],
    ids=lambda t: t[:16],
)
def test_the_shapes_finish_long_input_in_time_in_proportion_to_its_length(text: str) -> None:
    # CPU time, not wall time: the test machines are shared. A clause is read back MAX_CLAUSE characters
    # at most, so many verdicts without a comma cost no more than many with one.
    started = time.process_time()
    _opinions(Document(text, "reply"))
    assert time.process_time() - started < 10
