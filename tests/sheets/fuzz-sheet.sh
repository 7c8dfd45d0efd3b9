#!/bin/sh
# fuzz-sheet.sh SECONDS - runs the sheet harness (build/fuzz/fuzz_sheet, make fuzz-sheet)
# for SECONDS, niced, from the seed corpus and the corpus grown so far
# (build/fuzz/corpus/sheet). Crashes go to build/fuzz/crashes/sheet-*. Prints the
# executions, and exits 1 if it crashed.
cd "$(dirname "$0")/../.." || exit 2
B=build/fuzz
tests/sheets/fuzz-seeds.sh $B/seeds/sheet
mkdir -p $B/corpus/sheet $B/crashes $B/logs
ASAN_OPTIONS=detect_leaks=1 nice -n 15 $B/fuzz_sheet -max_total_time="$1" -timeout=10 \
    -rss_limit_mb=2560 -max_len=65536 -dict=tests/fuzz/sheet.dict \
    -artifact_prefix=$B/crashes/sheet- -print_final_stats=1 \
    $B/corpus/sheet $B/seeds/sheet >$B/logs/sheet.log 2>&1
rc=$?
grep 'stat::number_of_executed_units\|stat::peak_rss_mb' $B/logs/sheet.log
[ $rc -eq 0 ] || grep -m8 'ERROR\|SUMMARY\|Test unit written\|#[0-9] ' $B/logs/sheet.log
exit $rc
