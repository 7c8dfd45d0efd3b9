#!/bin/sh
# run-incremental.sh - make papers rebuilds only what changed, using the dependency
# files tabled -MD writes; a no-op run is nearly free. TAP output.
cd "$(dirname "$0")/../.." || exit 2
OUT=build/mk-out
. tests/tools/tap.sh
mk() { make --no-print-directory -j2 papers OUT=$OUT "$@" 2>&1; }
# Lines of make output that ran tabled build for a paper, or tabled pack for a meeting.
built() { grep -c 'tabled build -MD' "$1"; }
packed() { grep -c 'tabled pack -MD' "$1"; }
MEETINGS=$(ls plans/meetings/*.yaml | wc -l)

rm -rf $OUT
mk >build/mk.log
check "make papers builds every paper" "[ \$(ls $OUT/*/*.html | grep -vc '/meetings/') -eq \$(ls plans/*/*.md | wc -l) ] && [ -s $OUT/index.html ]"
# (an exempt paper's is in private/, never beside its public edition)
# (and a paper with exempt appendices has one in each)
check "a dependency file for every paper" "[ \$(ls $OUT/*/*.d $OUT/private/*/*.d 2>/dev/null | grep -vc '/meetings/') -eq \$(( \$(ls plans/*/*.md | wc -l) + \$(grep -l '{exempt=' plans/*/*.md | wc -l) )) ]"
check "make papers packs every meeting (plans/meetings/*.yaml), with its dependency file" \
    "[ \$(ls $OUT/meetings/*.pdf | grep -vc supplement) -eq $MEETINGS ] && [ \$(ls $OUT/meetings/*.d | wc -l) -eq $MEETINGS ]"
check "a pack's dependency file names its meeting, papers, plans, update files, templates and fonts" \
    "grep -q 'plans/meetings/2010-07-22-scrutiny.yaml' $OUT/meetings/2010-07-22-scrutiny.d && grep -q ' plans/norwich-hip/scrutiny-2010-07-22.md' $OUT/meetings/2010-07-22-scrutiny.d && grep -q ' plans/norwich-hip/plan.yaml' $OUT/meetings/2010-07-22-scrutiny.d && grep -q 'plans/norwich-hip/updates/2010-06-30.yaml' $OUT/meetings/2010-07-22-scrutiny.d && grep -q 'templates/house.yaml' $OUT/meetings/2010-07-22-scrutiny.d && grep -q 'fonts/LiberationSans-Bold.ttf' $OUT/meetings/2010-07-22-scrutiny.d"
check "make papers never builds a meeting file as a plan" "! grep -q 'tabled build.*meetings/' build/mk.log"
# An exempt appendix's image: named in private/'s dependency file (so a change to it
# remakes the paper), never in the public folder's.
D=build/dep-exempt
rm -rf $D && mkdir -p $D/p/assets && cp -r templates $D/ && cp plans/copeland-shap/plan.yaml $D/p/
cp tests/fuzz/assets/chart.png $D/p/assets/public.png && cp tests/fuzz/assets/palette.png $D/p/assets/secret.png
sed -e 's|^Appendix B sets out|![A public chart](assets/public.png)\n\nAppendix B sets out|' \
    -e 's|^Every household below is ILLUSTRATIVE: made up for this example.|![Households](assets/secret.png)\n\n&|' \
    plans/copeland-shap/executive-2011-02-15-progress.md >$D/p/progress.md
./tabled build -MD -o $D/out $D/p/progress.md >$D/log 2>&1
check "a paper with an exempt appendix: the public dependency file names the public image, not the exempt one" \
    "grep -q 'assets/public.png' $D/out/p/progress.d && ! grep -q 'secret' $D/out/p/progress.d"
check "... and private/'s names every output and the exempt appendix's image" \
    "grep -q 'assets/secret.png' $D/out/private/p/progress.d && grep -q '$D/out/p/progress.html' $D/out/private/p/progress.d"
check "dependency files name the plan, templates and fonts" \
    "grep -q 'plans/norwich-hip/plan.yaml' $OUT/norwich-hip/scrutiny-2010-07-22.d && grep -q 'templates/house.yaml' $OUT/norwich-hip/scrutiny-2010-07-22.d && grep -q 'fonts/LiberationSans-Bold.ttf' $OUT/norwich-hip/scrutiny-2010-07-22.d"

make -s papers OUT=$OUT >build/mk.log 2>&1
check "a second make papers runs nothing" "! grep -q tabled build/mk.log"
t0=$(date +%s%N)
make -s papers OUT=$OUT >/dev/null 2>&1
t1=$(date +%s%N)
echo "# no-op make papers: $(( (t1 - t0) / 1000000 )) ms (printed, not judged)"
check "a no-op make papers is up to date (make -q)" "make -q papers OUT=$OUT >/dev/null 2>&1"
check "... and would run no command (make -n)" "! make -n --no-print-directory papers OUT=$OUT 2>&1 | grep -q tabled"

sleep 1
touch plans/norwich-hip/scrutiny-2010-07-22.md
mk >build/mk.log
sed 's/^/# /' build/mk.log
check "touching one paper rebuilds only that paper" \
    "[ \$(built build/mk.log) -eq 1 ] && grep -q 'scrutiny-2010-07-22.md' build/mk.log"
check "... the one pack it is in" "[ \$(packed build/mk.log) -eq 1 ] && grep -q 'tabled pack.*2010-07-22-scrutiny.yaml' build/mk.log"
check "... and the index" "grep -q 'tabled index' build/mk.log"
sleep 1
touch plans/meetings/2011-01-26-audit-committee.yaml
mk >build/mk.log
check "touching a meeting file repacks that meeting only, and builds no paper" \
    "[ \$(packed build/mk.log) -eq 1 ] && grep -q 'tabled pack.*2011-01-26-audit-committee.yaml' build/mk.log && [ \$(built build/mk.log) -eq 0 ]"
sleep 1
touch plans/salford-sip/parent-board-2002-08-02.md
mk >build/mk.log
check "touching a paper in no meeting repacks nothing" "[ \$(packed build/mk.log) -eq 0 ]"

sleep 1
touch plans/norwich-hip/plan.yaml
mk >build/mk.log
check "touching a plan rebuilds its papers and roll-up only" \
    "[ \$(built build/mk.log) -eq \$(ls plans/norwich-hip/*.md | wc -l) ] && grep -q 'norwich-hip/plan.yaml' build/mk.log"
check "... and the packs of its papers' meetings only (2)" "[ \$(packed build/mk.log) -eq 2 ] && ! grep -q 'tabled pack.*2011-' build/mk.log"

# Update files (issue 9): named in the dependency files, never built as plans, and a
# new or changed one rebuilds the papers of its plan.
check "dependency files name the plan's update files and their folder" \
    "grep -q 'plans/norwich-hip/updates/2010-06-30.yaml' $OUT/norwich-hip/scrutiny-2010-07-22.d && grep -q 'plans/norwich-hip/updates ' $OUT/norwich-hip/scrutiny-2010-07-22.d"
check "make papers never builds an update file as a plan" "! grep -q 'tabled build.*updates/' build/mk.log && [ ! -e $OUT/updates ]"
sleep 1
touch plans/norwich-hip/updates/2010-06-30.yaml
mk >build/mk.log
check "touching an update file rebuilds its plan's papers and roll-up only" \
    "[ \$(built build/mk.log) -eq \$(ls plans/norwich-hip/*.md | wc -l) ] && grep -q 'norwich-hip/plan.yaml' build/mk.log && ! grep -q 'tabled build.*copeland' build/mk.log"
check "... and the packs of its plan's meetings only" "[ \$(packed build/mk.log) -eq 2 ]"
NEWUPD=plans/norwich-hip/updates/zz-make-test-$$.yaml
trap 'rm -f $NEWUPD' EXIT INT TERM
sleep 1
printf 'date: 2010-07-01\nactions:\n  - {ref: A.1, progress: Added by tests/make.}\n' >$NEWUPD
mk >build/mk.log
check "a new update file rebuilds its plan's papers" \
    "[ \$(built build/mk.log) -eq \$(ls plans/norwich-hip/*.md | wc -l) ] && ! grep -q 'tabled build.*copeland' build/mk.log"
sleep 1
rm -f $NEWUPD
mk >build/mk.log
check "... and so does removing one" "[ \$(built build/mk.log) -eq \$(ls plans/norwich-hip/*.md | wc -l) ]"

sleep 1
touch templates/house.yaml
mk >build/mk.log
check "touching a template rebuilds every paper" "[ \$(built build/mk.log) -eq \$(ls plans/*/*.md | wc -l) ]"
check "... and every pack" "[ \$(packed build/mk.log) -eq $MEETINGS ]"
sleep 1
touch templates/variants/scrutiny.yaml
mk >build/mk.log
check "touching a front-sheet variant rebuilds every paper" "[ \$(built build/mk.log) -eq \$(ls plans/*/*.md | wc -l) ]"
sleep 1
touch fonts/LiberationSans-Regular.ttf
mk >build/mk.log
check "touching a font rebuilds every paper" "[ \$(built build/mk.log) -eq \$(ls plans/*/*.md | wc -l) ]"
check "... and every pack" "[ \$(packed build/mk.log) -eq $MEETINGS ]"
echo "1..$n"
