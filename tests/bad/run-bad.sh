#!/bin/sh
# run-bad.sh - `tabled check` on hostile and broken inputs: it must never crash, hang or
# exit other than 1, and must say where the problem is (file:line:col: error: ...), or
# for a file it cannot read, which file and why (file: error: ...). Usage errors exit 2.
# Inputs too big or too binary to commit are generated here, deterministically.
# Prints TAP.
cd "$(dirname "$0")/../.." || exit 2

TABLED=${TABLED:-./tabled}
ASAN=build/asan/tabled-asan
DIR=tests/bad
if [ ! -x "$TABLED" ]; then
    echo "not ok 1 - $TABLED is not built"
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tabled-bad.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { # name detail...
    n=$((n + 1))
    echo "not ok $n - $1"
    shift
    for line in "$@"; do echo "#   $line"; done
    if [ -s "$tmp/err" ]; then head -5 "$tmp/err" | sed 's/^/#   stderr: /'; fi
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# run BINARY ARGS...: runs it for 10 s at most (rc 124 when killed then, 128 + N after
# signal N); sets rc and ms, the CPU time it used (user + system, so that a loaded
# machine does not fail a limit), output in $tmp/out, $tmp/err.
run() {
    set -- "$(python3 -c '
import resource, subprocess, sys
before = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1] + "/out", "wb") as o, open(sys.argv[1] + "/err", "wb") as e:
    try:
        rc = subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=o, stderr=e, timeout=10).returncode
    except subprocess.TimeoutExpired:
        rc = 124
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(128 - rc if rc < 0 else rc, int(cpu * 1000))' "$tmp" "$@")"
    rc=${1% *}
    ms=${1#* }
}

# 1 when $tmp/err has a line "FILE:LINE:COL: error: ..." (LINE, COL >= 1) for this file.
positioned() { # file
    awk -v f="$1" '
        index($0, f ":") == 1 {
            rest = substr($0, length(f) + 2)
            if (rest ~ /^[1-9][0-9]*:[1-9][0-9]*: error: ./) found = 1
        }
        END { exit !found }' "$tmp/err"
}

# 1 when $tmp/err has a line "FILE: error: ...".
file_level() { # file
    awk -v f="$1" 'index($0, f ": error: ") == 1 { found = 1 } END { exit !found }' "$tmp/err"
}

describe_rc() {
    case $rc in
    124) echo "hung: killed by timeout after 10 s" ;;
    12[5-9] | 1[3-9][0-9] | 2[0-9][0-9]) echo "crashed: exit $rc (signal $((rc - 128)))" ;;
    *) echo "exit $rc, expected 1" ;;
    esac
}

# refuse NAME FILE WHERE [MAX_MS] [PATTERN]: `tabled check FILE` exits 1, prints a
# positioned error (WHERE=pos) or a file-level one (WHERE=file), optionally within
# MAX_MS milliseconds and with PATTERN (grep -E) in the message.
refuse() {
    name=$1 file=$2 where=$3 max=${4:-} pattern=${5:-}
    run "$TABLED" check "$file"
    if [ "$rc" -eq 1 ]; then ok "$name: exit 1"; else not_ok "$name: exit 1" "$(describe_rc)"; fi
    if [ "$where" = pos ]; then
        if positioned "$file"; then ok "$name: positioned error"; else
            not_ok "$name: positioned error" "no '$file:LINE:COL: error:' line"; fi
    else
        if file_level "$file"; then ok "$name: error names the file"; else
            not_ok "$name: error names the file" "no '$file: error:' line"; fi
    fi
    if [ -n "$pattern" ]; then
        if grep -Eq "$pattern" "$tmp/err"; then ok "$name: says '$pattern'"; else
            not_ok "$name: says '$pattern'"; fi
    fi
    if [ -n "$max" ]; then
        if [ "$ms" -le "$max" ]; then ok "$name: refused in $ms ms of CPU (limit $max ms)"; else
            not_ok "$name: refused in $ms ms of CPU (limit $max ms)"; fi
    fi
    # The same input under AddressSanitizer + UBSan (and LeakSanitizer): no memory error,
    # no leak on the error path. Not timed.
    if [ -x "$ASAN" ]; then
        run "$ASAN" check "$file"
        if [ "$rc" -eq 1 ] && ! grep -q 'Sanitizer' "$tmp/err"; then
            ok "$name: clean under ASan/UBSan"
        else
            not_ok "$name: clean under ASan/UBSan" "$(describe_rc)"
            grep -m3 -A3 'Sanitizer' "$tmp/err" | sed 's/^/#   /'
        fi
    fi
}

# ---- committed fixtures --------------------------------------------------------------
refuse "invalid UTF-8" "$DIR/invalid-utf8.yaml" pos "" \
    "^$DIR/invalid-utf8.yaml:6:15: error: invalid UTF-8 \(byte 0xFF\)"
refuse "YAML anchor" "$DIR/anchors.yaml" pos "" "anchors \(&ann\) are not supported"
refuse "YAML alias" "$DIR/aliases.yaml" pos "" ":3:17: error: YAML aliases \(\*title\)"
refuse "merge key" "$DIR/merge-key.yaml" pos "" ":3:3: error: YAML merge keys"
refuse "alias bomb (billion laughs)" "$DIR/alias-bomb.yaml" pos 1000 "aliases \(\*h\) are not supported"
refuse "YAML syntax error" "$DIR/syntax-error.yaml" pos "" ":3:17: error: the list opened with '\[' here is not closed"
refuse "top-level list" "$DIR/top-level-list.yaml" pos "" ":1:1: error: a plan must be a mapping"
refuse "duplicate key" "$DIR/duplicate-key.yaml" pos "" ":4:3: error: duplicate key 'title'"
refuse "empty file" "$DIR/empty.yaml" pos "" ":1:1: error: the plan is empty"

# Every error of a file in one run, sorted by line.
refuse "four errors" "$DIR/many-errors.yaml" pos
lines=$(grep -c "^$DIR/many-errors.yaml:[0-9]*:[0-9]*: error: " "$tmp/err")
order=$(grep "^$DIR/many-errors.yaml:" "$tmp/err" | cut -d: -f2 | tr '\n' ' ')
if [ "$lines" -eq 4 ] && [ "$order" = "5 11 16 17 " ]; then
    ok "four errors: all four reported, in line order"
else
    not_ok "four errors: all four reported, in line order" "got $lines errors on lines: $order"
fi

# ---- generated inputs ----------------------------------------------------------------
# Binary garbage: 4096 bytes from a fixed linear congruential generator (x = 75x + 74
# mod 65537, the ZX81's), written with printf octal escapes, so every run is the same.
awk 'BEGIN { x = 1; for (i = 0; i < 4096; i++) { x = (x * 75 + 74) % 65537; printf "\\%03o", x % 256 } }' \
    >"$tmp/garbage.fmt"
# shellcheck disable=SC2059
printf "$(cat "$tmp/garbage.fmt")" >"$tmp/garbage.bin"
size=$(wc -c <"$tmp/garbage.bin")
if [ "$size" -eq 4096 ]; then ok "binary garbage generated (4096 bytes)"; else
    not_ok "binary garbage generated (4096 bytes)" "got $size bytes"; fi
refuse "binary garbage" "$tmp/garbage.bin" pos 1000

# Printable ASCII and control characters only (valid UTF-8, no NUL): past the UTF-8
# check into the YAML reader.
awk 'BEGIN { x = 7; for (i = 0; i < 4096; i++) { x = (x * 75 + 74) % 65537; c = 1 + x % 126; printf "\\%03o", c } }' \
    >"$tmp/ascii.fmt"
# shellcheck disable=SC2059
printf "$(cat "$tmp/ascii.fmt")" >"$tmp/ascii-garbage.yaml"
refuse "ASCII and control-character garbage" "$tmp/ascii-garbage.yaml" pos 1000

# 100000 nested '[': refused at depth 65, within a second.
head -c 100000 /dev/zero | tr '\0' '[' >"$tmp/deep-flow.yaml"
refuse "100000 nested [" "$tmp/deep-flow.yaml" pos 1000 ":1:65: error: nesting is deeper than 64"

# 100000 nested block mappings ("a:\n b:\n  c: ..."), a different path through the parser.
awk 'BEGIN { s = ""; for (i = 0; i < 2000; i++) { printf "%sk:\n", s; s = s " " } }' >"$tmp/deep-block.yaml"
refuse "2000 nested block mappings" "$tmp/deep-block.yaml" pos 1000 ":65:[0-9]+: error: nesting is deeper than 64"

# Over 64 MiB (sparse, so it costs no disk): refused before it is read.
truncate -s 67108865 "$tmp/huge.yaml"
refuse "file of 64 MiB + 1 byte" "$tmp/huge.yaml" file 2000 "larger than 64 MiB"
# Exactly 64 MiB is within the limit: it is read (and refused for its NUL bytes).
truncate -s 67108864 "$tmp/limit.yaml"
run "$TABLED" check "$tmp/limit.yaml"
if [ "$rc" -eq 1 ] && ! grep -q "larger than 64 MiB" "$tmp/err" && positioned "$tmp/limit.yaml"; then
    ok "file of exactly 64 MiB: read, refused for its content ($ms ms)"
else
    not_ok "file of exactly 64 MiB: read, refused for its content" "$(describe_rc)"
fi
# A pipe is not a regular file: refused at once, whatever comes through it (only
# regular files are read, so a FIFO can never hang a build).
t0=$(now_ms)
head -c 67108865 /dev/zero | timeout 10 "$TABLED" check /dev/stdin >"$tmp/out" 2>"$tmp/err"
rc=$?
ms=$(($(now_ms) - t0))
if [ "$rc" -eq 1 ] && grep -q "^/dev/stdin: error: .*not a regular file" "$tmp/err"; then
    ok "64 MiB + 1 byte through a pipe: refused, not a regular file ($ms ms)"
else
    not_ok "64 MiB + 1 byte through a pipe: refused, not a regular file" "$(describe_rc)"
fi

# Not a file.
refuse "a directory" "$DIR" file "" "is a directory"
refuse "a missing file" "$tmp/no-such-plan.yaml" file "" "No such file"

# A bad file among good ones: the good one is still checked, the exit is 1.
run "$TABLED" check "$DIR/ok.yaml" "$tmp/no-such-plan.yaml" "$DIR/many-errors.yaml"
if [ "$rc" -eq 1 ] && file_level "$tmp/no-such-plan.yaml" && positioned "$DIR/many-errors.yaml" &&
    ! grep -q "^$DIR/ok.yaml" "$tmp/err"; then
    ok "several files: every bad one reported, exit 1"
else
    not_ok "several files: every bad one reported, exit 1" "$(describe_rc)"
fi
run "$TABLED" check "$DIR/ok.yaml"
if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]; then ok "the valid fixture passes (exit 0, silent)"; else
    not_ok "the valid fixture passes (exit 0, silent)" "exit $rc"; fi

# ---- usage errors: exit 2 --------------------------------------------------------------
usage() { # name args...
    name=$1
    shift
    run "$TABLED" "$@"
    if [ "$rc" -eq 2 ] && [ -s "$tmp/err" ]; then
        ok "usage: $name: exit 2 with a message"
    else
        not_ok "usage: $name: exit 2 with a message" "tabled $*: exit $rc"
    fi
}
OK=$DIR/ok.yaml
usage "no command"
usage "unknown command" frobnicate "$OK"
usage "help for an unknown command" help frobnicate
usage "unknown option to check" check --frobnicate "$OK"
usage "unknown option to rollup" rollup "$OK" --as-at 2010-12-31 --frobnicate
usage "unknown option to exceptions" exceptions "$OK" --as-at 2010-12-31 -x
usage "--since is not a rollup option" rollup "$OK" --as-at 2010-12-31 --since 2010-09-30
usage "check without a plan" check
usage "rollup without a plan" rollup --as-at 2010-12-31
usage "rollup with two plans" rollup "$OK" "$OK" --as-at 2010-12-31
usage "rollup without --as-at" rollup "$OK"
usage "exceptions without --as-at" exceptions "$OK"
usage "--as-at without a value" exceptions "$OK" --as-at
usage "bad --format" rollup "$OK" --as-at 2010-12-31 --format xml
usage "--format without a value" rollup "$OK" --as-at 2010-12-31 --format
usage "impossible --as-at date" rollup "$OK" --as-at 2010-02-30
usage "--as-at that is not a date" exceptions "$OK" --as-at yesterday
usage "--as-at ongoing" exceptions "$OK" --as-at ongoing
usage "impossible --since date" exceptions "$OK" --as-at 2010-12-31 --since 2010/12
usage "--since after --as-at" exceptions "$OK" --as-at 2010-09-30 --since 2010-12-31
usage "--since equal to --as-at" exceptions "$OK" --as-at 2010-12-31 --since "2010/11 Q3"
usage "impossible check --as-at" check --as-at "2010/11 Q5" "$OK"
# A usage error wins over a missing plan: nothing is read.
usage "usage error before a missing file" rollup "$tmp/no-such-plan.yaml" --format pdf --as-at 2010-12-31

echo "1..$n"
