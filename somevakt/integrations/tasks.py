"""Background tasks of the integrations (django-tasks; run by the worker)."""

from __future__ import annotations

from django_tasks import task

from somevakt.integrations.outbound import perform
from somevakt.integrations.reconcile import reconcile


@task()
def perform_outbound(call_id: int) -> str:
    return perform(call_id)


@task()
def reconcile_account(account_id: int) -> int:
    return reconcile(account_id)
