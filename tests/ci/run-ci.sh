#!/bin/sh
# run-ci.sh - tabled in CI: the recipe in templates/ci works as written, and what it
# relies on holds. In a fresh copy of the tree (tests/tools/fresh-copy.sh):
#   - the run: steps of the GitHub workflow's papers job, in order, each as GitHub runs
#     it (bash --noprofile --norc -eo pipefail), then checks of what they made;
#   - the script lines of every GitLab job, in stage order, each job as one shell
#     (set -eo pipefail), then the code quality report and public/ they made;
# and, on a project with mistakes: annotations in GitHub's workflow-command form, a
# GitLab report that parses, every diagnostic line whole under make -j, and (traced
# with strace) one write(2) per line. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
# The makes here are top-level makes, as on a clerk's machine or a CI runner, not parts
# of the make that runs the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
ROOT=$(pwd)
F=build/fresh
T=build/ci-test
rm -rf $T && mkdir -p $T/steps

if ! sh tests/tools/fresh-copy.sh $F; then
    notok "a fresh copy of the tree (git ls-files failed)"
    echo "1..$n"
    exit 1
fi

# ---- the GitHub workflow, as written ------------------------------------------------
WF=$F/templates/ci/github-workflow.yml
if python3 - "$WF" "$T/steps" >$T/steps/list 2>$T/steps/err <<'EOF'
import os, sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
assert wf["defaults"]["run"]["shell"] == "bash", "steps must run in bash"
steps = wf["jobs"]["papers"]["steps"]
assert any(s.get("uses", "").startswith("actions/checkout") for s in steps)
assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") and
           s["with"]["path"] == "site" for s in steps), "site/ (out/ without out/private/) is published"
k = 0
for s in steps:
    if "run" not in s:
        continue
    k += 1
    with open(os.path.join(sys.argv[2], "%02d.sh" % k), "w") as f:
        f.write(s["run"])
    print("%02d\t%s" % (k, s.get("name", s["run"].splitlines()[0])))
EOF
then
    ok "the GitHub workflow parses: bash steps, checkout, site/ published ($(wc -l <$T/steps/list) run: steps)"
else
    notok "the GitHub workflow parses"
    sed 's/^/# /' $T/steps/err
fi

while IFS="$(printf '\t')" read -r k name; do
    (cd $F && env CI=true GITHUB_ACTIONS=true bash --noprofile --norc -eo pipefail \
        "$ROOT/$T/steps/$k.sh") >$T/steps/$k.log 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then ok "GitHub step $k: $name"; else
        notok "GitHub step $k: $name (exit $rc)"
        tail -15 $T/steps/$k.log | sed 's/^/# /'
    fi
done <$T/steps/list

papers=$(ls $F/plans/*/*.md | wc -l)
meetings=$(ls $F/plans/meetings/*.yaml | wc -l)
check "the workflow built every paper (HTML and PDF) and the index" \
    "[ \$(ls $F/out/*/*.html | grep -vc /meetings/) -eq $papers ] && [ \$(ls $F/out/*/*.pdf | grep -vc /meetings/) -eq $papers ] && [ -s $F/out/index.html ]"
check "... and every meeting's agenda pack, page map and agenda page" \
    "[ \$(ls $F/out/meetings/*.json | wc -l) -eq $meetings ] && [ \$(ls $F/out/meetings/*.html | wc -l) -eq $meetings ] && [ \$(ls $F/out/meetings/*.pdf | grep -vc supplement) -eq $meetings ]"
check_log=$(grep -l 'tabled check --diagnostics-format=github' $T/steps/*.sh | head -1)
check_log=${check_log%.sh}.log
# The example plans are clean, so the step prints nothing; its annotations are checked on
# a project with mistakes below.
check "the check step prints only workflow commands (no GCC-style lines to miss)" \
    "! grep -Eq ': (warning|error): ' $check_log && ! grep -Ev '^::(error|warning|notice) ' $check_log | grep -q ."

# ---- the GitLab pipeline, as written ----------------------------------------------------
GL=$F/templates/ci/gitlab-ci.yml
rm -rf $F/out $F/public $F/gl-code-quality-report.json
if python3 - "$GL" "$T/steps" >$T/steps/gitlab-list 2>$T/steps/err <<'EOF'
import os, sys, yaml
ci = yaml.safe_load(open(sys.argv[1]))
assert ci["image"].startswith("debian:12")
reserved = {"image", "stages", "variables", "default", "include", "workflow",
            "before_script", "after_script", "services", "cache"}
jobs = [(n, j) for n, j in ci.items() if n not in reserved]
assert any(j.get("artifacts", {}).get("reports", {}).get("codequality") for _, j in jobs)
assert any(n == "pages" for n, _ in jobs), "a pages job publishes the site"
for stage in ci["stages"]:
    for name, job in jobs:
        if job.get("stage") != stage:
            continue
        lines = ci.get("before_script", []) + job.get("before_script", []) + job["script"]
        with open(os.path.join(sys.argv[2], "gitlab-%s.sh" % name), "w") as f:
            f.write("set -eo pipefail\n" + "\n".join(lines) + "\n")
        print(name)
EOF
then
    ok "the GitLab pipeline parses: Debian 12, a code quality report, a pages job"
else
    notok "the GitLab pipeline parses"
    sed 's/^/# /' $T/steps/err
fi
while read -r job; do
    (cd $F && env CI=true GITLAB_CI=true bash --noprofile --norc "$ROOT/$T/steps/gitlab-$job.sh") \
        >$T/steps/gitlab-$job.log 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then ok "GitLab job $job"; else
        notok "GitLab job $job (exit $rc)"
        tail -15 $T/steps/gitlab-$job.log | sed 's/^/# /'
    fi
done <$T/steps/gitlab-list
check "the GitLab check job wrote a code quality report that parses (an empty list: the examples are clean)" \
    "python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert isinstance(r, list) and all(i[\"location\"][\"path\"] and i[\"fingerprint\"] for i in r)' $F/gl-code-quality-report.json"
check "the GitLab pages job published out/ as public/" \
    "[ -s $F/public/index.html ] && [ \$(ls $F/public/*/*.html | grep -vc /meetings/) -eq $papers ]"
check "... and never out/private/ (exempt editions and private packs), here or on GitHub" \
    "[ -d $F/out/private/meetings ] && [ ! -e $F/public/private ] && [ -s $F/site/index.html ] && [ ! -e $F/site/private ]"

# ---- diagnostics formats on a project with mistakes ---------------------------------------
P=$T/proj
mkdir -p $P/plans/bad $P/plans/good
cp -R $F/templates $F/fonts $F/src $F/Makefile $P/
cp $F/tabled $P/tabled
cp $F/plans/copeland-shap/plan.yaml $P/plans/good/plan.yaml
# A plan with an error, and two papers that use it; papers with many errors on a good plan.
cat >$P/plans/bad/plan.yaml <<'EOF'
plan: {title: "Plan, with commas: and colons", organisation: "100% Council"}
themes: [{ref: A, title: Alpha}]
actions:
  - {ref: A.1, theme: A, description: D, due: 2010-02-30}
EOF
front() {
    printf -- '---\nvariant: exception\nas-at: 2010-12-31\ncommittee: C\nmeeting: 2011-01-26\n'
    printf 'subject: S\nlead-officer: L\nreport-author: A\nsummary: S\nrecommendation: R\n---\n\n'
}
front >$P/plans/bad/paper-1.md
front >$P/plans/bad/paper-2.md
i=0
while [ $i -lt 12 ]; do
    i=$((i + 1))
    {
        front
        j=0
        while [ $j -lt 40 ]; do j=$((j + 1)); printf 'Figure {{ nonsense%d }} here.\n\n' $j; done
    } >$P/plans/good/paper-$i.md
done

(cd $P && ./tabled check --diagnostics-format=github plans/bad/plan.yaml) >$T/gh.out 2>$T/gh.err
rc=$?
check "github format: exit 1 on errors" "[ $rc -eq 1 ]"
check "github format: the error as a workflow command with file, line and column" \
    "grep -qx '::error file=plans/bad/plan.yaml,line=4,col=47,title=tabled::due date 2010-02-30 does not exist (February 2010 has 28 days)' $T/gh.err"
check "github format: no summary line to confuse the annotations" "! grep -q 'errors*, ' $T/gh.err"

(cd $P && ./tabled check --diagnostics-format=gitlab plans/bad/plan.yaml plans/good/paper-1.md) >$T/gl.out 2>$T/gl.err
check "gitlab format: one JSON array with every diagnostic, located" \
    "python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert len(r) == 41 and {i[\"location\"][\"path\"] for i in r} == {\"plans/bad/plan.yaml\", \"plans/good/paper-1.md\"} and len({i[\"fingerprint\"] for i in r}) == 41, r' $T/gl.err"
./tabled check --diagnostics-format=nonsense plans/norwich-hip/plan.yaml 2>$T/usage.err
check "an unknown format is a usage error (exit 2)" "[ \$? -eq 2 ] && grep -q 'gcc, github or gitlab' $T/usage.err"

# make -j: every line of the output whole; each plan reported once.
(cd $P && make -o tabled -k -j8 papers) >$T/make.out 2>$T/make.err
bad=$(grep -Ev '^(plans/(bad|good)/[a-z0-9.-]+:[0-9]+:[0-9]+: (error|warning): .*|make(\[[0-9]+\])?: .*)$' $T/make.err | head -5)
lines=$(grep -c ': error: ' $T/make.err)
check "make -j8 papers: all $lines diagnostic lines of 14 failing papers are whole" "[ -z \"\$bad\" ] && [ $lines -gt 480 ]"
[ -n "$bad" ] && printf '%s\n' "$bad" | sed 's/^/# broken line: /'
check "make papers reports the plan's error once (by the plan's roll-up rule)" \
    "[ \$(grep -c 'due date 2010-02-30 does not exist' $T/make.err) -eq 1 ]"
check "... and each paper says, once, that its plan has errors" \
    "[ \$(grep -c 'the plan plans/bad/plan.yaml has 1 error' $T/make.err) -eq 2 ]"

# One write(2) per diagnostic line, seen with strace.
if command -v strace >/dev/null 2>&1 && strace -f -qq -o /dev/null true 2>/dev/null; then
    for fmt in gcc github gitlab; do
        (cd $P && strace -f -qq -e trace=write -e signal=none -s 100000 -o "$ROOT/$T/trace-$fmt" \
            ./tabled check --diagnostics-format=$fmt plans/bad/plan.yaml plans/good/paper-1.md \
            plans/good/paper-2.md) >/dev/null 2>&1
        verdict=$(python3 - "$T/trace-$fmt" "$fmt" <<'EOF'
import re, sys
writes = [m.group(1) for m in re.finditer(r'write\(2, "((?:[^"\\]|\\.)*)", \d+\)', open(sys.argv[1]).read())]
diag = [w for w in writes if "error" in w or "[" in w]
if sys.argv[2] == "gitlab":
    print("ok" if len(writes) == 1 and writes[0].startswith("[") and writes[0].endswith("]\\n")
          else "one write expected, got %d" % len(writes))
else:
    bad = [w for w in diag if not w.endswith("\\n") or w.count("\\n") != 1]
    print("ok" if diag and not bad else "%d writes, %d not one line: %s" % (len(diag), len(bad), bad[:2]))
EOF
)
        check "strace: $fmt diagnostics go out one whole line per write(2) ($verdict)" "[ '$verdict' = ok ]"
    done
else
    n=$((n + 1))
    echo "ok $n - # SKIP strace cannot trace here (one write(2) per line is not checked)"
fi
echo "1..$n"
