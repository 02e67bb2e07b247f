"""The audit log's API for every app: `record` one entry, or `watch` a model so that its changes
are recorded with their before and after.

Tenants is the lowest Django app, so the apps above call down into this module (the registry
records its account events, the web shell its exports); nothing here imports them. `watch` is how
an app's settings rows (archive settings, retention, screening decisions, memberships, roles)
reach the log whichever path changed them (a page, the admin): the change is recorded when it is
made by someone, that is inside `acting(person, address)`, which the web shell opens for every
request by a signed-in person. Rows that the demo loader or a test fixture makes are nobody's
action and are not logged.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from somevakt.tenants.models import AuditEntry

SECRET = "(changed)"  # noqa: S105 - what the log says about a sealed secret: that it changed, never its value


@dataclass(frozen=True)
class Acting:
    person: Any
    address: str | None


_acting: contextvars.ContextVar[Acting | None] = contextvars.ContextVar("somevakt_audit_acting", default=None)


@contextlib.contextmanager
def acting(person: Any, address: str | None = None) -> Iterator[None]:
    """Changes to watched models inside this block are `person`'s (from `address`)."""
    token = _acting.set(Acting(person, address))
    try:
        yield
    finally:
        _acting.reset(token)


def current() -> Acting | None:
    return _acting.get()


def record(
    action: str,
    *,
    actor: Any = None,
    label: str = "",
    address: str | None = None,
    municipality: Any = None,
    subject: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """One entry; who and from where default to whoever is `acting` now."""
    now = current()
    if actor is None and not label and now is not None:
        actor = now.person
    if address is None and now is not None:
        address = now.address
    person = actor if getattr(actor, "pk", None) else None
    return AuditEntry.objects.create(
        action=action,
        actor=person,
        actor_label=label or (person.get_username() if person is not None else ""),
        address=address,
        municipality_id=getattr(municipality, "pk", municipality),
        subject=str(subject)[:200],
        before=before or {},
        after=after or {},
    )


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    return str(value)


@dataclass(frozen=True)
class Watch:
    model: type[models.Model]
    action: str
    fields: tuple[str, ...]
    municipality: Callable[[Any], Any]
    subject: Callable[[Any], str]
    secret: frozenset[str] = frozenset()
    # The actions for a new row and a deleted one: the same as `action` unless given, none if "".
    created: str | None = None
    deleted: str | None = None

    def values(self, instance: Any) -> dict[str, Any]:
        """The watched fields as the log shows them: a related row by its name."""
        found = {}
        for name in self.fields:
            field = instance._meta.get_field(name)
            raw = getattr(instance, field.attname)
            found[name] = _plain(getattr(instance, name) if field.is_relation and raw is not None else raw)
        return found

    def shown(self, values: dict[str, Any]) -> dict[str, Any]:
        """`values` with every sealed secret replaced by the word that it is set."""
        return {
            name: ((SECRET if value else "") if name in self.secret else value)
            for name, value in values.items()
        }


WATCHES: dict[type[models.Model], Watch] = {}


def watch(
    model: type[models.Model],
    action: str,
    fields: Iterable[str],
    *,
    municipality: Callable[[Any], Any] = lambda obj: obj.municipality_id,
    subject: Callable[[Any], str] = str,
    secret: Iterable[str] = (),
    created: str | None = None,
    deleted: str | None = None,
) -> None:
    """Record `action` whenever someone changes one of `fields` of a `model` row, and `created` /
    `deleted` (default: `action`; "" for nothing) when someone makes or deletes one."""
    watched = Watch(model, action, tuple(fields), municipality, subject, frozenset(secret), created, deleted)
    WATCHES[model] = watched
    uid = f"somevakt.audit.{model._meta.label}"
    pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
    post_save.connect(_after_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_after_delete, sender=model, dispatch_uid=uid)


def _before_save(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    watched = WATCHES.get(sender)
    if watched is None or current() is None or instance.pk is None:
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = watched.values(old) if old is not None else None


def _after_save(sender: type[models.Model], instance: Any, created: bool, **kwargs: Any) -> None:
    watched = WATCHES.get(sender)
    if watched is None or current() is None or kwargs.get("raw"):
        return
    now = watched.values(instance)
    old = None if created else getattr(instance, "_audit_before", None)
    instance.__dict__.pop("_audit_before", None)
    action = watched.action
    if old is None:
        action = watched.action if watched.created is None else watched.created
        if not action:
            return
        before, after = {}, watched.shown(now)
    else:
        changed = [name for name in watched.fields if old[name] != now[name]]
        if not changed:
            return
        before = watched.shown({name: old[name] for name in changed})
        after = watched.shown({name: now[name] for name in changed})
    record(
        action,
        municipality=watched.municipality(instance),
        subject=watched.subject(instance),
        before=before,
        after=after,
    )


def _after_delete(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    watched = WATCHES.get(sender)
    action = watched.action if watched is None or watched.deleted is None else watched.deleted
    if watched is None or current() is None or not action:
        return
    record(
        action,
        municipality=watched.municipality(instance),
        subject=watched.subject(instance),
        before=watched.shown(watched.values(instance)),
        after={},
    )
