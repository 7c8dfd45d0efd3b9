#!/bin/sh
# run-html.sh - the example papers as HTML: built, valid (Nu HTML Checker), accessible
# (axe-core, WCAG 2.2 A/AA), escaped; TAP output.
cd "$(dirname "$0")/../.." || exit 2
OUT=build/html-out
. tests/tools/tap.sh

sh tests/html/install.sh || { notok "install HTML checkers"; exit 1; }

rm -rf "$OUT"
check "tabled build of every example paper exits 0" \
    "./tabled build -o $OUT --format html plans/*/plan.yaml plans/*/*.md"
for p in norwich-hip/executive-2009-05-13 norwich-hip/scrutiny-2010-07-22 \
         leicester-bv-review/cabinet-2003-03-10 copeland-shap/exception-2010-q3; do
    check "seed paper $p.html written" "[ -s $OUT/$p.html ]"
done
check "index.html lists every paper" \
    "[ \$(grep -c 'href=\"[^\"]*\\.html\"' $OUT/index.html) -ge 4 ]"
check "a plan without a paper still gets its JSON roll-up" \
    "[ -s $OUT/norwich-hip/rollup.json ] && [ -s $OUT/salford-sip/rollup.json ]"
# The meetings' agenda pages, and the index listing them.
check "tabled pack of every example meeting exits 0" "./tabled pack -o $OUT plans/meetings/*.yaml"
check "tabled index lists papers and meetings" "./tabled index -o $OUT $OUT/*/*.json && grep -q 'href=\"meetings/' $OUT/index.html"

# Validity and accessibility of everything built: papers, private editions (an
# exempt appendix marked), agenda pages, the index.
log=build/html-check.log
node tests/html/check.mjs --werror $OUT/index.html $OUT/*/*.html $OUT/private/*/*.html >$log 2>&1
rc=$?
sed 's/^/# /' $log | tail -40
check "Nu HTML Checker and axe-core: no errors or violations" "[ $rc -eq 0 ]"

# Escaping: active content in every field of a plan and paper never reaches the output.
H=build/html-hostile
rm -rf $H
./tabled build -o $H --format html tests/html/fixtures/hostile/plan.yaml \
    tests/html/fixtures/hostile/hostile.md 2>/dev/null
f=$H/hostile/hostile.html
check "hostile paper builds" "[ -s $f ]"
check "no <script> element in the output" "! grep -qi '<script' $f $H/index.html"
check "no event-handler attribute in the output" \
    "! grep -Eqi '<[^>]*[[:space:]]on[a-z]+=' $f $H/index.html"
check "no javascript: href" "! grep -Eqi 'href=\"?[[:space:]]*javascript' $f $H/index.html"
check "the hostile text is shown escaped" "grep -q '&lt;script&gt;' $f"
node tests/html/check.mjs --werror $f $H/index.html >$log 2>&1
rc=$?
sed 's/^/# /' $log | tail -10
check "hostile output is still valid and accessible" "[ $rc -eq 0 ]"

# Changes since the previous report (tests/history's fixture council): the changes
# blocks are valid and accessible too.
C=build/html-changes
rm -rf $C
./tabled build -o $C --format html tests/history/fixtures/council/q2.md \
    tests/history/fixtures/council/q3.md 2>/dev/null
node tests/html/check.mjs --werror $C/council/q3.html >$log 2>&1
rc=$?
sed 's/^/# /' $log | tail -10
check "a paper with changes blocks is valid and accessible" "[ -s $C/council/q3.html ] && [ $rc -eq 0 ]"

# A missing required front-sheet field is an error at the front block.
tmp=build/html-missing
rm -rf $tmp && mkdir -p $tmp
sed '/^lead-officer:/d' plans/copeland-shap/exception-2010-q3.md >$tmp/paper.md
cp plans/copeland-shap/plan.yaml $tmp/plan.yaml
./tabled build -o $tmp/out $tmp/paper.md 2>$tmp/err
rc=$?
sed 's/^/# /' $tmp/err
check "missing required field exits 1" "[ $rc -eq 1 ]"
check "missing required field is positioned and named" \
    "grep -Eq '^$tmp/paper.md:[0-9]+:[0-9]+: error: .*lead-officer' $tmp/err"
check "nothing is written for a paper with errors" "[ ! -e $tmp/out/$(basename $tmp)/paper.html ]"
# tabled check on a paper: the build pipeline, nothing written.
printf '%s\n' '---' 'variant: exception' 'as-at: 2010/11 Q3' 'committee: Audit Committee' \
    'meeting: 2011-01-26' 'subject: S' 'lead-officer: L' 'report-author: A' 'summary: S' \
    'recommendation: R' '---' '' '# Introduction' '' 'There are {{ acions }} actions.' '' \
    '```exeptions' '```' >$tmp/check.md
./tabled check $tmp/check.md 2>$tmp/err
rc=$?
sed 's/^/# /' $tmp/err
check "tabled check on a paper with mistakes exits 1" "[ $rc -eq 1 ]"
check "an unknown placeholder is named at its line and column, with a suggestion" \
    "grep -q '^$tmp/check.md:15:11: error: unknown placeholder {{ acions }}; did you mean {{ actions }}' $tmp/err"
check "a misspelt block name is an error with a suggestion (not printed as code)" \
    "grep -q \"^$tmp/check.md:17:1: error: unknown block 'exeptions'; did you mean 'exceptions'?\" $tmp/err"
check "tabled check --werror fails a paper whose only problems are warnings" \
    "./tabled check tests/html/fixtures/hostile/hostile.md 2>/dev/null && ! ./tabled check --werror tests/html/fixtures/hostile/hostile.md 2>/dev/null"
check "tabled check writes nothing" "[ ! -e out/check ] && [ ! -e $tmp/out/check ]"
echo "1..$n"
