#!/bin/sh
# run-fuzz-meeting.sh - the libFuzzer harness for meeting files and exempt appendices
# (tests/fuzz/fuzz_meeting.c): built with clang by the Makefile on the instrumented
# objects every harness shares (build/fuzz/), every input in
# tests/fuzz/regressions/meeting/ run, then fuzzed from the seeds (the example meetings,
# the pack and schema fixtures, papers with exempt appendices) for FUZZ_SECONDS (default
# 20: the CI smoke), or FUZZ_RUNS executions. New inputs are kept in
# build/fuzz/meeting/corpus, crashes in build/fuzz/meeting/crashes. TAP output; the
# number of executions is printed.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
F=build/fuzz
B=$F/meeting
S=${FUZZ_SECONDS:-20}
mkdir -p $B
nice make --no-print-directory -s -j2 $F/fuzz_meeting >$B/build.log 2>&1
rc=$?
[ $rc -eq 0 ] || tail -20 $B/build.log | sed 's/^/# /'
check "fuzz_meeting builds with libFuzzer (clang and libclang-rt-14-dev)" "[ $rc -eq 0 ]"
[ $rc -eq 0 ] || { echo "1..$n"; exit 1; }

# Seeds: paper paths made relative to tests/fuzz/, where the harness names its input.
SEEDS=$B/seeds
rm -rf $SEEDS && mkdir -p $SEEDS $B/corpus $B/crashes
for f in plans/meetings/*.yaml; do
    sed 's#\.\./\([a-z-]*\)/#../../plans/\1/#' "$f" >$SEEDS/$(basename "$f")
done
for f in tests/pack/fixtures/*.yaml; do
    sed 's#\.\./\.\./\.\./plans/#../../plans/#' "$f" >$SEEDS/fixture-$(basename "$f")
done
sed 's#^\(  - paper: \)\./#\1../../tests/pack/fixtures/cabinet/#' \
    tests/pack/fixtures/cabinet/2011-03-09-cabinet.yaml >$SEEDS/fixture-cabinet.yaml
cp tests/schema/corpus/meeting/*.yaml $SEEDS/ 2>/dev/null
for f in plans/copeland-shap/executive-2011-02-15-progress.md plans/copeland-shap/exception-2010-q3.md; do
    sed 's/^plan: .*/plan: ..\/..\/plans\/copeland-shap\/plan.yaml/' "$f" >$SEEDS/$(basename "$f")
done
files=$(find tests/fuzz/regressions/meeting -type f 2>/dev/null | sort)
count=$(echo "$files" | grep -c . || true)
if [ "$count" -gt 0 ]; then
    # shellcheck disable=SC2086
    timeout 300 $F/fuzz_meeting -timeout=20 -rss_limit_mb=2560 $files >$B/regress.log 2>&1
    rc=$?
    [ $rc -eq 0 ] || grep -m5 'ERROR\|SUMMARY' $B/regress.log | sed 's/^/# /'
    check "fuzz_meeting: all $count regression inputs run clean" "[ $rc -eq 0 ]"
fi
t0=$(date +%s)
ASAN_OPTIONS=detect_leaks=1 timeout $((S + 300)) nice $F/fuzz_meeting -max_total_time=$S \
    ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -timeout=10 -rss_limit_mb=2560 -max_len=16384 \
    -dict=tests/fuzz/meeting.dict -artifact_prefix=$B/crashes/ -print_final_stats=1 \
    $B/corpus $SEEDS >$B/fuzz.log 2>&1
rc=$?
t1=$(date +%s)
execs=$(grep 'stat::number_of_executed_units' $B/fuzz.log | awk '{ print $2 }')
echo "# fuzz_meeting: ${execs:-0} executions in $((t1 - t0)) s"
[ $rc -eq 0 ] || grep -m8 'ERROR\|SUMMARY\|Test unit written\|#0 \|#1 \|#2 ' $B/fuzz.log | sed 's/^/# /'
check "fuzz_meeting: ${execs:-0} inputs, no crash, hang or leak" "[ $rc -eq 0 ] && [ \"${execs:-0}\" -gt 0 ]"
echo "1..$n"
