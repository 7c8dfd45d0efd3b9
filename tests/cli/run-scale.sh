#!/bin/sh
# run-scale.sh - tabled at scale: builds tests/gen/genplan.c into build/, checks that the
# plans it writes are valid, deterministic and mixed, then runs `tabled check`, `rollup`
# and `exceptions` on 100000 actions (their wall times are printed, never judged: a
# shared CI machine makes them noise). What is judged is the instruction count under
# callgrind, which is the same on every run: `check` must stay linear (2000 -> 8000
# actions costs at most 4.6 times as much) and under the ceiling in
# tests/bench/check-ceiling.txt. The optimised ./tabled, never the ASan build. TAP.
cd "$(dirname "$0")/../.." || exit 2

TABLED=${TABLED:-./tabled}
GEN=build/genplan
OUT=build/scale
N=${SCALE_ACTIONS:-100000}

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

mkdir -p "$OUT" || exit 2

# ---- the binaries ------------------------------------------------------------------------
if ${CC:-cc} -std=c17 -Wall -Wextra -Wpedantic -Werror -O2 -o "$GEN" tests/gen/genplan.c 2>"$OUT/cc.err"; then
    ok "genplan.c compiles with -std=c17 -Wall -Wextra -Wpedantic -Werror"
else
    not_ok "genplan.c compiles" "$(head -5 "$OUT/cc.err")"
    echo "1..$n"
    exit 1
fi
if [ ! -x "$TABLED" ]; then
    not_ok "$TABLED is built"
    echo "1..$n"
    exit 1
fi
case $(basename "$TABLED") in
*asan*) not_ok "timed binary is not the ASan build" "$TABLED" ;;
*)
    if grep -q '__asan_init' "$TABLED"; then
        not_ok "timed binary is not the ASan build" "$TABLED is instrumented"
    else
        ok "timed binary $TABLED is not the ASan build"
    fi
    ;;
esac

# ---- genplan: usage, determinism, validity -----------------------------------------------
if ! "$GEN" >/dev/null 2>&1 && ! "$GEN" x >/dev/null 2>&1 && ! "$GEN" -5 >/dev/null 2>&1; then
    ok "genplan refuses a missing or bad N"
else
    not_ok "genplan refuses a missing or bad N"
fi
"$GEN" 1000 >"$OUT/a.yaml"
"$GEN" 1000 >"$OUT/b.yaml"
"$GEN" 1000 2 >"$OUT/c.yaml"
if cmp -s "$OUT/a.yaml" "$OUT/b.yaml"; then ok "genplan is deterministic"; else not_ok "genplan is deterministic"; fi
if ! cmp -s "$OUT/a.yaml" "$OUT/c.yaml"; then ok "genplan SEED changes the plan"; else
    not_ok "genplan SEED changes the plan"; fi

# csv_field FILE ROW-MATCH COLUMN: the named column of the first data row whose first
# or second field is ROW-MATCH (rollup csv: Theme, Title, counts...).
csv_field() {
    awk -F, -v row="$2" -v name="$3" '
        NR == 1 { sub(/^\357\273\277/, ""); for (i = 1; i <= NF; i++) idx[$i] = i; next }
        ($1 == row || $2 == row) && !done { print $(idx[name]); done = 1 }' "$1"
}

for k in 0 1 49 50 51 1000; do
    "$GEN" "$k" >"$OUT/g$k.yaml"
    timeout 30 "$TABLED" check "$OUT/g$k.yaml" >/dev/null 2>"$OUT/g$k.err"
    rc=$?
    errors=$(grep -c ': error: ' "$OUT/g$k.err")
    timeout 30 "$TABLED" rollup "$OUT/g$k.yaml" --as-at 2010-12-31 --format csv >"$OUT/g$k.csv" 2>/dev/null
    total=$(csv_field "$OUT/g$k.csv" "Whole plan" Total)
    if [ "$rc" -eq 0 ] && [ "$errors" -eq 0 ] && [ "$total" = "$k" ]; then
        ok "genplan $k: valid plan of $k actions"
    else
        not_ok "genplan $k: valid plan of $k actions" "check exit $rc, $errors errors, rollup total '$total'" \
            "$(grep -m3 ': error: ' "$OUT/g$k.err")"
    fi
done

# Themes of 50 actions; every status present in a plan of 1000.
themes=$(awk -F, 'NR > 1 && $1 != ""' "$OUT/g1000.csv" | wc -l)
sizes=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "Total") t = i; next }
                 $1 != "" { print $t }' "$OUT/g1000.csv" | sort -u | tr '\n' ' ')
if [ "$themes" -eq 20 ] && [ "$sizes" = "50 " ]; then ok "genplan 1000: 20 themes of 50 actions"; else
    not_ok "genplan 1000: 20 themes of 50 actions" "$themes themes, sizes: $sizes"; fi
missing=""
for s in Complete "On target" Rescheduled "Late start" Overdue "Not yet due" Cancelled; do
    c=$(csv_field "$OUT/g1000.csv" "Whole plan" "$s")
    [ "${c:-0}" -gt 0 ] || missing="$missing $s"
done
if [ -z "$missing" ]; then ok "genplan 1000: every status occurs"; else
    not_ok "genplan 1000: every status occurs" "none:$missing"; fi
for key in "milestones:" "revisions:" "recommendations: \[" "related:" "indicators:" "risks:" \
    "due: ongoing" " Q[1-4]$" "due: 20[0-9][0-9]/[0-9][0-9]$" "due: 20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]$"; do
    if ! grep -q -- "$key" "$OUT/g1000.yaml"; then missing="$missing '$key'"; fi
done
if [ -z "$missing" ]; then ok "genplan 1000: milestones, revisions, links, every date form"; else
    not_ok "genplan 1000: milestones, revisions, links, every date form" "missing:$missing"; fi

# ---- 100000 actions ---------------------------------------------------------------------
PLAN=$OUT/plan-$N.yaml
t0=$(now_ms)
"$GEN" "$N" >"$PLAN"
gen_ms=$(($(now_ms) - t0))
bytes=$(wc -c <"$PLAN")
if [ "$bytes" -lt 67108864 ]; then
    ok "genplan $N: $bytes bytes in $gen_ms ms (under the 64 MiB limit)"
else
    not_ok "genplan $N: under the 64 MiB limit" "$bytes bytes"
fi

# One run: its wall time is printed, not judged.
runs=""
rc_all=0
for i in 1; do
    t0=$(date +%s%N)
    timeout 60 "$TABLED" check "$PLAN" >/dev/null 2>"$OUT/check.err"
    rc=$?
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    [ "$rc" -eq 0 ] || rc_all=$rc
    runs="$runs $ms"
done
errors=$(grep -c ': error: ' "$OUT/check.err")
warnings=$(grep -c ': warning: ' "$OUT/check.err")
if [ "$rc_all" -eq 0 ] && [ "$errors" -eq 0 ]; then
    ok "check $N actions: exit 0, no errors ($warnings optimistic-report warnings)"
else
    not_ok "check $N actions: exit 0, no errors" "exit $rc_all, $errors errors" "$(grep -m3 ': error: ' "$OUT/check.err")"
fi
echo "# tabled check, $N actions, $bytes bytes: wall times$runs ms (not judged)"

t0=$(now_ms)
timeout 60 "$TABLED" rollup "$PLAN" --as-at 2010-12-31 --format csv >"$OUT/rollup.csv" 2>/dev/null
rc=$?
ms=$(($(now_ms) - t0))
total=$(csv_field "$OUT/rollup.csv" "Whole plan" Total)
if [ "$rc" -eq 0 ] && [ "$total" = "$N" ]; then
    ok "rollup $N actions: total $total ($ms ms, not judged)"
else
    not_ok "rollup $N actions" "exit $rc, total '$total'"
fi
t0=$(now_ms)
timeout 60 "$TABLED" exceptions "$PLAN" --as-at 2010-12-31 --format csv >"$OUT/exceptions.csv" 2>/dev/null
rc=$?
ms=$(($(now_ms) - t0))
if [ "$rc" -eq 0 ] && [ -s "$OUT/exceptions.csv" ]; then
    ok "exceptions $N actions ($ms ms, not judged)"
else
    not_ok "exceptions $N actions" "exit $rc"
fi

# ---- cost: instructions, linear growth --------------------------------------------------
# instr N: instructions `tabled check` executes on a generated plan of N actions.
instr() {
    "$GEN" "$1" >"$OUT/cost-$1.yaml"
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$OUT/cost-$1.log" \
        "$TABLED" check "$OUT/cost-$1.yaml" >/dev/null 2>&1
    sed -n 's/^==[0-9]*== Collected : *\([0-9][0-9]*\).*/\1/p' "$OUT/cost-$1.log" | tail -n 1
}
if command -v valgrind >/dev/null 2>&1; then
    small=$(instr 2000)
    large=$(instr 8000)
    ceiling=$(cat tests/bench/check-ceiling.txt 2>/dev/null)
    if [ -n "$small" ] && [ -n "$large" ] && [ "$small" -gt 0 ]; then
        ratio=$(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.2f", a / b }')
        echo "# check: 2000 actions $small instructions, 8000 actions $large (x$ratio)"
        if awk -v r="$ratio" 'BEGIN { exit !(r <= 4.6) }'; then
            ok "check grows linearly: 4x the actions cost x$ratio the instructions (at most 4.6)"
        else
            not_ok "check grows linearly" "4x the actions cost x$ratio the instructions (over 4.6)"
        fi
        if [ -n "$ceiling" ] && [ "$large" -le "$ceiling" ]; then
            ok "check of 8000 actions: $large instructions (ceiling $ceiling)"
        else
            not_ok "check of 8000 actions under the ceiling" "$large instructions, ceiling '$ceiling' (tests/bench/check-ceiling.txt)"
        fi
    else
        not_ok "callgrind counts check's instructions" "$(tail -3 "$OUT/cost-2000.log")"
    fi
else
    not_ok "valgrind is installed (make test-deps) to count check's instructions"
fi

echo "1..$n"
