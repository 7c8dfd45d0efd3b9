#!/bin/sh
# run-columns.sh - no redundant columns (issue 12): by default the exceptions table
# leaves out a column empty in every row (no milestones, no measures in the plan), and
# the Status word does not repeat the days overdue when a Days overdue column stands
# beside it. The plan is tests/figures' made-up one. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/columns
rm -rf $T && mkdir -p $T/p
export SOURCE_DATE_EPOCH=1700000000
cp tests/figures/plan.yaml $T/p/plan.yaml
cat >$T/p/columns.md <<'MD'
---
# ILLUSTRATIVE: a made-up paper for the column tests; no council wrote it.
variant: exception
as-at: 2010/11 Q3
committee: Test Committee
meeting: 2011-01-20
subject: Column test paper
lead-officer: Ann Able, Director of Tests
report-author: Ann Able
summary: To show the exceptions.
recommendation: Members note them.
---

# Exceptions by default

```exceptions
```

# Exceptions with the columns asked for

```exceptions columns=ref,action,status,days,milestone
```
MD
check "the column paper builds" "./tabled build --templates templates -o $T/out $T/p/plan.yaml $T/p/columns.md 2>$T/err"
sed 's/^/# /' $T/err
H=$T/out/p/columns.html
# the first table's header row, then the second's
python3 - $H >$T/heads.txt <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
for t in re.findall(r"<table.*?</table>", html, re.S):
    heads = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', t, re.S)
    print("|".join(re.sub(r"<[^>]+>", "", h) for h in heads))
PY
sed 's/^/# columns: /' $T/heads.txt
first=$(sed -n 1p $T/heads.txt)
second=$(sed -n 2p $T/heads.txt)
check "by default: no Milestone or Measure column when no row has one" \
    "[ -n '$first' ] && ! echo '$first' | grep -q 'Milestone\|Measure' && echo '$first' | grep -q 'Status'"
check "by default: Days overdue kept when a row is overdue, the Status word without its days" \
    "echo '$first' | grep -q 'Days overdue' && ! grep -q 'Overdue: ' $H"
check "columns asked for are kept, even an empty Milestone column" \
    "[ '$second' = 'Ref|Action|Status|Days overdue|Milestone' ]"
