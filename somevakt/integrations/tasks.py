"""Background tasks of the integrations (django-tasks; run by the worker)."""

from __future__ import annotations

from django_tasks import task


@task()
def process_delivery(delivery_id: int) -> str:
    """Its delivery, with every other fresh one in batches; usually the ingest loop was first.

    No longer queued for each delivery (the worker's ingest loop takes them); kept for the
    tasks an earlier version queued.
    """
    from somevakt.integrations.deliveries import drain
    from somevakt.integrations.deliveries import process_delivery as process

    # One at a time is the slow way: whichever of the worker's loops gets there first works in batches.
    drain()
    return process(delivery_id)


@task()
def perform_outbound(call_id: int) -> str:
    from somevakt.integrations.outbound import perform

    return perform(call_id)


@task()
def reconcile_account(account_id: int) -> int:
    from somevakt.integrations.reconcile import reconcile

    return reconcile(account_id)
