#!/bin/sh
# run-fuzz-sheet.sh - the sheet harness in CI: it builds (clang), every input that ever
# failed it (tests/fuzz/regressions/sheet/) runs clean, and it fuzzes for
# FUZZ_SMOKE_SECONDS (default 20) from the seed corpus. Long runs are make fuzz-sheet.
# TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
B=build/fuzz
S=${FUZZ_SMOKE_SECONDS:-20}
if ! make -s $B/fuzz_sheet >$B-sheet-build.log 2>&1; then
    notok "fuzz_sheet builds (clang and libclang-rt-14-dev)"
    sed 's/^/# /' $B-sheet-build.log | tail -5
    echo "1..$n"
    exit 0
fi
ok "fuzz_sheet builds"
files=$(find tests/fuzz/regressions/sheet -type f 2>/dev/null | sort)
if [ -n "$files" ]; then
    # shellcheck disable=SC2086
    timeout 300 $B/fuzz_sheet -timeout=20 -rss_limit_mb=2560 $files >$B/regress-sheet.log 2>&1
    rc=$?
    [ $rc -eq 0 ] || grep -m5 'ERROR\|SUMMARY\|Running\|fuzz_sheet:' $B/regress-sheet.log | sed 's/^/# /'
    check "fuzz_sheet: all $(echo "$files" | wc -l) regression inputs run clean" "[ $rc -eq 0 ]"
fi
tests/sheets/fuzz-seeds.sh $B/smoke-seeds/sheet >/dev/null 2>&1 || notok "sheet seed corpus made"
rm -rf $B/smoke/sheet && mkdir -p $B/smoke/sheet $B/smoke-crashes
timeout $((S + 120)) nice $B/fuzz_sheet -max_total_time=$S -timeout=10 -rss_limit_mb=2560 \
    -max_len=65536 -dict=tests/fuzz/sheet.dict -artifact_prefix=$B/smoke-crashes/sheet- \
    -print_final_stats=1 $B/smoke/sheet $B/smoke-seeds/sheet >$B/smoke-sheet.log 2>&1
rc=$?
execs=$(grep 'stat::number_of_executed_units' $B/smoke-sheet.log | awk '{ print $2 }')
[ $rc -eq 0 ] || grep -m8 'ERROR\|SUMMARY\|Test unit written\|#0 \|#1 \|#2 \|fuzz_sheet:' $B/smoke-sheet.log | sed 's/^/# /'
check "fuzz_sheet: ${S} s smoke, ${execs:-0} inputs, no crash, leak, hang or lost update" "[ $rc -eq 0 ] && [ \"${execs:-0}\" -gt 0 ]"
echo "1..$n"
