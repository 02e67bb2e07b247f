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

from somevakt.analysis.personal_data import BANK_ACCOUNT, EMAIL, NATIONAL_ID, NATIONAL_ID_LIKE, PHONE, find

_MAX_EXCERPT = 80


def _mask_digits(raw: str, keep_last: int) -> str:
    total = sum(c.isdigit() for c in raw)
    out = []
    seen = 0
    for c in raw:
        if c.isdigit():
            seen += 1
            out.append(c if seen > total - keep_last else "*")
        else:
            out.append(c)
    return "".join(out)


def mask_match(code: str, raw: str) -> str:
    """The masked form of one piece of personal data of kind `code`."""
    if code in (NATIONAL_ID, NATIONAL_ID_LIKE):
        return _mask_digits(raw, 0)
    if code in (BANK_ACCOUNT, PHONE):
        if raw[:2].upper() == "NO" and code == BANK_ACCOUNT:
            return raw[:2] + _mask_digits(raw[2:], 2)
        prefix_end = 0
        if raw.startswith("+") or raw.startswith("00"):
            # keep the country code visible: it is not personal
            prefix_end = 3 if raw.startswith("+") else 4
        return raw[:prefix_end] + _mask_digits(raw[prefix_end:], 2)
    if code == EMAIL:
        local, _, domain = raw.partition("@")
        return local[:1] + "*" * (len(local) - 1) + "@" + domain
    return "*" * len(raw)


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
