#!/bin/sh
# run-tagged.sh - every PDF tabled writes is tagged PDF/UA-1 (domain.md section 11),
# checked, not assumed: the example papers, a made-up paper with one of each kind of
# content (tests/pdf/tagged.md: lists, quotation, code, links out and in, a table, an
# image, a chart, the action plan), both editions of an exempt copy of it, a copy with
# a table row taller than a page (cut, its parts rows of their own), and
# generated papers (tests/bench/genbench, 60 and 600 actions), and the public and
# private agenda packs of tests/pack/fixtures/cabinet. For each PDF:
#   - pdfinfo says Tagged: yes; qpdf --check is clean;
#   - ua_check.py (pikepdf) finds every PDF/UA-1 condition it checks met;
#   - reading_order.py: the words in structure order (pikepdf, pdf.js, poppler) are
#     pdftotext's words in reading order, the artifacts (running heads, footers,
#     repeated header rows, NOT FOR PUBLICATION) left out.
# Rebuilt, the made-up, exempt and generated PDFs are the same bytes.
# Negative controls: copies of the made-up paper's PDF (or a generated one) broken one
# way each (ua_break.py) must each fail, with the condition broken named. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
export SOURCE_DATE_EPOCH=1700000000
T=build/tagged
PY=/usr/bin/python3
rm -rf $T && mkdir -p $T/p $T/x $T/gen

if ! sh tests/pdf/install.sh >$T/install.log 2>&1; then
    sed 's/^/# /' $T/install.log
    notok "pdf.js installed for the checks (tests/pdf/install.sh)"
    echo "1..$n"
    exit 1
fi
if ! $PY -c 'import pikepdf' 2>/dev/null; then
    notok "python3-pikepdf is installed (make test-deps)"
    echo "1..$n"
    exit 1
fi

# ---- the PDFs ---------------------------------------------------------------------
check "the example papers build" "./tabled build --format pdf -o $T/ex plans/*/*.md 2>$T/ex.log"
cp tests/figures/plan.yaml tests/pdf/tagged.md $T/p/
python3 tests/bad/make_png.py $T/p/swatch.png 60 24
check "the made-up paper with every kind of content builds" \
    "./tabled build --format pdf -o $T/out $T/p/tagged.md 2>$T/p.log"
cp tests/figures/plan.yaml $T/x/
cp $T/p/swatch.png $T/x/
sed -e "0,/^subject:/s//exempt: 3\nsubject:/" tests/pdf/tagged.md >$T/x/tagged.md
check "an exempt copy of it builds, both editions" \
    "./tabled build --format pdf -o $T/xout $T/x/tagged.md 2>$T/x.log && [ -s $T/xout/x/tagged.pdf ] && [ -s $T/xout/private/x/tagged.pdf ]"
# rows taller than a page, two of whose cells go on over three pages: each part of
# the row a row of its own in the tree, so that it reads as the pages do
mkdir -p $T/t
cp tests/figures/plan.yaml $T/t/
$PY - "$T/t/tall.md" <<'EOF'
import sys
head = open("tests/pdf/tagged.md").read().split("# Introduction")[0]
what = " ".join(f"done{i}" for i in range(700))
nxt = " ".join(f"next{i}" for i in range(700))
open(sys.argv[1], "w").write(head + f"""# A tall row

| Ref | What was done | What comes next |
|---|---|---|
| T.1 | {what} | {nxt} |
| T.2 | After the tall row. | Nothing. |
""")
EOF
check "a paper with a row taller than a page builds, over several pages" \
    "./tabled build --format pdf -o $T/tout $T/t/tall.md 2>$T/t.log && [ \$(pdfinfo $T/tout/t/tall.pdf | awk '/^Pages:/{print \$2}') -ge 3 ]"
gen=$T/gen/genbench
${CC:-cc} -std=c17 -O2 -o $gen tests/bench/genbench.c 2>$T/gen.log
for size in 60 600; do
    mkdir -p $T/gen/n$size
    check "a generated paper of $size actions builds" \
        "$gen $size $T/gen/n$size 2>>$T/gen.log && ./tabled build --format pdf -o $T/gen/out $T/gen/n$size/paper.md 2>>$T/gen.log"
done
# a meeting's agenda packs, public and private (several documents as Parts; the
# agenda laid out last but put in front; reports laid out once and drawn into both)
check "the Cabinet fixture's agenda packs build, public and private" \
    "./tabled pack -o $T/pack tests/pack/fixtures/cabinet/2011-03-09-cabinet.yaml 2>$T/pack.log &&
     [ -s $T/pack/cabinet/2011-03-09-cabinet.pdf ] && [ -s $T/pack/private/cabinet/2011-03-09-cabinet.pdf ]"
pdfs=$(ls $T/ex/*/*.pdf $T/out/p/tagged.pdf $T/xout/x/tagged.pdf $T/xout/private/x/tagged.pdf \
          $T/tout/t/tall.pdf \
          $T/gen/out/*/paper.pdf \
          $T/pack/cabinet/2011-03-09-cabinet.pdf $T/pack/private/cabinet/2011-03-09-cabinet.pdf 2>/dev/null)
count=$(echo "$pdfs" | grep -c .)
nex=$(ls plans/*/*.md | grep -c .)
check "$count PDFs to check ($nex examples, 4 made-up, 2 generated, 2 packs)" "[ $count -eq $((nex + 8)) ]"

# ---- each PDF: tagged, well formed, the PDF/UA-1 conditions, the reading order -------
for f in $pdfs; do
    check "pdfinfo: Tagged: yes - $f" "pdfinfo $f 2>/dev/null | grep -q '^Tagged: *yes'"
    check "qpdf --check clean (object streams, cross-reference stream) - $f" \
        "qpdf --check $f >$T/qpdf.log 2>&1 && grep -q 'No syntax or stream encoding errors' $T/qpdf.log && ! grep -qi 'warning' $T/qpdf.log"
done
# built again: the same bytes (the structure tree and object streams depend on nothing
# but the inputs, not on the compressing thread's timing)
check "the made-up paper, both exempt editions and the 600-action paper rebuild byte for byte" \
    "./tabled build --format pdf -o $T/again $T/p/tagged.md 2>/dev/null &&
     ./tabled build --format pdf -o $T/xagain $T/x/tagged.md 2>/dev/null &&
     ./tabled build --format pdf -o $T/gen/again $T/gen/n600/paper.md 2>/dev/null &&
     cmp $T/out/p/tagged.pdf $T/again/p/tagged.pdf &&
     cmp $T/xout/x/tagged.pdf $T/xagain/x/tagged.pdf &&
     cmp $T/xout/private/x/tagged.pdf $T/xagain/private/x/tagged.pdf &&
     cmp $T/gen/out/n600/paper.pdf $T/gen/again/n600/paper.pdf"
# shellcheck disable=SC2086
$PY tests/pdf/ua_check.py $pdfs >$T/ua.log 2>&1
for f in $pdfs; do
    line=$(grep -F "$f: " $T/ua.log | head -n 1)
    echo "# $line" | cut -c1-400
    check "PDF/UA-1 conditions met (ua_check.py) - $f" "grep -qF '$f: ok: ' $T/ua.log"
done
# shellcheck disable=SC2086
$PY tests/pdf/reading_order.py $pdfs >$T/order.log 2>&1
for f in $pdfs; do
    line=$(grep -F "$f: " $T/order.log | head -n 1)
    echo "# $line" | cut -c1-400
    check "structure order = pdftotext's reading order (pikepdf, pdf.js, poppler) - $f" \
        "grep -qF '$f: ok: ' $T/order.log"
done
[ -s $T/order.log ] && ! grep -q ': ok: ' $T/order.log && sed 's/^/# /' $T/order.log | head -5

# ---- negative controls ---------------------------------------------------------------
$PY tests/pdf/ua_break.py $T/out/p/tagged.pdf $T/gen/out/n60/paper.pdf $T/broken \
    >$T/broken.list 2>$T/broken.log
brc=$?
want=$($PY -c 'import sys; sys.path.insert(0, "tests/pdf"); import ua_break; print(len(ua_break.breakers()))')
check "every negative control is made (ua_break.py: $want)" \
    "[ $brc -eq 0 ] && [ \$(grep -c . $T/broken.list) -eq $want ] && [ $want -ge 30 ]"
sed 's/^/# /' $T/broken.log | head -5
while read -r f cond; do
    if [ "$cond" = order ]; then
        r=$($PY tests/pdf/reading_order.py "$f" 2>&1)
        want="FAIL .*differ"
    else
        r=$($PY tests/pdf/ua_check.py "$f" 2>&1)
        want="FAIL .*$cond: "
    fi
    echo "# $(echo "$r" | cut -c1-200)"
    check "negative control $(basename "$f" .pdf) fails with '$cond'" "echo \"\$r\" | grep -q '$want'"
done <$T/broken.list
check "pdfinfo can say Tagged: no (the control without /MarkInfo)" \
    "pdfinfo $T/broken/no-markinfo.pdf | grep -q '^Tagged: *no'"
echo "1..$n"
