#!/bin/sh
# compare-outputs.sh - are the outputs of the example papers byte-identical between two
# trees? For refactoring: build every example paper with one tree's tabled and with
# another's, SOURCE_DATE_EPOCH fixed, and compare every file (HTML, PDF, JSON, the
# dependency files, both index pages, the diagnostics).
#
#   tests/tools/compare-outputs.sh [-v] [BASE [NEW]]
#
# BASE and NEW are git revisions (exported with git archive into build/compare/<commit>
# and built there, once per commit) or "." for the working tree as it is (built with
# make tabled). Defaults: BASE = main, NEW = ".". Each side builds its own plans/ with
# its own templates and fonts, plus two papers made the same way on both sides: an
# exempt edition of the Copeland paper (tests/pdf/run-exempt.sh's recipe) and the
# hostile-input fixture of tests/html. -v prints a diff of each differing text file.
# Exit status: 0 identical, 1 something differs, 2 a side could not be built.
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
verbose=0
if [ "${1:-}" = "-v" ]; then verbose=1; shift; fi
BASE=${1:-main}
NEW=${2:-.}
EPOCH=1700000000

# tree_of REV: prints the folder holding that tree, built.
tree_of() {
    if [ "$1" = "." ]; then
        make --no-print-directory -s tabled >&2 || return 1
        echo "$ROOT"
        return 0
    fi
    c=$(git rev-parse --verify -q "$1^{commit}") || { echo "compare: no revision $1" >&2; return 1; }
    t=$ROOT/build/compare/$c
    if [ ! -x "$t/tabled" ]; then
        rm -rf "$t" && mkdir -p "$t" || return 1
        git archive "$c" | tar -x -C "$t" || return 1
        echo "compare: building $1 ($c) in $t" >&2
        make --no-print-directory -s -C "$t" tabled >"$t.log" 2>&1 || {
            cat "$t.log" >&2
            return 1
        }
    fi
    echo "$t"
}

# outputs TREE: builds the example papers with TREE's tabled into TREE/build/compare-out.
outputs() {
    (
        cd "$1" || exit 2
        export SOURCE_DATE_EPOCH=$EPOCH NO_COLOR=1
        o=build/compare-out
        rm -rf $o build/compare-in && mkdir -p $o build/compare-in/exempt || exit 2
        cp plans/copeland-shap/plan.yaml build/compare-in/exempt/plan.yaml
        sed -e "s/^summary: .*/summary: The Zanzibarquux tender./" \
            -e "0,/^subject:/s//exempt: 3\nsubject:/" \
            plans/copeland-shap/exception-2010-q3.md >build/compare-in/exempt/tender.md
        printf '\nThe tender was %s.\n\n```exceptions caption="Tender exceptions"\n```\n' \
            "£1.2 million" >>build/compare-in/exempt/tender.md
        ./tabled build -MD -o $o plans/*/plan.yaml plans/*/*.md \
            tests/html/fixtures/hostile/hostile.md build/compare-in/exempt/tender.md \
            >$o/build.log 2>&1
        echo "exit $?" >>$o/build.log
        mkdir -p $o/index-command
        ./tabled index -o $o/index-command $o/*/*.json >>$o/build.log 2>&1
        echo "index exit $?" >>$o/build.log
    )
}

A=$(tree_of "$BASE") || exit 2
B=$(tree_of "$NEW") || exit 2
outputs "$A" || exit 2
outputs "$B" || exit 2
OA=$A/build/compare-out
OB=$B/build/compare-out
same=0
layout=0
differ=0
for f in $( (cd "$OA" && find . -type f; cd "$OB" && find . -type f) | LC_ALL=C sort -u); do
    if [ ! -f "$OA/$f" ] || [ ! -f "$OB/$f" ]; then
        echo "only in one: $f"
        differ=$((differ + 1))
    elif cmp -s "$OA/$f" "$OB/$f"; then
        same=$((same + 1))
    elif case $f in *.json) python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' "$OA/$f" "$OB/$f" 2>/dev/null ;; *) false ;; esac; then
        echo "same data, other layout: $f"
        layout=$((layout + 1))
    else
        echo "differs: $f ($(wc -c <"$OA/$f") -> $(wc -c <"$OB/$f") bytes)"
        differ=$((differ + 1))
        if [ $verbose -eq 1 ]; then
            case $f in
            *.pdf)
                qpdf --qdf --object-streams=disable "$OA/$f" - 2>/dev/null | strings >"$OB.a.txt"
                qpdf --qdf --object-streams=disable "$OB/$f" - 2>/dev/null | strings >"$OB.b.txt"
                diff "$OB.a.txt" "$OB.b.txt" | head -40 ;;
            *) diff "$OA/$f" "$OB/$f" | head -40 ;;
            esac
        fi
    fi
done
rm -f "$OB.a.txt" "$OB.b.txt"
echo "compare $BASE -> $NEW: $same identical, $layout the same JSON laid out differently, $differ differ"
[ $differ -eq 0 ]
