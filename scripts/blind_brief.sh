#!/bin/bash
# Lays out the brief for writers of a blind challenge set (docs/models.md, "How a held-out set is
# written"): BRIEF (default /work/blind) holds only what a writer may read, the validator goes to
# TOOLS (default /work/tools) with this checkout's corpus path in it, and OUT (/work/blind_out) is
# where the sets are written. Run from the repository's root; then start each writer with its letter
# and setting, pointing it at BRIEF/TASK.md.
set -euo pipefail
BRIEF=${BRIEF:-/work/blind}
TOOLS=${TOOLS:-/work/tools}
OUT=${OUT:-/work/blind_out}
ROOT=$(pwd)
GUIDELINES=${GUIDELINES:-$ROOT/../shared/guidelines}
DESIGN=${DESIGN:-$ROOT/../shared/DESIGN.md}
mkdir -p "$BRIEF/guidelines" "$TOOLS" "$OUT"
cp "$GUIDELINES"/* "$BRIEF/guidelines/"
cp corpus/challenge/blind/TASK.md corpus/challenge/blind/challenge_format.md "$BRIEF/"
# DESIGN §1 (the guidelines) and §4 (the contracts), and docs/policy.md's engine and finding codes,
# without the judgement rules (their words would teach the writer our lexicons)
awk '/^## 1\./{p=1} /^## 2\./{p=0} /^## 4\./{p=1} /^## 5\./{p=0} p' "$DESIGN" > "$BRIEF/design_1_4.md"
awk '/^## The decision engine/{p=1} /^### Judgement rules beside the classifier/{p=0} p' docs/policy.md > "$BRIEF/policy.md"
issues 2>/dev/null | awk '/^# issue 12/{p=1} /^# issue [0-9]+/ && !/^# issue 12/{p=0} p' | sed 's/^> \{0,1\}//' > "$BRIEF/issue12.md"
[ -s "$BRIEF/issue12.md" ] || echo "issue 12 not found: put its text in $BRIEF/issue12.md by hand" >&2
sed "s|^CORPUS = .*|CORPUS = \"$ROOT/corpus\"|" scripts/check_blind_set.py > "$TOOLS/check_corpus_file.py"
echo "brief in $BRIEF, validator $TOOLS/check_corpus_file.py, sets to $OUT"
