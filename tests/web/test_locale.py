"""The committed translations: complete for bokmål and nynorsk, and the .mo files match the .po files."""

import ast
import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "somevakt" / "locale"
ENTRY = re.compile(r'^msgid (".*")\nmsgstr (".*")$', re.MULTILINE)


def entries(code: str) -> dict[str, str]:
    text = (LOCALE / code / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    found = {ast.literal_eval(msgid): ast.literal_eval(msgstr) for msgid, msgstr in ENTRY.findall(text)}
    found.pop("", None)
    return found


@pytest.mark.parametrize("code", ["nb", "nn"])
def test_it_translates_every_message(code):
    missing = [msgid for msgid, msgstr in entries(code).items() if not msgstr]
    assert missing == []


@pytest.mark.parametrize("code", ["nb", "nn", "en"])
def test_it_ships_compiled_messages_that_match_the_po_file(code):
    with (LOCALE / code / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    po = entries(code)
    assert po
    for msgid, msgstr in po.items():
        assert compiled.gettext(msgid) == (msgstr or msgid), msgid


def test_it_keeps_placeholders_in_translations():
    for code in ("nb", "nn"):
        for msgid, msgstr in entries(code).items():
            assert re.findall(r"%\(\w+\)s", msgid) == re.findall(r"%\(\w+\)s", msgstr), msgid
