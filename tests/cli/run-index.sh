#!/bin/sh
# run-index.sh - the paper's JSON and the index built from it: every paper's JSON
# holds what README documents; `tabled index` rebuilds from the JSON the very index
# `tabled build` wrote; a damaged JSON file is an error that names it. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/index-test
rm -rf $T && mkdir -p $T
export SOURCE_DATE_EPOCH=1700000000
check "build every example paper" "./tabled build -o $T/out plans/*/plan.yaml plans/*/*.md 2>$T/err"
ok=1
for j in $T/out/*/*.json; do
    case $j in */rollup.json) continue ;; esac
    python3 - "$j" <<'PY' || ok=0
import json, sys
d = json.load(open(sys.argv[1]))
p = d["paper"]
for k in ("subject", "committee", "meeting", "meeting_date", "item", "report_of",
          "organisation", "variant", "as_at"):
    assert k in p and (p[k] is None or isinstance(p[k], str)), k
assert isinstance(p["html"], bool) and isinstance(p["pdf"], bool)
if "exempt_paragraph" in p:
    # the public edition of an exempt paper: the notice's paragraph, no roll-up
    assert p["exempt_paragraph"] in range(1, 8) and "rollup" not in d
    sys.exit(0)
o = d["rollup"]["overall"]
for k in ("complete", "on-target", "rescheduled", "late-start", "overdue", "not-yet-due", "cancelled"):
    assert isinstance(o["counts"][k], int), k
assert isinstance(o["total"], int)
assert o["percent_complete"] is None or 0 <= o["percent_complete"] <= 100
assert o["rag"] in ("none", "complete", "not-due", "green", "amber", "red")
PY
done
check "every paper's JSON has the documented keys and types" "[ $ok -eq 1 ]"
check "tabled index rebuilds the index from the JSON" \
    "./tabled index -o $T/again $T/out/*/*.json 2>$T/err2 && cmp $T/out/index.html $T/again/index.html"
cp $T/out/norwich-hip/executive-2009-05-13.json $T/damaged.json
printf '{"paper": {"subject": "x",}}' >$T/out/norwich-hip/executive-2009-05-13.json
./tabled index -o $T/bad $T/out/*/*.json 2>$T/err3
rc=$?
sed 's/^/# /' $T/err3
check "a damaged paper's JSON: exit 1" "[ $rc -eq 1 ]"
check "... with an error that names the file and the place" \
    "grep -q 'executive-2009-05-13.json:1:27: error: not JSON: a key (a string) expected' $T/err3"
check "... and the index is written without it (an index never lists what cannot be read)" \
    "[ -e $T/bad/index.html ] && ! grep -q 'executive-2009-05-13' $T/bad/index.html"
echo "1..$n"
