#!/bin/sh
# run-desk.sh - tabled at a clerk's desk, end to end: YAML mistakes in a clerk's
# words, a missing plan at the paper's plan: line, each plan diagnostic once, errors
# that name what exists (themes, blocks, placeholders, variants), Word's pasted bullets
# as a list, and terminal tables that fit 80 columns (and any --columns). TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/desk
rm -rf $T && mkdir -p $T/p/plans/x
P=$T/p/plans/x
mkdir -p $T/p/templates # a project root of its own, with the installed-or-repo templates
cp -R templates/* $T/p/templates/

run() { ./tabled "$@" >$T/out 2>$T/err; rc=$?; }
has() { grep -qF -- "$1" $T/err; }
front='variant: exception
as-at: 2010/11 Q3
committee: Audit Committee
meeting: 2011-01-26
subject: S
lead-officer: L
report-author: A
summary: S
recommendation: R'
cp plans/copeland-shap/plan.yaml $P/plan.yaml

# ---- YAML syntax in a clerk's words --------------------------------------------------------
printf 'plan:\n  title: Housing: the plan\n  organisation: Copeland\n' >$P/colon.yaml
run check $P/colon.yaml
check "': ' in text: positioned, says to quote it and how" \
    "[ $rc -eq 1 ] && has '$P/colon.yaml:2:10: error: text containing '\\'': '\\'' must be in quotes: write title: \"Housing: the plan\"'"
printf 'plan:\n\ttitle: X\n' >$P/tab.yaml
run check $P/tab.yaml
check "a tab: 'indent with spaces, not tabs' at the tab" "has '$P/tab.yaml:2:1: error: indent with spaces, not tabs'"
printf 'plan:\n  title: X\n  organisation Y\n  short-title: Z\n' >$P/nocolon.yaml
run check $P/nocolon.yaml
check "a key without ':': the line it is on, and the fix" "has '$P/nocolon.yaml:3:3: error: a line of a mapping is '\\''key: value'\\'': write organisation: Y'"
check "no libyaml wording reaches the clerk" "! grep -Eq 'YAML syntax|mapping values|simple key|violates indentation' $T/err"

# ---- words, dates, suggestions ---------------------------------------------------------------
sed -e 's/^    status: in-progress$/    status: In Progress/' -e 's/^    rag: amber$/    rag: Amber/' \
    plans/copeland-shap/plan.yaml >$P/case.yaml
printf 'themes: [{ref: Z, title: Zed}]\nactions:\n  - {ref: Z.1, theme: Z, description: D, status: NOT STARTED, rag: GREEN, due: ONGOING}\n' |
    sed 's/^/  /' >/dev/null
cat >$P/words.yaml <<'EOF'
plan: {title: T, organisation: O, updated: 2010-06-30}
themes: [{ref: Z, title: Zed}]
actions:
  - {ref: Z.1, theme: Z, description: D, status: In Progress, rag: Amber, due: Ongoing}
  - {ref: Z.2, theme: Z, description: D, status: NOT STARTED, rag: GREEN, due: ONGOING}
EOF
run check $P/words.yaml
check "status and RAG words in any case, 'In Progress' with a space" "[ $rc -eq 0 ] && [ ! -s $T/err ]"
cat >$P/mistakes.yaml <<'EOF'
plan: {title: T, organisation: O}
themes: [{ref: A, title: Alpha}, {ref: B, title: Beta}]
actions:
  - {ref: A.1, theme: C, description: D, due: 2014-15, rga: red}
EOF
run check $P/mistakes.yaml
check "2014-15 suggests 2014/15" "has '$P/mistakes.yaml:4:47: error: due date 2014-15 is not a date: for the financial year write 2014/15'"
check "a missing theme lists the themes there are" "has \"theme 'C', which is not defined (themes: A, B)\""
check "a three-letter key gets a 'did you mean'" "has \"unknown key 'rga' in action A.1; did you mean 'rag'?\""
printf -- '---\n%s\n---\n\nText.\n' "$(printf '%s' "$front" | sed 's/^meeting: .*/meeting: 2011-01/')" >$P/meeting.md
run check $P/meeting.md
check "a meeting date says it must be a day, and never suggests ongoing" \
    "has 'meeting date 2011-01 is a month; write a day (2010-12-31)' && ! grep -q ongoing $T/err"

# ---- the paper's plan -------------------------------------------------------------------------
printf -- '---\nplan: plann.yaml\n%s\n---\n\nText.\n' "$front" >$P/noplan.md
run check $P/noplan.md
check "a missing plan is an error at the paper's plan: line" \
    "[ $rc -eq 1 ] && has '$P/noplan.md:2:7: error: the plan $P/plann.yaml does not exist: check the file name after '\\''plan:'\\'''"
mkdir -p $T/p/plans/y
printf -- '---\n%s\n---\n\nText.\n' "$front" >$T/p/plans/y/paper.md
run check $T/p/plans/y/paper.md
check "no plan.yaml beside a paper without plan: is an error at its front block" \
    "has '$T/p/plans/y/paper.md:2:1: error: the plan $T/p/plans/y/plan.yaml does not exist: put plan.yaml beside the paper, or name the plan with '\\''plan:'\\'''"

# ---- each plan diagnostic once ----------------------------------------------------------------
mkdir -p $T/p/plans/z
cat >$T/p/plans/z/plan.yaml <<'EOF'
plan: {title: T, organisation: O}
themes: [{ref: A, title: Alpha}]
actions:
  - {ref: A.1, theme: A, description: D, due: 2010-02-30}
EOF
printf -- '---\n%s\n---\n\nText.\n' "$front" >$T/p/plans/z/one.md
cp $T/p/plans/z/one.md $T/p/plans/z/two.md
run check $T/p/plans/z/plan.yaml $T/p/plans/z/one.md $T/p/plans/z/two.md
check "check of a plan and two papers using it prints the plan's error once" \
    "[ \$(grep -c '2010-02-30 does not exist' $T/err) -eq 1 ] && grep -qx '1 error, 0 warnings' $T/err"
run build -o $T/site --no-plan-diagnostics $T/p/plans/z/one.md $T/p/plans/z/two.md
check "build --no-plan-diagnostics: one line at each paper's plan: line instead" \
    "[ $rc -eq 1 ] && ! grep -q 'does not exist' $T/err && has 'one.md:2:1: error: the plan $T/p/plans/z/plan.yaml has 1 error (see '\\''tabled check $T/p/plans/z/plan.yaml'\\'')' && has 'two.md:2:1: error: the plan $T/p/plans/z/plan.yaml has 1 error'"

# ---- errors name what exists ------------------------------------------------------------------
printf -- '---\n%s\n---\n\nSome {{ overdu }} and {{ overdue theme=Q }}.\n\n```rolup\n```\n' "$front" >$P/names.md
run check $P/names.md
check "an unknown placeholder lists the placeholders" "has 'did you mean {{ overdue }}? (placeholders: actions, complete, on-target'"
check "an unknown block lists the blocks" "has \"unknown block 'rolup'; did you mean 'rollup'? (blocks: rollup, exceptions, plan, risks, indicators\""
check "a theme= the plan lacks lists its themes" "has \"the plan has no theme 'Q' (themes: SH1.1, SH1.2,\""
printf -- '---\n%s\n---\n\nText.\n' "$(printf '%s' "$front" | sed 's/^variant: .*/variant: exeption/')" >$P/variant.md
run check $P/variant.md
check "an unknown variant lists the variants" "has \"did you mean 'exception'? (variants: cabinet, exception, executive, scrutiny)\""

# ---- Word pastes ------------------------------------------------------------------------------
printf -- '---\n%s\n---\n\n# Pasted\n\nThe board agreed:\n\342\200\242\tfirst {{ actions }}\n\342\200\242\tsecond\no\tsecond, a\n\nOptions:\n\na.\tone\nb.\ttwo\n' "$front" >$P/word.md
run build -o $T/site --format html $P/word.md
html=$T/site/x/word.html
check "Word's '•<tab>item' lines become a list (placeholders still work)" \
    "tr -d '\n' <$html | grep -q '<ul><li>first 33</li><li>second<ul><li>second, a</li></ul></li></ul>'"
check "Word's lettered lines: a positioned warning says how to write a numbered list" \
    "has '$P/word.md:22:1: warning: '\\''a.'\\'' pasted from a numbered list in Word is not numbered in Markdown: write 1., 2., 3.'"

# ---- terminal tables fit their width ------------------------------------------------------------
# Widest line of a file in characters (not bytes).
widest() { LC_ALL=C.UTF-8 wc -L <"$1"; }
worst=0
worst_what=""
for plan in plans/*/plan.yaml; do
    for at in 2002-08-02 2003-03-10 2009-05-13 2010-06-30 2010-12-31; do
        for cmd in exceptions rollup; do
            COLUMNS=80 ./tabled $cmd $plan --as-at $at >$T/t80 2>/dev/null
            w=$(widest $T/t80)
            if [ "$w" -gt "$worst" ]; then worst=$w; worst_what="$cmd $plan --as-at $at"; fi
        done
    done
    for span in "2002-04-01 2003-03-10" "2009-05-13 2010-06-30" "2010-03-31 2010-06-30" "2010-09-30 2010-12-31"; do
        set -- $span
        COLUMNS=80 ./tabled changes $plan --since $1 --as-at $2 >$T/t80 2>/dev/null
        w=$(widest $T/t80)
        if [ "$w" -gt "$worst" ]; then worst=$w; worst_what="changes $plan --since $1 --as-at $2"; fi
    done
done
check "COLUMNS=80: every exceptions, rollup and changes table of every example plan fits (widest $worst: $worst_what)" \
    "[ $worst -le 80 ]"
fits=1
for width in 40 60 100 132; do
    for plan in plans/*/plan.yaml; do
        for cmd in exceptions rollup changes; do
            ./tabled $cmd $plan --since 2010-03-31 --as-at 2010-12-31 --columns $width >$T/tw 2>/dev/null ||
                ./tabled $cmd $plan --as-at 2010-12-31 --columns $width >$T/tw 2>/dev/null
            [ "$(widest $T/tw)" -le $width ] || { fits=0; echo "# $cmd $plan --columns $width: $(widest $T/tw)"; }
        done
    done
done
check "--columns 40, 60, 100, 132: every table fits" "[ $fits -eq 1 ]"
COLUMNS=80 ./tabled exceptions plans/copeland-shap/plan.yaml --as-at 2010-12-31 >$T/a
./tabled exceptions plans/copeland-shap/plan.yaml --as-at 2010-12-31 --columns 80 >$T/b
check "--columns 80 gives what COLUMNS=80 gives" "cmp -s $T/a $T/b"
check "the exception report's columns are all there at 80 (none empty)" \
    "grep -q '^Ref  *Action  *Milestone  *Who  *When  *Days' $T/a"
./tabled rollup plans/norwich-hip/plan.yaml --as-at 2010-06-30 --columns 80 >$T/r
check "roll-up at 80: all-zero count columns left out, and named under the table" \
    "! grep -q 'Cancelled  ' $T/r && grep -q '^Left out to fit: no action is On target, Rescheduled, Late start, Not yet due or\$' $T/r && grep -q '^Cancelled.\$' $T/r"
./tabled rollup plans/norwich-hip/plan.yaml --as-at 2010-06-30 --columns 200 >$T/r
check "roll-up at 200: every column, headers whole" \
    "grep -q 'Complete  On target  Rescheduled  Late start  Overdue  Not yet due  Cancelled  Total  % complete  RAG' $T/r"
run rollup plans/norwich-hip/plan.yaml --as-at 2010-06-30 --columns 39
check "--columns below 40 is a usage error" "[ $rc -eq 2 ] && has 'from 40 to 1000'"
echo "1..$n"
