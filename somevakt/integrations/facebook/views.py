"""`/hooks/meta`: where Meta delivers page (Facebook) and Instagram webhook notifications.

GET is Meta's subscription handshake. POST is a delivery: its signature is checked over the
raw bytes before anything else, it is stored, its processing is queued, and Meta gets its
200 at once. A request that fails the check leaves nothing behind but a counter.
"""

from __future__ import annotations

import hmac

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from somevakt.integrations.conf import setting
from somevakt.integrations.deliveries import count_rejected_signature, store_meta_delivery
from somevakt.integrations.signature import signature_ok

SIGNATURE_HEADER = "HTTP_X_HUB_SIGNATURE_256"


@csrf_exempt
@login_not_required
@require_http_methods(["GET", "POST"])
def meta_hook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return handshake(request)
    limit = int(setting("WEBHOOK_MAX_BYTES"))
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    # Refused before the body is read, so an oversized request costs nothing.
    if declared > limit:
        return HttpResponse("Request body too large\n", status=413, content_type="text/plain")
    body = request.body
    if len(body) > limit:
        return HttpResponse("Request body too large\n", status=413, content_type="text/plain")
    if not signature_ok(body, request.META.get(SIGNATURE_HEADER), setting("META_APP_SECRET")):
        count_rejected_signature("meta")
        return HttpResponse("Invalid signature\n", status=403, content_type="text/plain")
    store_meta_delivery(body)
    return HttpResponse("EVENT_RECEIVED\n", content_type="text/plain")


def handshake(request: HttpRequest) -> HttpResponse:
    expected = setting("META_VERIFY_TOKEN")
    given = request.GET.get("hub.verify_token", "")
    if (
        request.GET.get("hub.mode") == "subscribe"
        and expected
        and hmac.compare_digest(given.encode(), expected.encode())
    ):
        return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
    return HttpResponse("Verification failed\n", status=403, content_type="text/plain")
