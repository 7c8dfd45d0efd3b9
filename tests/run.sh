#!/bin/sh
# run.sh - run every test suite, count TAP results, end with "N passed, N failed".
#
# Suites: the cmocka unit tests (normal and ASan+UBSan builds), then each
# tests/*/run-*.sh script, which print TAP lines ("ok N - ..." / "not ok N - ...").
cd "$(dirname "$0")/.." || exit 2
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1790000000}"
export NO_COLOR=1
LOG=build/test-log
mkdir -p "$LOG"
passed=0
failed=0
skipped=0
failures=""

count() { # name logfile
    p=$(grep '^ok ' "$2" | grep -vc '# SKIP')
    f=$(grep '^not ok ' "$2" | grep -vc '# SKIP')
    s=$(grep -Ec '^(not )?ok .*# SKIP' "$2")
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
    if [ "$f" -gt 0 ]; then
        failures="$failures $1"
        grep -B2 -A12 '^not ok ' "$2" | grep -v '# SKIP' | head -60
    fi
    printf '%-40s %4d passed, %d failed\n' "$1" "$p" "$f"
}

run_suite() { # name command...
    name=$1
    shift
    log="$LOG/$(echo "$name" | tr '/ ' '__').log"
    "$@" >"$log" 2>&1
    rc=$?
    count "$name" "$log"
    if [ $rc -ne 0 ] && [ "$(grep '^not ok ' "$log" | grep -vc '# SKIP')" -eq 0 ]; then
        # A crash or a suite that died before reporting counts as a failure.
        failed=$((failed + 1))
        failures="$failures $name(exit $rc)"
        tail -20 "$log"
    fi
}

for t in build/tests/test_*; do
    [ -x "$t" ] || continue
    run_suite "unit/$(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
done
if [ -d build/asan/tests ]; then
    for t in build/asan/tests/test_*; do
        [ -x "$t" ] || continue
        run_suite "asan/$(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP \
            ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 "$t"
    done
fi
for s in tests/*/run-*.sh; do
    [ -f "$s" ] || continue
    run_suite "$s" sh "$s"
done

[ -n "$failures" ] && echo "failing:$failures"
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
