"""Triage: the municipality's pack decides the action; the decision record keeps no raw text."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from django.utils import timezone

from somevakt.analysis.registry import analyse
from somevakt.inbox import triage as triage_module
from somevakt.inbox.deadlines import pack_of
from somevakt.inbox.events import record
from somevakt.inbox.ingest import ingest_comment, receive
from somevakt.inbox.triage import record_triage, sweep, triage, triage_many
from somevakt.policy.engine import analysis_context, decide
from tests.inbox.conftest import parsed, triage_with

OSLO = ZoneInfo("Europe/Oslo")
FNR = "01017012343"  # a checksum-valid fødselsnummer made up for the tests


def test_it_stores_the_decision_with_the_triaged_event_and_the_deadline(make_item):
    item = make_item(text="Når åpner biblioteket?")
    triage_with(item, "intent.question")
    status = item.status
    assert status.state == "open"
    assert status.action == "reply"
    assert status.codes == ["intent.question"]
    assert status.clauses == ["gausdal:offisielle-kontoer-5-sporsmal"]
    assert status.due == dt.datetime(2026, 3, 5, 10, tzinfo=OSLO)
    event = item.events.get(type="triaged")
    assert event.payload["decision"]["policy"] == "gausdal"
    assert event.payload["decision"]["policy_revision"] == pack_of(item.municipality).revision
    assert event.clauses == ["gausdal:offisielle-kontoer-5-sporsmal"]


def test_it_follows_each_municipalitys_own_guideline_on_a_threat(make_item, municipality):
    gausdal = make_item("a", "Jeg skal ta deg")
    assert triage_with(gausdal, "abuse.threat").action == "escalate_manager"
    assert gausdal.status.also == ["hide"]
    municipality.policy_pack = "hustadvika"
    municipality.save()
    hustadvika = make_item("b", "Jeg skal ta deg")
    assert triage_with(hustadvika, "abuse.threat").action == "delete"
    assert hustadvika.status.due is None  # Hustadvika sets no deadline


def test_it_keeps_personal_data_out_of_the_decision_record(make_item):
    text = f"Hei, fødselsnummeret mitt er {FNR}, kan dere sjekke saken min?"
    item = make_item(text=text)
    pack = pack_of(item.municipality)
    found = analyse(text, "comment", analysis_context(pack, "comment"), only=("personal_data",))
    decision = decide(list(found.findings), "comment", pack, text_length=len(text))
    assert record_triage(item, text, decision, pack)
    stored = json.dumps(item.events.get(type="triaged").payload, ensure_ascii=False)
    assert FNR not in stored
    assert "fødselsnummeret mitt" not in stored
    assert "***********" in stored
    item.status.refresh_from_db()
    assert item.status.action == "refer_formal"
    assert item.status.also == ["hide"]


def test_it_triages_a_text_once(make_item):
    item = make_item()
    decision = triage_with(item, "intent.question")
    pack = pack_of(item.municipality)
    assert not record_triage(item, item.text, decision, pack)
    assert item.events.filter(type="triaged").count() == 1


def test_it_drops_a_decision_on_text_that_was_edited_meanwhile(make_item, account):
    item = make_item(text="Første")
    pack = pack_of(item.municipality)
    decision = decide([], "comment", pack, text_length=6)
    receive(account, parsed(item.platform_id, "Rettet", verb="edited"), enqueue=False)
    assert not record_triage(item, "Første", decision, pack)
    item.status.refresh_from_db()
    assert item.status.triage_pending


def test_it_gives_no_deadline_when_nothing_needs_doing(make_item):
    item = make_item(text="🙂")
    assert triage(item)
    item.status.refresh_from_db()
    assert item.status.action == "none"
    assert item.status.due is None


def test_it_triages_with_the_real_analysers(make_item):
    item = make_item(text="Når åpner svømmehallen igjen etter ferien?")
    assert triage(item)
    assert not triage(item)
    item.status.refresh_from_db()
    assert item.status.action == "reply"
    assert "intent.question" in item.status.codes


def test_it_sweeps_up_items_whose_triage_was_lost(make_item):
    item = make_item(text="Når kommer brøytebilen?")
    assert sweep() == 0  # too fresh: its task may still come
    later = timezone.now() + dt.timedelta(minutes=5)
    assert sweep(older_than=dt.timedelta(seconds=0)) == 1
    item.status.refresh_from_db()
    assert not item.status.triage_pending
    assert later > item.status.triaged_at


def test_it_sweeps_an_edited_item_again(make_item, owner):
    item = make_item(text="Når kommer brøytebilen?")
    triage_with(item, "intent.question")
    record(item, "edited", actor_label="platform:facebook", payload={"previous_text": "x"})
    assert sweep(older_than=dt.timedelta(seconds=0)) == 1


BATCH_TEXTS = (
    "Når åpner biblioteket igjen?",
    "Tusen takk til hjemmetjenesten, dere gjør en fantastisk jobb!",
    "Saksbehandleren på teknisk er en idiot som burde sparkes.",
    "Ring meg på 912 34 567 om barnehageplassen.",
    "🙂",
)


def test_it_triages_a_batch_with_the_real_analysers(make_item):
    batch = [make_item(f"b_{n}", text) for n, text in enumerate(BATCH_TEXTS)]
    assert triage_many(batch) == len(BATCH_TEXTS)
    for item in batch:
        item.status.refresh_from_db()
    assert {item.status.action for item in batch} >= {"reply", "thank", "none"}


def test_it_triages_each_item_under_its_own_municipalitys_guideline(make_item, other_account):
    ours = make_item("a", "Når åpner biblioteket igjen?")
    theirs, _ = ingest_comment(other_account, parsed("b", "Når åpner biblioteket igjen?"), enqueue=False)
    assert triage_many([ours, theirs]) == 2
    policies = {
        item.pk: item.events.get(type="triaged").payload["decision"]["policy"] for item in (ours, theirs)
    }
    assert policies == {ours.pk: ours.municipality.policy_pack, theirs.pk: theirs.municipality.policy_pack}
    assert ours.municipality.policy_pack != theirs.municipality.policy_pack


def test_it_triages_the_others_when_one_text_breaks_the_analysers(make_item, monkeypatch):
    evaluate_many = triage_module.evaluate_many

    def breaking_on_boom(texts, *args, **kwargs):
        if any("BOOM" in text for text in texts):
            raise RuntimeError("the analysers failed")
        return evaluate_many(texts, *args, **kwargs)

    monkeypatch.setattr(triage_module, "evaluate_many", breaking_on_boom)
    good = make_item("a", "Når åpner biblioteket igjen?")
    bad = make_item("b", "BOOM")
    also_good = make_item("c", "Tusen takk for hjelpen!")
    assert triage_many([good, bad, also_good]) == 2
    assert not triage(bad)  # alone, it still fails: logged, and left to the sweep
    for item in (good, bad, also_good):
        item.status.refresh_from_db()
    assert not good.status.triage_pending and not also_good.status.triage_pending
    assert bad.status.triage_pending


def test_it_writes_the_others_when_one_triage_cannot_be_written(make_item, monkeypatch):
    triaged_event = triage_module._triaged_event
    items = [make_item(f"w_{n}", f"Når kommer brøytebilen til vei nummer {n}?") for n in range(3)]

    def failing_for_the_second(item, *args, **kwargs):
        if item.pk == items[1].pk:
            raise RuntimeError("cannot write")
        return triaged_event(item, *args, **kwargs)

    monkeypatch.setattr(triage_module, "_triaged_event", failing_for_the_second)
    assert triage_many(items) == 2
    assert [item.events.filter(type="triaged").count() for item in items] == [1, 0, 1]


def test_it_triages_each_item_of_a_batch_once(make_item):
    first = make_item("a", "Når åpner biblioteket igjen?")
    assert triage(first)
    second = make_item("b", "Er svømmehallen åpen i ferien?")
    assert triage_many([first, second, second]) == 1
    assert triage_many([first, second]) == 0
    assert second.events.filter(type="triaged").count() == 1
    assert first.events.filter(type="triaged").count() == 1


def test_it_sweeps_in_batches(make_item):
    items = [make_item(f"w_{n}", f"Når kommer brøytebilen til vei nummer {n}?") for n in range(5)]
    assert sweep(older_than=dt.timedelta(seconds=0)) == 5
    for item in items:
        item.status.refresh_from_db()
        assert item.status.action == "reply"
        assert item.events.get(type="triaged").actor_label == "sweep"
