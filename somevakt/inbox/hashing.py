"""The hash of a text that a `triaged` event records (`input_hash`), never the text itself.

Its own module because ingest (the previous text of an edit), triage (is this text already
triaged?) and the item page all compare texts by it, and none of them should import another
for it.
"""

from __future__ import annotations

import hashlib


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
