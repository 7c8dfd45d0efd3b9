#!/bin/sh
# fuzz-seeds.sh DIR - the seed corpus of the sheet harness (tests/fuzz/fuzz_sheet.c):
# the fixture council's three sheets as tabled export writes them, each saved every way
# a spreadsheet saves CSV, some with edits and some with an officer's mistakes.
set -e
cd "$(dirname "$0")/../.."
D=$1
rm -rf "$D" && mkdir -p "$D"
export SOURCE_DATE_EPOCH=1790000000
P=tests/history/fixtures/council/plan.yaml
for k in actions risks indicators; do
    ./tabled export $P --sheet $k >"$D/$k.csv"
done
E="python3 tests/sheets/excel_edit.py"
$E --variants "$D/actions.csv" "$D/risks.csv" "$D/indicators.csv"
$E "$D/actions.csv" "$D/edit-actions.csv" "A.2:Status=Complete" "A.2:Completed=15/03/2011" \
    "A.2:Progress=Done, \"at last\"
on two lines" "A.3:RAG=Amber" "A.3:Revised due=Mar-11" "A.3:Reason for revision=Late" \
    "A.3:Revision agreed=01/02/2011" "A.1:Update date=20/03/2011" --blank-row 2
$E "$D/actions.csv" "$D/bad-actions.csv" "A.2:Status=Inprogress" "A.3:Due=31/02/2011" \
    --add-row ",Z.9,,x,,,,,Amber"
$E "$D/risks.csv" "$D/edit-risks.csv" "RK1:Net likelihood=2" "RK1:Net impact=2" \
    "RK1:Review note=Better" "RK3:Closed=Jan-11" "RK3:Reviewed=15/01/2011"
$E "$D/indicators.csv" "$D/edit-indicators.csv" --add-row ",PI 1,,,Q4 2010/11,,96.5,,41729"
