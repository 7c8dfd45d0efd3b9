#!/bin/sh
# run-layout.sh - the example papers on a phone and in print (issue 12). At 390 px
# wide: no sideways scroll, nothing wider than the window, tables as labelled cards
# with their Status cells on screen, captions whole (tests/html/layout.mjs); still
# valid and accessible at that width (Nu, axe). Printed by Chromium ("Save as PDF",
# the stylesheet's @media print): the report follows the front sheet on page 1, a
# table's header row repeats on each page it continues onto, and no printed page of
# the risk register holds fewer than three of its rows unless the table ends there
# (tests/pages/check_pages.py reads the printed PDF). TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
OUT=build/layout
rm -rf $OUT && mkdir -p $OUT
export SOURCE_DATE_EPOCH=1700000000

sh tests/html/install.sh || { notok "install HTML checkers"; exit 1; }
check "the example papers build" \
    "./tabled build --templates templates -o $OUT/out --format html plans/*/plan.yaml plans/*/*.md 2>$OUT/err"
sed 's/^/# /' $OUT/err

node tests/html/layout.mjs --pdf $OUT/print $OUT/out/*/*.html >$OUT/layout.log 2>&1
rc=$?
sed 's/^/# /' $OUT/layout.log | tail -20
check "at 390 px: no sideways scroll, nothing wider than the window, Status on screen, captions whole" \
    "[ $rc -eq 0 ] && [ \$(grep -c ' as cards;' $OUT/layout.log) -eq \$(ls $OUT/out/*/*.html | grep -vc '/index.html$') ]"
check "at 390 px: the tables of three columns or more are cards with labelled cells" \
    "! grep -Eq ' [1-9][0-9]* tables, 0 as cards' $OUT/layout.log && grep -q 'data-label=\"Status\"' $OUT/out/norwich-hip/scrutiny-2010-07-22.html"

HTML_CHECK_WIDTH=390 node tests/html/check.mjs --werror $OUT/out/*/*.html >$OUT/check.log 2>&1
rc=$?
sed 's/^/# /' $OUT/check.log | tail -8
check "at 390 px: Nu HTML Checker and axe-core find nothing" "[ $rc -eq 0 ]"

# print
for f in $OUT/out/*/*.html; do
    b=$(basename "$f" .html)
    python3 tests/pages/check_pages.py --margins 56.7,56.7 $OUT/print/$b.pdf "$f" >$OUT/print/$b.txt 2>&1
done
sed 's/^/# /' $OUT/print/*.txt | grep -v '^# page' | head -20
p1=$(for t in $OUT/print/*.txt; do sed -n 's/^page 1: *\([0-9]*\)% full.*/\1/p' $t; done | sort -n | head -1)
echo "# printed page 1 at least ${p1}% full in every paper"
check "print: the report follows the front sheet on page 1 (no page 1 under a third full)" \
    "[ -n '$p1' ] && [ $p1 -ge 34 ]"
S=$OUT/print/parent-board-2002-08-02
# (the checker finds a row by its words, so a risk area's words met earlier in the paper
# count on that page too: the register is the run of consecutive pages at its end)
rows=$(grep "^table '.*risk assessmen" $S.txt | sed 's/.*rows by page {\(.*\)}/\1/' | python3 -c '
import sys
v = [tuple(int(y) for y in x.split(":")) for x in sys.stdin.read().strip().split(",") if x.strip()]
k = len(v) - 1
while k > 0 and v[k - 1][0] + 1 == v[k][0]: k -= 1
print(", ".join("%d: %d" % p for p in v[k:]))')
echo "# Salford risk assessments (seed 003's register) rows by printed page: $rows"
check "print: the Salford risk register has three rows or more on every page but its last" \
    "[ -n '$rows' ] && echo '$rows' | python3 -c 'import sys; v=[int(x.split(\":\")[1]) for x in sys.stdin.read().split(\",\")]; sys.exit(0 if all(n >= 3 for n in v[:-1]) and len(v) <= 5 else 1)'"
pages=$(echo "$rows" | tr ',' '\n' | sed 's/:.*//' | tr -d ' ')
hdr=0 np=0
for p in $pages; do
    np=$((np + 1))
    pdftotext -f $p -l $p $S.pdf - | grep -q 'Reducing risks' && hdr=$((hdr + 1))
done
check "print: the risk register's header row is repeated on each of its $np pages" "[ $np -ge 2 ] && [ $hdr -eq $np ]"

# Two rows either side of a break, a caption with its rows, in print as in the PDF: no
# page-checker problem of kind rows or caption in any paper, except in a table whose
# rows are deeper than half a page (class tall-rows: such rows split where the page
# ends, as the PDF's do, and a table of them cannot keep two on each side).
python3 - $OUT <<'PY' >$OUT/print/breaks.txt
import glob, html, os, re, sys
out = sys.argv[1]
bad = 0
for txt in sorted(glob.glob(out + "/print/*.txt")):
    name = os.path.basename(txt)[:-4]
    page = glob.glob(out + "/out/*/" + name + ".html")
    if not page:
        continue
    src = open(page[0], encoding="utf-8").read()
    tall = [html.unescape(re.sub(r"<[^>]+>", "", m)).strip()
            for m in re.findall(r'<table[^>]*class="[^"]*tall-rows[^"]*"[^>]*>\s*<caption[^>]*>(.*?)</caption>', src, re.S)]
    for line in open(txt, encoding="utf-8"):
        m = re.match(r"problem: page \d+: (rows|caption): .*?'(.*?)'", line)
        if not m:
            continue
        if m.group(1) == "rows" and any(t.startswith(m.group(2)) for t in tall):
            continue
        bad += 1
        print("%s: %s" % (name, line.strip()))
print("%d problems" % bad)
PY
sed 's/^/# /' $OUT/print/breaks.txt | tail -8
check "print: two rows either side of every table break and no caption without its rows (tables of half-page rows aside)" \
    "grep -qx '0 problems' $OUT/print/breaks.txt"
