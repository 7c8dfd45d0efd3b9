#!/bin/sh
# run-fuzz-json.sh - a short libFuzzer run over the paper's JSON reader (the CI smoke;
# FUZZ_SECONDS=600 for a long run), seeded with the example papers' JSON. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
D=build/fuzz/paper-json
SECONDS_TO_RUN=${FUZZ_SECONDS:-10}
mkdir -p $D/corpus
if ! command -v clang >/dev/null 2>&1; then
    echo "ok 1 - # SKIP clang is not installed"
    echo "1..1"
    exit 0
fi
flags="-std=c17 -g -O1 -D_GNU_SOURCE -Isrc -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
# the reader, and what it stands on (util, model, analysis: no other library)
srcs="src/render/paper_json_read.c $(find src/util src/model src/analysis -name '*.c' | LC_ALL=C sort | tr '\n' ' ')"
check "the harness builds with libFuzzer" \
    "clang $flags -o $D/fuzz tests/fuzz/fuzz_paper_json.c $srcs -ldeflate -lm 2>$D/cc.log"
[ -s $D/cc.log ] && sed 's/^/# /' $D/cc.log | head -20
./tabled build --format json -o $D/seed plans/*/*.md >/dev/null 2>&1
cp $D/seed/*/*.json $D/corpus/ 2>/dev/null
check "${SECONDS_TO_RUN} s of fuzzing find no crash, hang or leak" \
    "nice $D/fuzz -max_total_time=$SECONDS_TO_RUN -timeout=5 -rss_limit_mb=1024 $D/corpus >$D/log 2>&1"
tail -3 $D/log | sed 's/^/# /'
echo "1..$n"
