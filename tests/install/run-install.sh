#!/bin/sh
# run-install.sh - tabled installed, as a clerk's machine would have it. From a fresh
# copy of the tree (tests/tools/fresh-copy.sh, shared with tests/ci):
#   - make install DESTDIR=...: the program, templates, schemas, CI recipes, fonts and
#     man pages where they belong; installing needs no root;
#   - the installed tabled, run from another folder with no options, checks and builds
#     the example plans (templates from their project root), and builds a paper that is
#     in no project at all (templates and fonts from the installed data);
#   - make install PREFIX=... (no DESTDIR): the data folder compiled in is found even
#     when the program is copied away from it;
#   - the installed man pages render without warnings; make uninstall removes it all;
#   - building runs apt-get only for packages that are missing, and never as non-root.
# TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
# The makes here are top-level makes, as on a clerk's machine or a CI runner, not parts
# of the make that runs the tests.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
ROOT=$(pwd)
F=build/fresh
T=$ROOT/build/install-test
rm -rf "$T" && mkdir -p "$T/elsewhere"

if ! sh tests/tools/fresh-copy.sh $F; then
    notok "a fresh copy of the tree (git ls-files failed)"
    echo "1..$n"
    exit 1
fi

# ---- make install DESTDIR=... ------------------------------------------------------------
D=$T/dest
if make -s -C $F -j2 install DESTDIR="$D" >$T/install.log 2>&1; then
    ok "make install DESTDIR=... in a fresh copy"
else
    notok "make install DESTDIR=... in a fresh copy"
    tail -20 $T/install.log | sed 's/^/# /'
fi
BIN=$D/usr/local/bin/tabled
S=$D/usr/local/share
check "the program in PREFIX/bin" "[ -x $BIN ]"
check "templates (house style, variants, stylesheet) in PREFIX/share/tabled/templates" \
    "[ -f $S/tabled/templates/house.yaml ] && [ -f $S/tabled/templates/variants/exception.yaml ] && [ -f $S/tabled/templates/html/paper.css ]"
check "JSON Schemas and CI recipes with them" \
    "[ -f $S/tabled/templates/schemas/plan.schema.json ] && [ -f $S/tabled/templates/schemas/paper.schema.json ] && [ -f $S/tabled/templates/schemas/house.schema.json ] && [ -f $S/tabled/templates/ci/github-workflow.yml ] && [ -f $S/tabled/templates/ci/gitlab-ci.yml ]"
check "fonts and their licence in PREFIX/share/tabled/fonts" \
    "[ -f $S/tabled/fonts/LiberationSans-Regular.ttf ] && [ -f $S/tabled/fonts/LICENSE ]"
check "man pages tabled(1), tabled-plan(5), tabled-paper(5)" \
    "[ -f $S/man/man1/tabled.1 ] && [ -f $S/man/man5/tabled-plan.5 ] && [ -f $S/man/man5/tabled-paper.5 ]"
check "installed files are not executable, the program is" \
    "[ -z \"\$(find $S -type f -perm /111)\" ]"

# ---- the installed tabled from another folder, no options ------------------------------------
cd "$T/elsewhere" || exit 2
"$BIN" check "$ROOT/$F"/plans/*/plan.yaml "$ROOT/$F"/plans/*/*.md >check.out 2>check.err
rc=$?
check "installed: check every example plan and paper from another folder (exit $rc)" "[ $rc -eq 0 ]"
"$BIN" build -o out "$ROOT/$F"/plans/*/plan.yaml "$ROOT/$F"/plans/*/*.md >build.out 2>build.err
rc=$?
papers=$(ls "$ROOT/$F"/plans/*/*.md | wc -l)
check "installed: build every example paper from another folder (exit $rc)" \
    "[ $rc -eq 0 ] && [ \$(ls out/*/*.pdf | wc -l) -eq $papers ] && [ \$(ls out/*/*.html | wc -l) -eq $papers ] && [ -s out/index.html ]"
[ $rc -eq 0 ] || sed 's/^/# /' build.err | head -10
"$BIN" rollup "$ROOT/$F/plans/norwich-hip/plan.yaml" --as-at 2010-06-30 --format csv >rollup.csv 2>&1
check "installed: rollup from another folder" "grep -q 'Whole plan' rollup.csv"
cd "$ROOT" || exit 2

# A paper in no project: nothing at or above it holds templates/.
L=$(mktemp -d "${TMPDIR:-/tmp}/tabled-loose.XXXXXX")
trap 'rm -rf "$L"' EXIT INT TERM
above=$L
inside=""
while :; do
    [ -d "$above/templates" ] && inside=$above
    [ "$above" = / ] && break
    above=$(dirname "$above")
done
cp $F/plans/copeland-shap/plan.yaml $F/plans/copeland-shap/exception-2010-q3.md "$L/"
if [ -n "$inside" ]; then
    notok "a folder outside any project ($inside holds templates/; set TMPDIR elsewhere)"
else
    (cd "$L" && "$BIN" build -MD exception-2010-q3.md) >$T/loose.out 2>$T/loose.err
    rc=$?
    slug=$(basename "$L")
    check "installed: a paper in no project builds with the installed templates and fonts (exit $rc)" \
        "[ $rc -eq 0 ] && [ -s '$L/out/$slug/exception-2010-q3.pdf' ] && [ -s '$L/out/$slug/exception-2010-q3.html' ]"
    sed 's/^/# /' $T/loose.err | head -5
    check "... and its dependency file names the installed house style and fonts" \
        "grep -q '$S/tabled/templates/house.yaml' '$L/out/$slug/exception-2010-q3.d' && grep -q '$S/tabled/fonts/LiberationSans-Regular.ttf' '$L/out/$slug/exception-2010-q3.d'"
    (cd "$L" && "$BIN" check exception-2010-q3.md plan.yaml) >$T/loose.out 2>&1
    check "installed: check of a paper in no project" "[ \$? -eq 0 ]"

    # The program alone, away from its data: a clear error, or the options.
    mkdir -p $T/bare/bin && cp "$BIN" $T/bare/bin/tabled
    if [ -d /usr/local/share/tabled/templates ]; then
        n=$((n + 1))
        echo "ok $n - # SKIP /usr/local/share/tabled is installed on this machine, so a lone binary finds it"
    else
        (cd "$L" && $T/bare/bin/tabled build -o out2 exception-2010-q3.md) >$T/bare.out 2>$T/bare.err
        rc=$?
        check "a lone binary with no data says what to do (exit $rc)" \
            "[ $rc -eq 1 ] && grep -q 'no templates: there is no templates/ folder beside this file or above it, and none installed in /usr/local/share/tabled; give --templates DIR' $T/bare.err"
    fi
    (cd "$L" && $T/bare/bin/tabled build -o out3 --templates "$S/tabled/templates" \
        --fonts "$S/tabled/fonts" exception-2010-q3.md) >$T/bare.out 2>&1
    check "... and with --templates and --fonts it builds" "[ \$? -eq 0 ] && [ -s '$L/out3/$(basename "$L")/exception-2010-q3.pdf' ]"
    (cd "$L" && $T/bare/bin/tabled check --templates "$S/tabled/templates" --fonts "$S/tabled/fonts" \
        exception-2010-q3.md) >$T/bare.out 2>&1
    check "check takes --templates and --fonts too" "[ \$? -eq 0 ]"
    if [ ! -d /usr/local/share/tabled/fonts ]; then
        (cd "$L" && $T/bare/bin/tabled check --templates "$S/tabled/templates" exception-2010-q3.md) \
            >$T/bare.out 2>&1
        check "... and without fonts it says which font is missing, as build would" \
            "[ \$? -eq 1 ] && grep -q 'the font LiberationSans-Regular.ttf (named by the house style) is not in any fonts/ folder; give --fonts DIR' $T/bare.out"
    fi
fi

# ---- installing needs no root ------------------------------------------------------------------
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    mkdir -p $T/nobody && chown nobody $T/nobody
    if setpriv --reuid=nobody --regid=nogroup --clear-groups sh -c \
        "make -s -C '$ROOT/$F' install DESTDIR=$T/nobody/dest" >$T/nobody.log 2>&1; then
        ok "make install DESTDIR=... as a user who is not root"
    else
        notok "make install DESTDIR=... as a user who is not root"
        tail -5 $T/nobody.log | sed 's/^/# /'
    fi
    setpriv --reuid=nobody --regid=nogroup --clear-groups sh tests/tools/install-debs.sh \
        libyaml-dev libhpdf-dev >$T/debs.log 2>&1
    check "the package step, as non-root with the packages there, does nothing and succeeds" \
        "[ \$? -eq 0 ] && [ ! -s $T/debs.log ]"
    if ! command -v sudo >/dev/null 2>&1; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups sh tests/tools/install-debs.sh \
            libyaml-dev tabled-no-such-package >$T/debs.log 2>&1
        check "... and with one missing, names it and stops (no apt-get as non-root)" \
            "[ \$? -eq 1 ] && grep -q 'missing and you are not root: tabled-no-such-package' $T/debs.log"
    fi
else
    n=$((n + 1))
    echo "ok $n - # SKIP not root, or no setpriv: the non-root install is not checked"
fi

# ---- make install PREFIX=... (no DESTDIR): the compiled-in data folder -----------------------
P=$T/prefix
if make -s -C $F -j2 install PREFIX="$P" >$T/prefix.log 2>&1; then
    mkdir -p $T/away && cp "$P/bin/tabled" $T/away/tabled
    (cd "$L" && $T/away/tabled build -o out4 exception-2010-q3.md) >$T/away.out 2>$T/away.err
    rc=$?
    check "PREFIX install: the program copied away still finds its data in PREFIX/share/tabled (exit $rc)" \
        "[ $rc -eq 0 ] && [ -s '$L/out4/$(basename "$L")/exception-2010-q3.pdf' ]"
    sed 's/^/# /' $T/away.err | head -5
else
    notok "make install PREFIX=..."
    tail -10 $T/prefix.log | sed 's/^/# /'
fi
make -s -C $F -j2 tabled >/dev/null 2>&1 # back to the default PREFIX for the next suite

# ---- man pages -----------------------------------------------------------------------------------
for page in $S/man/man1/tabled.1 $S/man/man5/tabled-plan.5 $S/man/man5/tabled-paper.5; do
    name=$(basename $page)
    groff -ww -man -z "$page" >$T/groff.err 2>&1
    check "$name: groff -ww -man finds nothing to warn about" "[ \$? -eq 0 ] && [ ! -s $T/groff.err ]"
    MANWIDTH=80 man --warnings -l "$page" >$T/man.out 2>$T/man.err
    check "$name: man -l renders it without warnings" "[ \$? -eq 0 ] && [ ! -s $T/man.err ] && grep -q '^NAME' $T/man.out"
done
check "man finds the installed pages by name" \
    "MANPATH=$S/man man -w tabled-plan | grep -q '$S/man/man5/tabled-plan.5'"
# tabled(1) names every command and every option that --help gives.
MANWIDTH=200 man -l $S/man/man1/tabled.1 2>/dev/null >$T/tabled.txt
missing=""
for cmd in $(./tabled --help | sed -n 's/^  \([a-z]*\) .*/\1/p'); do
    grep -q "tabled $cmd" $T/tabled.txt || missing="$missing $cmd"
    for opt in $(./tabled $cmd --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        grep -q -- "$opt" $T/tabled.txt || missing="$missing $cmd:$opt"
    done
done
check "tabled(1) names every command and option of --help${missing:+ (missing:$missing)}" "[ -z '$missing' ]"

# ---- make uninstall -----------------------------------------------------------------------------
make -s -C $F uninstall DESTDIR="$D" >$T/uninstall.log 2>&1
check "make uninstall DESTDIR=... removes every file it installed" \
    "[ -z \"\$(find $D -type f)\" ]"
echo "1..$n"
