"""Background tasks of the integrations (django-tasks; run by the worker)."""

from __future__ import annotations

from django_tasks import task


@task()
def process_delivery(delivery_id: int) -> str:
    from somevakt.integrations.deliveries import process_delivery as process

    return process(delivery_id)


@task()
def perform_outbound(call_id: int) -> str:
    from somevakt.integrations.outbound import perform

    return perform(call_id)


@task()
def reconcile_account(account_id: int) -> int:
    from somevakt.integrations.reconcile import reconcile

    return reconcile(account_id)
