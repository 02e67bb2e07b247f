"""`/hooks/meta`: Meta's handshake, signed deliveries stored before anything else, and bad input."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from somevakt.integrations.deliveries import drain
from somevakt.integrations.fakes.meta_payloads import feed_comment, page_delivery, signed
from somevakt.integrations.models import Delivery, DeliveryStatus, RejectedSignatures
from somevakt.registry.models import AccountAlert, AlertKind
from tests.integrations.conftest import APP_SECRET, PAGE, VERIFY_TOKEN

URL = "/hooks/meta"


@pytest.fixture
def meta(db) -> Client:
    # Meta sends no CSRF token and no session: the endpoint must not need them.
    return Client(enforce_csrf_checks=True)


def post(client: Client, body: bytes, signature: str | None):
    headers = {"HTTP_X_HUB_SIGNATURE_256": signature} if signature is not None else {}
    return client.post(URL, data=body, content_type="application/json", **headers)


def test_it_answers_the_subscription_handshake(meta) -> None:
    response = meta.get(
        URL, {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    )
    assert response.status_code == 200
    assert response.content == b"1158201444"


@pytest.mark.parametrize(
    "query",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ],
)
def test_it_refuses_a_handshake_without_the_verify_token(meta, query) -> None:
    assert meta.get(URL, query).status_code == 403


def test_it_refuses_every_handshake_when_no_verify_token_is_set(meta, settings) -> None:
    settings.META_VERIFY_TOKEN = ""
    response = meta.get(URL, {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"})
    assert response.status_code == 403


def test_it_stores_a_signed_delivery_byte_for_byte_for_the_worker(meta, account) -> None:
    body, signature = signed(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei")), APP_SECRET)
    tasks_before = DBTaskResult.objects.count()
    response = post(meta, body, signature)
    assert response.status_code == 200
    delivery = Delivery.objects.get()
    assert bytes(delivery.body) == body
    assert delivery.signature_ok
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.STORED, 0)
    # No task: the worker's ingest loop takes every fresh stored delivery.
    assert DBTaskResult.objects.count() == tasks_before
    assert drain() == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PROCESSED


@pytest.mark.parametrize("signature", [None, "", "sha256=" + "0" * 64, "sha1=abc", "sha256=zz"])
def test_it_refuses_a_bad_or_missing_signature_and_stores_only_a_count(meta, account, signature) -> None:
    body, _good = signed(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei")), APP_SECRET)
    tasks_before = DBTaskResult.objects.count()
    response = post(meta, body, signature)
    assert response.status_code == 403
    assert not Delivery.objects.exists()
    assert DBTaskResult.objects.count() == tasks_before
    assert RejectedSignatures.objects.get().count == 1


def test_it_checks_the_signature_over_the_raw_bytes(meta, account) -> None:
    payload = page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei"))
    _body, signature = signed(payload, APP_SECRET)
    # The same JSON, serialised differently: Meta did not sign these bytes.
    reformatted = json.dumps(payload, indent=2).encode()
    assert post(meta, reformatted, signature).status_code == 403
    assert post(meta, reformatted, signed(payload, "another-secret")[1]).status_code == 403
    assert RejectedSignatures.objects.get().count == 2


def test_it_accepts_nothing_when_no_app_secret_is_set(meta, account, settings) -> None:
    settings.META_APP_SECRET = ""
    body, signature = signed(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei")), "")
    assert post(meta, body, signature).status_code == 403
    assert not Delivery.objects.exists()


def test_it_refuses_an_oversized_body_and_stores_nothing(meta, settings) -> None:
    settings.WEBHOOK_MAX_BYTES = 1000
    body, signature = signed(page_delivery(PAGE, feed_comment(PAGE, "1_1", "x" * 2000)), APP_SECRET)
    assert post(meta, body, signature).status_code == 413
    assert not Delivery.objects.exists()


def test_it_keeps_malformed_json_as_a_rejected_delivery_shown_as_an_alert(meta) -> None:
    body, signature = signed(b'{"object": "page", "entry": [', APP_SECRET)
    tasks_before = DBTaskResult.objects.count()
    assert post(meta, body, signature).status_code == 200
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.REJECTED
    assert bytes(delivery.body) == body
    assert "not valid JSON" in delivery.error
    assert AccountAlert.objects.get(kind=AlertKind.REJECTED_DELIVERY).delivery_id == delivery.pk
    assert DBTaskResult.objects.count() == tasks_before


def test_it_answers_only_get_and_post(meta) -> None:
    assert meta.put(URL, data=b"{}").status_code == 405


def test_it_stores_the_same_bytes_once_however_often_they_are_replayed(meta, account) -> None:
    body, signature = signed(page_delivery(PAGE, feed_comment(PAGE, "1_1", "Hei")), APP_SECRET)
    for _replay in range(11):
        assert post(meta, body, signature).status_code == 200
    assert Delivery.objects.count() == 1
    assert drain() == 1


def test_it_keeps_a_body_nested_too_deeply_to_read_as_rejected_not_a_crash(meta, account) -> None:
    body, signature = signed(b"[" * 5000 + b"]" * 5000, APP_SECRET)
    response = post(meta, body, signature)
    assert response.status_code == 200
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.error) == (
        DeliveryStatus.REJECTED,
        "the body is nested too deeply to read",
    )
    assert bytes(delivery.body) == body
