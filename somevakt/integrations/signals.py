"""Signals for the apps that act on what the integrations did.

`outbound_finished(sender=OutboundCall, call=...)` is sent once an outbound call is done or has
failed for good (`call.status`, `call.permanent`, `call.error`, `call.result_id`).
"""

from django.dispatch import Signal

outbound_finished = Signal()
