"""One masking function for every log line, decision record and list view.

Masking keeps the length and the layout of what it hides (digits become `*`,
separators stay), so a masked text lines up with the original and the same input
always gives the same output. How much stays visible depends on the kind:

- national id, and a number that may be one: nothing (`****** *****`): the last five digits
  identify a person given a birth date;
- bank account: the last two digits (`****.**.***11`), enough to tell two accounts apart;
- phone: the last two digits (`*** ** *67`);
- e-mail: the first character of the local part and the whole domain (`o***********@gausdal.kommune.no`).
"""

from __future__ import annotations

# How one piece of each kind is masked (`mask_match`) lives with the kinds, in personal_data.
from somevakt.analysis.personal_data import find, mask_match

_MAX_EXCERPT = 80


def mask(text: str) -> str:
    """`text` with all personal data masked; same length, deterministic."""
    matches = find(text)
    if not matches:
        return text
    parts = []
    pos = 0
    for m in matches:
        parts.append(text[pos : m.start])
        parts.append(mask_match(m.code, text[m.start : m.end]))
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)


def mask_excerpt(text: str, start: int, end: int, limit: int = _MAX_EXCERPT) -> str:
    """A finding's display text: the masked span, shortened to `limit` characters with '…'."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    # Mask in context: a number is only recognisable as personal data with its neighbours.
    lo = max(0, start - 40)
    hi = min(len(text), end + 40)
    excerpt = mask(text[lo:hi])[start - lo : end - lo]
    if len(excerpt) > limit:
        excerpt = excerpt[: limit - 1] + "…"
    return excerpt
