"""Each person's chosen language, so what somevakt sends them outside the browser (e-mail) reads
as the pages they chose do.

The browser's cookie decides the pages; this row is a copy of the choice kept for the times
there is no browser: a reminder round, a crisis notice to others. It is set when the person
switches language and when they sign in with a choice already in the cookie. A person with no
row (never chose) gets bokmål, the default.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)


def codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


class LanguageChoice(models.Model):
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="language_choice"
    )
    language = models.CharField(_("Language"), max_length=8, choices=settings.LANGUAGES)
    chosen_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "tenants"
        # Kept off the admin; the one existing word, so the catalogues need nothing new.
        verbose_name = _("Language")
        verbose_name_plural = _("Language")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.language}"


def remember(person: Any, code: str) -> bool:
    """Keep `code` as the person's language; an unknown code or a visitor is ignored."""
    if person is None or not getattr(person, "is_authenticated", False) or code not in codes():
        return False
    LanguageChoice.objects.update_or_create(person=person, defaults={"language": code})
    return True


def language_of(person: Any) -> str:
    found = (
        LanguageChoice.objects.filter(person_id=getattr(person, "pk", None))
        .values_list("language", flat=True)
        .first()
    )
    return found if found in codes() else settings.LANGUAGE_CODE


def languages_of(people: Iterable[Any]) -> dict[int, str]:
    """Each person's language by id, in one query (a digest to many people)."""
    ids = [p.pk for p in people if p is not None]
    chosen = dict(LanguageChoice.objects.filter(person_id__in=ids).values_list("person_id", "language"))
    known = codes()
    return {pk: (chosen[pk] if chosen.get(pk) in known else settings.LANGUAGE_CODE) for pk in ids}


Message = Callable[[], tuple[str, str]]


def rendered(people: Iterable[Any], compose: Message) -> list[tuple[list[Any], str, str]]:
    """`compose` (subject, body) rendered once for each language among `people`, with the people
    who read it: [(people, subject, body)], bokmål for whoever never chose."""
    people = [p for p in people if p is not None]
    by_pk = languages_of(people)
    groups: dict[str, list[Any]] = {}
    for person in people:
        groups.setdefault(by_pk[person.pk], []).append(person)
    out = []
    for code in sorted(groups):
        with translation.override(code):
            subject, body = compose()
        out.append((groups[code], str(subject), str(body)))
    return out


Letters = list[tuple[list[Any], str, str]]


def deliver(letters: Letters, sender: str) -> list[str]:
    """Send each letter (its readers, subject, body) once to each address; returns the addresses.
    A mail server's trouble is logged under `sender` (the app), never raised: the action that
    caused the message stands."""
    sent = []
    done: set[str] = set()
    for people, subject, body in letters:
        skipped = [p.pk for p in people if not p.email]
        if skipped:
            log.info("%s: no e-mail address for people %s; not notified", sender, skipped)
        for address in sorted({p.email for p in people if p.email} - done):
            done.add(address)
            try:
                send_mail(subject, body, None, [address])
                sent.append(address)
            except Exception as exc:
                log.warning("%s: e-mail to a recipient failed: %s: %s", sender, type(exc).__name__, exc)
    return sent


def send(people: Iterable[Any], compose: Message, sender: str) -> list[str]:
    """Send now, `compose` rendered in each reader's language; returns the addresses it went to."""
    return deliver(rendered(people, compose), sender)


def send_after_commit(people: Iterable[Any], compose: Message, sender: str) -> None:
    """Rendered now, so the message tells what was true when it happened; sent after the commit."""
    people = [p for p in people if p is not None]
    if people:
        letters = rendered(people, compose)
        transaction.on_commit(lambda: deliver(letters, sender))


def remember_from_cookie(sender: Any, request: Any = None, user: Any = None, **kwargs: Any) -> None:
    """Signing in with a language already chosen in this browser: keep it for the e-mail too."""
    if request is None or user is None:
        return
    remember(user, request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""))


def connect() -> None:
    from django.contrib.auth.signals import user_logged_in

    user_logged_in.connect(remember_from_cookie, dispatch_uid="somevakt.tenants.language")
