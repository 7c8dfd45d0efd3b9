#!/bin/sh
# run-changes.sh - papers as they stood and what moved since (domain rules, sections
# 3a and 5a), end to end: the Norwich checks of issue 9, the same rules checked on
# every plan in plans/ (so a plan from any council is checked the same way), tabled
# changes in every format, the fixture council's update files, changes block,
# previous-report and wording placeholders, and their errors. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
not_ok() { notok "$1"; shift; for l in "$@"; do echo "$l" | sed 's/^/#   /'; done; }
TABLED=${TABLED:-./tabled}
W=build/changes-test
rm -rf $W
mkdir -p $W
FX=tests/history/fixtures/council
NORWICH=plans/norwich-hip/plan.yaml

run() { "$TABLED" "$@" >$W/out 2>$W/err; rc=$?; }
# Python over JSON (one call each: python3 can be slow to start): refs of a roll-up's
# actions by status, of its exceptions, or of the change rows of a kind.
refs() { # kind file [arg]
    python3 - "$@" <<'EOF'
import json, sys
kind, path = sys.argv[1], sys.argv[2]
d = json.load(open(path))
if kind == "status-in":          # actions whose status is one of arg (comma list)
    want = sys.argv[3].split(",")
    out = [a["ref"] for a in d["actions"] if a["status"] in want]
elif kind == "open":
    out = [a["ref"] for a in d["actions"] if a["status"] not in ("complete", "cancelled")]
elif kind == "all":
    out = [a["ref"] for a in d["actions"]]
elif kind == "exceptions":
    out = [r["ref"] for t in d["themes"] for r in t["rows"]]
else:                             # change rows of this kind
    out = [c["ref"] for c in d["changes"] if c["kind"] == kind]
print(" ".join(sorted(set(out))))
EOF
}
# Refs in a but not in b (space-separated lists).
minus() { python3 -c 'import sys; a=set(sys.argv[1].split()); b=set(sys.argv[2].split()); print(" ".join(sorted(a-b)))' "$1" "$2"; }

# ---- Norwich (issue 9, "How it is checked") ------------------------------------------------
run exceptions $NORWICH --as-at 2009-05-13
check "norwich: exceptions as at 13 May 2009 (the draft plan) list nothing" \
    "[ $rc -eq 0 ] && grep -q '^No exceptions' $W/out"
run exceptions $NORWICH --as-at 2010-06-30 --format json
cp $W/out $W/n-exc.json
run rollup $NORWICH --as-at 2010-06-30 --format json
cp $W/out $W/n-roll.json
exc=$(refs exceptions $W/n-exc.json)
open=$(refs open $W/n-roll.json)
if [ "$exc" = "$open" ] && [ "$(echo $exc | wc -w)" -eq 9 ]; then
    ok "norwich: exceptions as at 30 June 2010 are seed 001's nine open actions ($exc)"
else
    not_ok "norwich: exceptions as at 30 June 2010 are seed 001's nine open actions" "exceptions: $exc" "open: $open"
fi
run changes $NORWICH --since 2010-03-31 --as-at 2010-06-30 --format json
cp $W/out $W/n-ch.json
run rollup $NORWICH --as-at 2010-03-31 --format json
cp $W/out $W/n-roll-p.json
done_t=$(refs status-in $W/n-roll.json complete)
done_p=$(refs status-in $W/n-roll-p.json complete)
want=$(minus "$done_t" "$done_p")
got=$(refs completed $W/n-ch.json)
if [ -n "$got" ] && [ "$got" = "$want" ]; then
    ok "norwich: changes 31 March -> 30 June 2010: completion rows are exactly those complete at 30 June and not at 31 March ($(echo $got | wc -w))"
else
    not_ok "norwich: completion rows are the set difference" "got:  $got" "want: $want"
fi
run check $NORWICH
check "norwich: the plan and its update file check clean (no warning)" "[ $rc -eq 0 ] && [ ! -s $W/err ]"

# ---- every plan in plans/, at its papers' dates ----------------------------------------------
# For each paper: P = 3 and 12 months before its as-at date T. The completion, overdue
# and added rows are the set differences of the roll-ups at P and T; the exceptions at
# T list every overdue action; the formats parse.
for paper in plans/*/*.md; do
    [ -f "$paper" ] || continue
    "$TABLED" build -o $W/papers --format html "$paper" >/dev/null 2>&1 || continue
    slug=$(basename "$(dirname "$paper")")
    json="$W/papers/$slug/$(basename "${paper%.md}").json"
    asat=$(sed -n 's/^ *"as_at_date": "\(.*\)",*$/\1/p' "$json" | head -1)
    [ -n "$asat" ] || { not_ok "$paper: as_at_date"; continue; }
    plan=$(dirname "$paper")/plan.yaml
    [ -f "$plan" ] || continue
    N=$n python3 tests/history/changes_check.py "$TABLED" "$plan" "$asat" 91 365 >$W/cc.tap
    cat $W/cc.tap
    n=$((n + $(grep -c '^\(not \)\?ok ' $W/cc.tap)))
done

# ---- tabled changes: usage -----------------------------------------------------------------
run changes $FX/plan.yaml --as-at 2010-12-31
check "changes without --since: usage error, exit 2" "[ $rc -eq 2 ] && grep -q 'since' $W/err"
run changes $FX/plan.yaml --since 2010-12-31 --as-at 2010-12-31
check "changes with --since not before --as-at: exit 2" "[ $rc -eq 2 ]"
run changes $FX/plan.yaml --since 2010-11-30 --as-at 2010-12-31 --format xml
check "changes --format xml: exit 2" "[ $rc -eq 2 ]"

# ---- the fixture council: update files, every kind of change ------------------------------------
run changes $FX/plan.yaml --since "2010/11 Q2" --as-at "2010/11 Q3" --format csv
cut -d, -f1,3 $W/out | tail -n +2 | tr '\n' ' ' >$W/kinds
want="completed,A.1 cancelled,B.2 added,B.3 overdue,A.2 overdue,A.3 revised,A.10 reported-rag,B.1 status,A.10 risk-new,RK3 risk-closed,RK2 risk-moved,RK1 indicator-moved,PI 1 "
if [ "$(cat $W/kinds)" = "$want" ]; then ok "fixture: every kind of change, in order, from the plan and its update files"; else
    not_ok "fixture: every kind of change" "got:  $(cat $W/kinds)" "want: $want"; fi
grep '^revised' $W/out | tr -d '\r' >$W/rev
check "fixture: a revision row has both dates and the days it slipped" \
    "grep -q '^revised,A,A.10,Alpha ten,,Due December 2010,Due March 2011,worse,90 days later; agreed 8 December 2010. Panel asked for more work.$' $W/rev"
run changes $FX/plan.yaml --since "2010/11 Q2" --as-at "2010/11 Q3"
check "fixture: changes text ends with the counts" "[ $rc -eq 0 ] && grep -q '^12 changes: 1 completed, 1 cancelled' $W/out"
run changes $FX/plan.yaml --since "2010/11 Q2" --as-at "2010/11 Q3" --format json
check "fixture: changes json counts" \
    "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d[\"counts\"]; assert c[\"total\"]==12 and c[\"completed\"]==1 and c[\"overdue\"]==2 and d[\"since\"]==\"2010-09-30\"' $W/out"
# The Q3 return is dated 31 December: a day earlier, none of it is known.
run changes $FX/plan.yaml --since "2010/11 Q2" --as-at 2010-12-30 --format csv
check "fixture: as at 30 December the Q3 return does not exist yet" \
    "! grep -q '^completed' $W/out && ! grep -q '^cancelled' $W/out && ! grep -q '^risk-closed' $W/out"

# --since: one rule for every column (domain 5a). A.3 was revised in August, before P:
# the revision is in force for Days overdue and shown in When; A.10's, agreed since P,
# is marked new.
run exceptions $FX/plan.yaml --as-at "2010/11 Q3" --since "2010/11 Q2" --format csv
check "--since: When shows a revision agreed before P that Days overdue counts from" \
    "grep -q '^A,Alpha theme,A.3,.*\"August 2010, revised October 2010 (agreed 15 August 2010)\",overdue,61,' $W/out"
check "--since: a revision agreed since P is marked new" \
    "grep -q 'December 2010, revised March 2011 (agreed 8 December 2010, new)' $W/out"

# ---- papers: previous-report, the changes block, placeholders ------------------------------------
run build -MD -o $W/fx $FX/q2.md $FX/q3.md
check "fixture papers build" "[ $rc -eq 0 ]"
text() { python3 -c 'import html,re,sys
s=open(sys.argv[1],encoding="utf-8").read()
s=re.sub(r"<style.*?</style>","",s,flags=re.S)
print(html.unescape(re.sub(r"\s+"," ",re.sub(r"<[^>]+>"," ",s))))' "$1"; }
text $W/fx/council/q3.html >$W/q3.txt
check "previous-report: the paper's since is the previous paper's as-at" "grep -q 'Since 30 September 2010,' $W/q3.txt"
check "placeholders count the changes, with nouns and verbs that agree" \
    "grep -q '1 action has been completed, two actions have become overdue and 1 action was cancelled. One revision was agreed. 1 action is reported worse. 5 actions are still open; 2 actions are overdue. Risks: 1 risk new, 1 risk closed, 1 risk worse. In all, 12 changes.' $W/q3.txt"
check "the changes block: caption, one group per kind, both states" \
    "grep -q 'Changes between 30 September 2010 and 31 December 2010 Ref Action, risk or indicator As at 30 September 2010 As at 31 December 2010 Change Completed (1) A.1 Alpha one On target Complete' $W/q3.txt"
check "the changes block with kinds= shows only those kinds" \
    "grep -q 'Completed or overdue Ref .* Completed (1) A.1 Alpha one On target Complete Became overdue (2) A.2' $W/q3.txt"
check "the paper's JSON counts the changes" \
    "python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))[\"changes\"]; assert d[\"since\"]==\"2010-09-30\" and d[\"total\"]==12' $W/fx/council/q3.json"
check "the depfile names the update files, their folder and the previous report" \
    "grep -q 'council/updates/2010-12-31.yaml' $W/fx/council/q3.d && grep -q 'council/updates ' $W/fx/council/q3.d && grep -q 'council/q2.md' $W/fx/council/q3.d"
pdftotext -layout $W/fx/council/q3.pdf $W/q3.pdf.txt 2>/dev/null
check "the PDF has the changes table" "grep -q 'Became overdue (2)' $W/q3.pdf.txt && grep -q 'Closed 20' $W/q3.pdf.txt"

# Errors, each at its place.
mkdir -p $W/bad
cp -R $FX/plan.yaml $FX/updates $W/bad/ 2>/dev/null
sed 's/^previous-report: q2.md/previous-report: q1.md/' $FX/q3.md >$W/bad/a.md
run check $W/bad/a.md
check "previous-report naming a missing paper: error at the key" "[ $rc -eq 1 ] && grep -q 'a.md:4:18: error: cannot read the previous report q1.md' $W/err"
sed 's/^previous-report: q2.md/since: 2010-12-31/' $FX/q3.md >$W/bad/b.md
run check $W/bad/b.md
check "since not before as-at: error" "[ $rc -eq 1 ] && grep -q 'b.md:4:8: error: the previous report.s date (since) must be before' $W/err"
sed '/^previous-report:/d' $FX/q3.md >$W/bad/c.md
run check $W/bad/c.md
check "a changes block or change count without a previous report: errors at their lines" \
    "[ $rc -eq 1 ] && grep -q 'c.md:15:.*completed-since.*previous report' $W/err && grep -q \"c.md:22:1: error: the changes block needs the previous report\" $W/err"
sed 's/{{ open noun=action verb=is }}/{{ as-at noun=day }}/' $FX/q3.md >$W/bad/d.md
cp $FX/q2.md $W/bad/q2.md
run check $W/bad/d.md
check "noun= on a placeholder that is not a count: error" "[ $rc -eq 1 ] && grep -q 'as-at }} is not a count' $W/err"
sed 's/```changes kinds=completed,overdue/```changes kinds=completed,overdu/' $FX/q3.md >$W/bad/e.md
run check $W/bad/e.md
check "an unknown kind in a changes block: did you mean" "[ $rc -eq 1 ] && grep -q \"unknown kind 'overdu'; did you mean 'overdue'\" $W/err"
# An update file with errors stops the build, positioned in the file.
mkdir -p $W/bad2/updates
cp $FX/plan.yaml $W/bad2/
printf 'date: 2010-12-31\nactions:\n  - ref: A.11\n    status: complete\n' >$W/bad2/updates/q3.yaml
run rollup $W/bad2/plan.yaml --as-at 2010-12-31
check "an unknown action in an update file: error at its line, exit 1" \
    "[ $rc -eq 1 ] && grep -q \"bad2/updates/q3.yaml:3:10: error: action 'A.11' is not in the plan .*; did you mean 'A.1'\" $W/err"
echo "1..$n"
