#!/bin/sh
# run-pdf.sh - the example papers as PDF, checked the way a clerk would: valid,
# fonts embedded, every word back out in reading order, headers repeated on long
# tables, landscape appendices, reproducible. TAP output.
cd "$(dirname "$0")/../.." || exit 2
export SOURCE_DATE_EPOCH=1700000000
A=build/pdf-out-a
B=build/pdf-out-b
. tests/tools/tap.sh

rm -rf $A $B
check "build every example paper (PDF, HTML, JSON)" \
    "./tabled build -o $A plans/*/plan.yaml plans/*/*.md 2>build/pdf-build.log"
check "build them again" "./tabled build -o $B plans/*/plan.yaml plans/*/*.md 2>/dev/null"
for p in norwich-hip/executive-2009-05-13 norwich-hip/scrutiny-2010-07-22 \
         leicester-bv-review/cabinet-2003-03-10 copeland-shap/exception-2010-q3; do
    check "seed paper $p.pdf written" "[ -s $A/$p.pdf ]"
done
check "index links the PDFs" "grep -q 'href=\"norwich-hip/executive-2009-05-13.pdf\"' $A/index.html"

# qpdf, fonts embedded, Page N of M, A4 - one line per paper.
sh tests/pdf/check.sh $A >build/pdf-check.log 2>&1
rc=$?
sed 's/^/# /' build/pdf-check.log
check "qpdf --check clean, fonts embedded, 'Page N of M' on every page, A4" "[ $rc -eq 0 ]"

for pdf in $A/*/*.pdf; do
    html=${pdf%.pdf}.html
    r=$(python3 tests/pdf/words_in_order.py "$html" "$pdf" 2>&1)
    echo "# $pdf: $r"
    check "pdftotext recovers every word of $(basename "$pdf" .pdf) in reading order" \
        "echo '$r' | grep -q 'words in order'"
done

same=1
for f in $(cd $A && find . -type f | LC_ALL=C sort); do
    cmp -s "$A/$f" "$B/$f" || { echo "# differs: $f"; same=0; }
done
check "two builds are byte-identical (PDF, HTML, JSON)" "[ $same -eq 1 ]"
check "a different SOURCE_DATE_EPOCH changes only the dates" \
    "SOURCE_DATE_EPOCH=1700086400 ./tabled build -o build/pdf-out-c --format pdf plans/copeland-shap/exception-2010-q3.md 2>/dev/null && pdfinfo build/pdf-out-c/copeland-shap/exception-2010-q3.pdf | grep -q 'CreationDate'"

# Norwich Appendix A: the full action plan spans several landscape pages, header on each.
pdf=$A/norwich-hip/executive-2009-05-13.pdf
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
land=0
hdr=0
p=1
while [ "$p" -le "$pages" ]; do
    size=$(pdfinfo -f $p -l $p "$pdf" 2>/dev/null | awk '/^Page .* size:/ {print $4, $6}')
    w=${size% *}
    h=${size#* }
    if awk -v w="$w" -v h="$h" 'BEGIN { exit !(w > h) }'; then
        land=$((land + 1))
        if pdftotext -f $p -l $p "$pdf" - 2>/dev/null | grep -q "Priority action" &&
           pdftotext -f $p -l $p "$pdf" - 2>/dev/null | grep -q "Recommendation"; then
            hdr=$((hdr + 1))
        fi
    fi
    p=$((p + 1))
done
echo "# Norwich executive: $pages pages, $land landscape, header on $hdr of them"
check "Norwich Appendix A spans several landscape pages" "[ $land -ge 3 ]"
check "the action plan's header row is on every landscape page" "[ $hdr -eq $land ]"
check "bookmarks for numbered headings and appendices" \
    "qpdf --show-object=trailer --filtered-stream-data $pdf >/dev/null 2>&1 && strings $pdf | grep -q '/Outlines'"
check "document metadata: title, author, subject, language" \
    "pdfinfo $pdf | grep -q 'Title:.*Housing Improvement Plan' && pdfinfo $pdf | grep -q 'Author:.*Director of Regeneration' && pdfinfo $pdf | grep -q 'Subject:' && qpdf --qdf --object-streams=disable $pdf - 2>/dev/null | grep -q '/Lang (en-GB)'"
check "£ – ’ “ ” é come back from pdftotext" \
    "pdftotext $A/leicester-bv-review/cabinet-2003-03-10.pdf - 2>/dev/null | grep -q '£'"
echo "1..$n"
