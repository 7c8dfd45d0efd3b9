#!/bin/sh
# run-fuzz.sh - the fuzzers in CI: every harness is built (make fuzz-build), every input
# that ever crashed one (tests/fuzz/regressions/<harness>/) now runs clean, and each
# harness fuzzes for FUZZ_SMOKE_SECONDS (default 20) from the seed corpus. TAP output.
# Long runs are `make fuzz`.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
B=build/fuzz
S=${FUZZ_SMOKE_SECONDS:-20}
HARNESSES="plan paper image build sheet paper_json meeting"
for h in $HARNESSES; do
    if [ ! -x $B/fuzz_$h ]; then
        notok "fuzz_$h is built (make fuzz-build needs clang and libclang-rt-14-dev)"
        continue
    fi
    ok "fuzz_$h is built"
done
# a regression folder no harness runs would be a test that cannot fail
for d in tests/fuzz/regressions/*/; do
    name=$(basename "$d")
    case " $HARNESSES " in
    *" $name "*) ;;
    *) notok "tests/fuzz/regressions/$name/ belongs to no harness" ;;
    esac
done
tests/fuzz/seed.sh $B/smoke-seeds >/dev/null 2>&1 || notok "seed corpora made"
for h in $HARNESSES; do
    [ -x $B/fuzz_$h ] || continue
    files=$(find tests/fuzz/regressions/$h -type f 2>/dev/null | sort)
    count=$(echo "$files" | grep -c . || true)
    if [ "$count" -gt 0 ]; then
        # shellcheck disable=SC2086
        timeout 300 $B/fuzz_$h -timeout=20 -rss_limit_mb=2560 $files >$B/regress-$h.log 2>&1
        rc=$?
        [ $rc -eq 0 ] || grep -m5 'ERROR\|SUMMARY\|Running' $B/regress-$h.log | sed 's/^/# /'
        check "fuzz_$h: all $count regression inputs run clean" "[ $rc -eq 0 ]"
    fi
    . tests/fuzz/options.sh
    rm -rf $B/smoke/$h && mkdir -p $B/smoke/$h $B/smoke-crashes
    # shellcheck disable=SC2086
    timeout $((S + 120)) nice $B/fuzz_$h -max_total_time=$S -timeout=10 -rss_limit_mb=2560 \
        -max_len=65536 $dict -artifact_prefix=$B/smoke-crashes/$h- -print_final_stats=1 \
        $B/smoke/$h $B/smoke-seeds/$h >$B/smoke-$h.log 2>&1
    rc=$?
    execs=$(grep 'stat::number_of_executed_units' $B/smoke-$h.log | awk '{ print $2 }')
    [ $rc -eq 0 ] || grep -m8 'ERROR\|SUMMARY\|Test unit written\|#0 \|#1 \|#2 \|fuzz_' $B/smoke-$h.log | sed 's/^/# /'
    check "fuzz_$h: ${S} s smoke, ${execs:-0} inputs, no crash, leak or timeout" "[ $rc -eq 0 ] && [ \"${execs:-0}\" -gt 0 ]"
done
echo "1..$n"
