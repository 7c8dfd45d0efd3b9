#!/bin/sh
# run-house.sh - the house style (templates/house.yaml) reaches every output: theme-RAG
# policy in the roll-up, RAG words in the papers; a broken house style is a positioned
# error. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/house
rm -rf $T && mkdir -p $T/tpl
cp -r templates/variants templates/html $T/tpl/
sed 's/method: worst /method: threshold/; s/word: Complete,/word: Done,/' templates/house.yaml >$T/tpl/house.yaml
whole() { ./tabled rollup plans/norwich-hip/plan.yaml --as-at 2010-06-30 --format csv "$@" | tail -1 | tr -d '\r'; }
check "worst-of policy: Norwich is Red as at 30 June 2010 (two actions overdue)" \
    "whole | grep -q ',red\$'"
check "threshold policy: 2 of 60 overdue is under 20%, so Amber" \
    "whole --templates $T/tpl | grep -q ',amber\$'"
./tabled build -o $T/out --format html --templates $T/tpl plans/norwich-hip/scrutiny-2010-07-22.md 2>/dev/null
check "the house style's RAG word reaches the paper" "grep -q '>Done<' $T/out/norwich-hip/scrutiny-2010-07-22.html"
printf 'page:\n  margin-top: 22 furlongs\nrag:\n  red: {fill: "#GG0000"}\ncolours:\n  acent: "#000000"\n' >$T/tpl/house.yaml
./tabled build -o $T/out2 --templates $T/tpl plans/norwich-hip/scrutiny-2010-07-22.md 2>$T/err
rc=$?
sed 's/^/# /' $T/err
check "a broken house style fails the build" "[ $rc -eq 1 ] && [ ! -e $T/out2/norwich-hip/scrutiny-2010-07-22.html ]"
check "bad length positioned" "grep -q 'house.yaml:2:15: error: .margin-top. must be a length' $T/err"
check "bad colour positioned" "grep -q 'house.yaml:4:15: error: .fill. must be a colour' $T/err"
check "unknown key with a suggestion" "grep -q \"house.yaml:6:3: error: unknown key 'acent'.*did you mean 'accent'\" $T/err"
echo "1..$n"
