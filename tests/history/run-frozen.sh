#!/bin/sh
# run-frozen.sh - the frozen-history test (domain rules, section 3a): for every paper in
# plans/, build it, append history dated after its as-at date to a copy of its plan
# (frozen.py: status changes, revisions, reviews, closures, actuals, new actions and
# risks, in the plan and in a new update file), build again, and compare every output
# byte for byte (HTML, PDF, JSON, private editions). Two controls show the test can
# fail: the appended history is visible after the as-at date, and the same history
# dated on the as-at date itself changes the paper. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
not_ok() { notok "$1"; shift; for l in "$@"; do echo "$l" | sed 's/^/#   /'; done; }
skip() { n=$((n + 1)); echo "ok $n - # SKIP $1"; }
TABLED=${TABLED:-./tabled}
W=build/frozen
rm -rf $W
mkdir -p $W
# Completion and update dates may not be in the future: a future "today" lets the test
# date entries after papers of any date. Both builds use the same value.
SOURCE_DATE_EPOCH=4102444800
export SOURCE_DATE_EPOCH

# A project of its own: plans/, templates/ and fonts/ copied, so the builds before and
# after read the same paths.
project() { # dir
    mkdir -p "$1"
    cp -R plans templates fonts "$1/"
}
build() { # project out paper(relative to plans/)
    $TABLED build -o "$2" --templates "$1/templates" --fonts "$1/fonts" "$1/plans/$3" 2>"$2.err"
}
# The plan a paper reports on: its front block's plan: key, beside the paper.
plan_of() { # project paper
    python3 - "$1/plans/$2" <<'EOF'
import os, re, sys, yaml
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
m = re.match(r"\ufeff?---[ \t\r]*\n(.*?)\n(---|\.\.\.)[ \t\r]*(\n|$)", text, re.S)
front = yaml.load(m.group(1), Loader=yaml.BaseLoader) if m else {}
rel = (front or {}).get("plan") or "plan.yaml"
print(os.path.normpath(os.path.join(os.path.dirname(path), rel)))
EOF
}
json_field() { # file key.key
    python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d=d.get(k) if isinstance(d,dict) else None
print(d if d is not None else "")' "$1" "$2"
}
same_tree() { # a b: every file of a is in b, byte for byte, and nothing more
    (cd "$1" && find . -type f ! -name '*.err' | LC_ALL=C sort) >"$W/list.a"
    (cd "$2" && find . -type f ! -name '*.err' | LC_ALL=C sort) >"$W/list.b"
    cmp -s "$W/list.a" "$W/list.b" || { echo "# files differ: $(diff "$W/list.a" "$W/list.b" | grep '^[<>]' | tr '\n' ' ')"; return 1; }
    while read -r f; do
        if ! cmp -s "$1/$f" "$2/$f"; then
            echo "# differs: $f"
            diff "$1/$f" "$2/$f" 2>/dev/null | head -8 | sed 's/^/#   /'
            return 1
        fi
    done <"$W/list.a"
    return 0
}

papers=$(cd plans && ls -- */*.md 2>/dev/null)
[ -n "$papers" ] || { not_ok "there are papers in plans/"; echo "1..$n"; exit 1; }
i=0
for paper in $papers; do
    i=$((i + 1))
    P=$W/p$i
    project $P/proj
    if ! build $P/proj $P/before "$paper"; then
        not_ok "$paper: builds" "$(head -5 $P/before.err)"
        continue
    fi
    slug=${paper%.md}
    json=$P/before/$slug.json
    asat=$(json_field "$json" paper.as_at_date)
    if [ -z "$asat" ]; then not_ok "$paper: as_at_date in its JSON"; continue; fi
    plan=$(plan_of $P/proj "$paper")
    exempt=$(json_field "$json" paper.exempt_paragraph)

    # Rewriting the plan through the YAML library alone changes nothing.
    cp "$plan" $P/plan.orig
    python3 tests/history/frozen.py "$plan" "$asat" --dump-only
    build $P/proj $P/dumped "$paper"
    check "$paper: the rewritten plan builds the same paper" "same_tree $P/before $P/dumped"

    # History dated after the as-at date.
    days=$(python3 tests/history/frozen.py "$plan" "$asat")
    d1=${days% *}
    if ! $TABLED check "$plan" >$P/check.out 2>&1 || grep -q ': error:' $P/check.out; then
        not_ok "$paper: the plan with later history loads" "$(grep ': error:' $P/check.out | head -5)"
        continue
    fi
    build $P/proj $P/after "$paper"
    check "$paper (as at $asat): history dated from $d1 leaves every output byte-identical" \
        "same_tree $P/before $P/after"

    # Control 1: the appended history is there, and seen from its date.
    $TABLED rollup $P/plan.orig --as-at "$d1" --format json >$P/roll.orig 2>/dev/null
    $TABLED rollup "$plan" --as-at "$d1" --format json >$P/roll.after 2>/dev/null
    check "$paper: ... and the same history changes the plan as at $d1" "! cmp -s $P/roll.orig $P/roll.after"

    # Control 2: dated on the as-at date itself, it changes the paper.
    if [ -n "$exempt" ]; then
        skip "$paper: exempt, its public JSON carries no roll-up to change"
    else
        project $P/ctl
        cplan=$(plan_of $P/ctl "$paper")
        python3 tests/history/frozen.py "$cplan" "$asat" --at-as-at >/dev/null
        build $P/ctl $P/ctl-out "$paper"
        check "$paper: ... while history dated $asat itself changes it" "! cmp -s $json $P/ctl-out/$slug.json"
    fi
done
echo "1..$n"
