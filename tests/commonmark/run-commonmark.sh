#!/bin/sh
# run-commonmark.sh - the 649 examples of the CommonMark spec (npm commonmark-spec
# 0.29.0, the version cmark-gfm 0.29 implements, pinned in package-lock.json), each as
# a paper, through one `tabled build` to HTML and PDF: no crash (exit 0 or 1, nothing from the sanitizers), and the share of the
# words of the examples' expected HTML that pdftotext gets back from their PDFs, which
# must be 95% or more (spec_words.py says what is counted). TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/commonmark
rm -rf $T && mkdir -p $T
if ! tests/commonmark/install.sh 2>$T/install.log; then
    sed 's/^/# /' $T/install.log
    notok "commonmark-spec installed (tests/commonmark/install.sh)"
    echo "1..$n"
    exit 1
fi
node -e 'process.stdout.write(JSON.stringify(require("./tests/commonmark/node_modules/commonmark-spec").tests))' >$T/spec.json
python3 tests/commonmark/spec_words.py make $T/spec.json $T/spec
count=$(ls $T/spec/ex-*.md | wc -l)
check "the spec's examples are papers ($count)" "[ $count -ge 600 ]"
for bin in ./tabled build/asan/tabled-asan; do
    [ -x $bin ] || { notok "$bin is built"; continue; }
    out=$T/out-$(basename $bin)
    ASAN_OPTIONS=exitcode=99:detect_leaks=1 timeout 600 $bin build -o $out $T/spec/ex-*.md >$T/stdout 2>$T/err
    rc=$?
    errors=$(grep -c ': error: ' $T/err)
    echo "# $bin: exit $rc, $errors errors (images and links the spec points at files that are not there, and the like)"
    check "$bin: no crash on the spec examples (exit $rc)" "[ $rc -le 1 ] && ! grep -q Sanitizer $T/err"
done
python3 tests/commonmark/spec_words.py score $T/spec.json $T/out-tabled spec >$T/score.txt
rc=$?
cat $T/score.txt
share=$(sed -n 's/.*: \([0-9.]*%\)$/\1/p' $T/score.txt | tail -1)
check "pdftotext gets back $share of the words of the built examples' expected HTML (95% needed), few refused" "[ $rc -eq 0 ]"
echo "1..$n"
