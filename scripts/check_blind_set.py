"""Validate a blind challenge file. Prints only the writer's own ids and what is wrong with them.

Usage: python3 scripts/check_blind_set.py FILE.jsonl (the writer is told to run it as
/work/tools/check_corpus_file.py; `scripts/blind_brief.sh` puts it there)
"""

import glob
import json
import re
import sys
from pathlib import Path

CORPUS = str(Path(__file__).resolve().parents[1] / "corpus")
KEYS = {"id", "text", "kind", "pattern", "lang", "accept", "codes"}
KINDS = {"comment", "reply", "post", "private"}
LANGS = {"nb", "nn", "dialect"}
PATTERNS = {
    "veiled_threat",
    "group_hate",
    "personal_attack",
    "sarcasm",
    "crisis",
    "case_request",
    "political",
    "names",
    "swearing",
    "personal_data",
    "contact_data",
    "confidential",
    "outgoing_reply",
    "everyday",
}
INBOUND = {
    "none",
    "thank",
    "reply",
    "hide",
    "refer_formal",
    "refer_political",
    "escalate_manager",
    "delete",
    "escalate_crisis",
}
OUTGOING = {"ok", "revise", "block"}
SLUGS = {"hustadvika", "romskog", "gausdal", "batsfjord"}
CODES = {
    "abuse.hate",
    "abuse.insult",
    "abuse.obscene",
    "abuse.threat",
    "confidential.case_details",
    "intent.case_request",
    "intent.crisis",
    "intent.political",
    "intent.question",
    "person.named",
    "personal_data.bank_account",
    "personal_data.email",
    "personal_data.national_id",
    "personal_data.national_id_like",
    "personal_data.phone",
    "private.disclaimer_missing",
    "private.work_email",
    "private.speaks_for_employer",
    "style.irony",
    "style.own_opinion",
    "style.readability",
    "style.signature_missing",
    "tone.negative",
    "tone.praise",
    "tone.sarcasm",
}


def fold(text):
    return " ".join(re.findall(r"\w+", text.lower()))


def corpus_texts_and_shingles():
    texts, shingles = set(), set()
    for path in glob.glob(f"{CORPUS}/**/*.jsonl", recursive=True):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            texts.add(fold(str(row.get("text", ""))))
            note = row.get("note")
            if note:
                words = fold(str(note)).split()
                shingles.update(tuple(words[i : i + 5]) for i in range(len(words) - 4))
    return texts, shingles


def main(path):
    texts, shingles = corpus_texts_and_shingles()
    problems, seen_ids, seen_texts, n = [], set(), {}, 0
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            problems.append(f"line {lineno}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {lineno}: not JSON ({exc})")
            continue
        n += 1
        rid = row.get("id", f"line {lineno}")

        def bad(msg, rid=rid):
            problems.append(f"{rid}: {msg}")

        if set(row) - KEYS:
            bad(f"unknown keys {sorted(set(row) - KEYS)}")
        if rid in seen_ids:
            bad("duplicate id")
        seen_ids.add(rid)
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            bad("empty text")
            continue
        key = fold(text)
        if key in seen_texts:
            bad(f"same text as {seen_texts[key]} (folded)")
        seen_texts[key] = rid
        if key in texts:
            bad("this text (folded: lower case, punctuation and emoji away) is already in the corpus")
        words = key.split()
        if any(tuple(words[i : i + 5]) in shingles for i in range(len(words) - 4)):
            bad("shares a five-word phrase with the corpus's notes; write it in your own words")
        kind = row.get("kind")
        if kind not in KINDS:
            bad(f"kind {kind!r}")
        if row.get("pattern") not in PATTERNS:
            bad(f"pattern {row.get('pattern')!r}")
        if row.get("lang") not in LANGS:
            bad(f"lang {row.get('lang')!r}")
        accept = row.get("accept")
        if not isinstance(accept, dict) or set(accept) != SLUGS:
            bad("accept must name exactly the four municipalities")
        else:
            allowed = INBOUND if kind == "comment" else OUTGOING
            for slug, actions in accept.items():
                if not isinstance(actions, list) or not actions or set(actions) - allowed:
                    bad(f"accept[{slug}] must be a non-empty list of {sorted(allowed)}")
                elif len(set(actions)) != len(actions):
                    bad(f"accept[{slug}] repeats an action")
        codes = row.get("codes")
        if not isinstance(codes, list) or set(codes) - CODES or len(set(codes)) != len(codes):
            bad(f"codes must be a list of distinct known codes; unknown: {sorted(set(codes or []) - CODES)}")
    for p in problems:
        print(p)
    print(f"{n} items, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
