"""The committed translations, in every catalogue (the project's and each app's own): complete for
bokmål and nynorsk, no fuzzy entries (compilemessages leaves them out, so they show in English),
and the .mo files match the .po files."""

import ast
import gettext
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "somevakt"
CATALOGUES = sorted(
    path.relative_to(PACKAGE).as_posix() for path in PACKAGE.glob("**/locale") if path.is_dir()
)
# An entry, with its context where it has one (pgettext: a word that means different things).
ENTRY = re.compile(r'^(?:msgctxt (".*")\n)?msgid (".*")\nmsgstr (".*")$', re.MULTILINE)


def po_text(catalogue: str, code: str) -> str:
    return (PACKAGE / catalogue / code / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")


def entries(catalogue: str, code: str) -> dict[tuple[str | None, str], str]:
    """(context or None, msgid) -> msgstr."""
    text = po_text(catalogue, code)
    found = {
        (ast.literal_eval(context) if context else None, ast.literal_eval(msgid)): ast.literal_eval(msgstr)
        for context, msgid, msgstr in ENTRY.findall(text)
    }
    found.pop((None, ""), None)
    return found


def test_it_finds_the_project_catalogue_and_the_apps_own():
    assert {"locale", "inbox/locale", "archive/locale"} <= set(CATALOGUES)


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("code", ["nb", "nn"])
def test_it_translates_every_message(catalogue, code):
    missing = [key for key, msgstr in entries(catalogue, code).items() if not msgstr]
    assert missing == []


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("code", ["nb", "nn", "en"])
def test_it_leaves_no_fuzzy_entry(catalogue, code):
    assert "#, fuzzy" not in po_text(catalogue, code)


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("code", ["nb", "nn", "en"])
def test_it_ships_compiled_messages_that_match_the_po_file(catalogue, code):
    with (PACKAGE / catalogue / code / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    po = entries(catalogue, code)
    assert po
    for (context, msgid), msgstr in po.items():
        shown = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
        assert shown == (msgstr or msgid), (context, msgid)


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_it_keeps_placeholders_in_translations(catalogue):
    for code in ("nb", "nn"):
        for (_context, msgid), msgstr in entries(catalogue, code).items():
            assert re.findall(r"%\(\w+\)s", msgid) == re.findall(r"%\(\w+\)s", msgstr), msgid


@pytest.mark.parametrize("code", ["nb", "nn", "en"])
def test_every_translation_shows_as_its_catalogue_wrote_it(code):
    """Django merges the catalogues into one per language, and the first app in INSTALLED_APPS
    wins a message two of them translate (Django's own admin and auth come first): a button
    "Filter" read "Filtrering", an archive "title" read "stilling". A word that means different
    things in two places needs a context (pgettext); otherwise the catalogues must agree."""
    from django.utils import translation

    differs = []
    with translation.override(code):
        for catalogue in CATALOGUES:
            for (context, msgid), msgstr in entries(catalogue, code).items():
                if not msgstr:
                    continue
                shown = translation.pgettext(context, msgid) if context else translation.gettext(msgid)
                if shown != msgstr:
                    differs.append((catalogue, context, msgid, msgstr, shown))
    assert differs == []
