#!/bin/sh
# fuzz.sh SECONDS HARNESS... - runs each libFuzzer harness (build/fuzz/fuzz_<name>) for
# SECONDS (or, with FUZZ_RUNS=N, for N executions at most), one after another, niced,
# from the seed corpus (seed.sh) and the corpus it has grown so far
# (build/fuzz/corpus/<name>). Crashes go to build/fuzz/crashes/. Prints executions,
# time and crashes per harness, and exits 1 if any crashed. Two can run at once.
cd "$(dirname "$0")/../.." || exit 2
secs=$1
shift
B=build/fuzz
SEEDS=$B/seeds-$$
tests/fuzz/seed.sh $SEEDS
mkdir -p $B/crashes $B/logs
status=0
S=$B/summary-$$.txt
printf '%-10s %12s %8s %8s\n' harness executions seconds crashes >$S
for h in "$@"; do
    mkdir -p $B/corpus/$h
    # shellcheck source=tests/fuzz/options.sh
    . tests/fuzz/options.sh
    before=$(ls $B/crashes | grep -c "^$h-" || true)
    t0=$(date +%s)
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=1 nice -n 10 $B/fuzz_$h -max_total_time=$secs ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} \
        -timeout=10 -rss_limit_mb=2560 -max_len=$len $dict -artifact_prefix=$B/crashes/$h- \
        -print_final_stats=1 $B/corpus/$h $SEEDS/$h >$B/logs/$h-$$.log 2>&1
    rc=$?
    t1=$(date +%s)
    execs=$(grep 'stat::number_of_executed_units' $B/logs/$h-$$.log | awk '{ s += $2 } END { print s + 0 }')
    after=$(ls $B/crashes | grep -c "^$h-" || true)
    printf '%-10s %12s %8s %8s\n' "$h" "$execs" $((t1 - t0)) $((after - before)) >>$S
    if [ $rc -ne 0 ]; then
        status=1
        grep -m5 'ERROR\|SUMMARY\|Test unit written' $B/logs/$h-$$.log
    fi
done
cat $S
rm -rf $SEEDS
exit $status
