#!/bin/sh
# run-exempt.sh - an exempt paper (Schedule 12A, Local Government Act 1972): the
# private edition is marked NOT FOR PUBLICATION on every page; the public edition, the
# JSON and the index carry the statutory notice and not one byte of the exempt
# content, in any stream. TAP output.
cd "$(dirname "$0")/../.." || exit 2
. tests/tools/tap.sh
T=build/exempt
rm -rf $T && mkdir -p $T/p
cp plans/copeland-shap/plan.yaml $T/p/plan.yaml
SECRET=Zanzibarquux
# A secret in the narrative, in a front-sheet field and in a computed caption.
sed -e "s/^summary: .*/summary: The $SECRET tender./" \
    -e "0,/^subject:/s//exempt: 3\nsubject:/" plans/copeland-shap/exception-2010-q3.md >$T/p/tender.md
printf '\nThe tender from %s Ltd was £1.2 million.\n\n```exceptions caption="%s exceptions"\n```\n' \
    "$SECRET" "$SECRET" >>$T/p/tender.md
check "an exempt paper builds" "./tabled build -MD -o $T/out $T/p/tender.md 2>$T/err"
PUB=$T/out/p
PRIV=$T/out/private/p
check "public edition written: HTML, PDF, JSON" "[ -s $PUB/tender.html ] && [ -s $PUB/tender.pdf ] && [ -s $PUB/tender.json ]"
check "private edition written apart: HTML and PDF" "[ -s $PRIV/tender.html ] && [ -s $PRIV/tender.pdf ]"
check "no JSON for the private edition" "[ ! -e $PRIV/tender.json ]"
# Every stream of the public PDF uncompressed, so a match anywhere is found.
qpdf --qdf --object-streams=disable $PUB/tender.pdf $T/public-qdf.pdf 2>/dev/null
check "the secret is nowhere in the public outputs (HTML, PDF streams, JSON, index)" \
    "! grep -rqa '$SECRET' $PUB/tender.html $PUB/tender.json $T/out/index.html $T/public-qdf.pdf"
# Page text is drawn as glyph ids, so read it back the way a reader's tools would too.
check "no exempt text comes back from the public PDF" "! pdftotext $PUB/tender.pdf - | grep -q '$SECRET'"
check "the public PDF metadata carries no exempt content" "! pdfinfo $PUB/tender.pdf | grep -q '$SECRET'"
check "the public edition gives the statutory notice with its paragraph" \
    "pdftotext $PUB/tender.pdf - | tr '\n' ' ' | grep -q 'paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972' && grep -q 'Schedule 12A' $PUB/tender.html"
check "the public edition keeps its public facts (subject, committee)" \
    "pdftotext $PUB/tender.pdf - | grep -q 'Audit Committee'"
check "the private edition has the exempt content" "pdftotext $PRIV/tender.pdf - | grep -q '$SECRET'"
pages=$(pdfinfo $PRIV/tender.pdf | awk '/^Pages:/ {print $2}')
marked=0
p=1
while [ "$p" -le "$pages" ]; do
    pdftotext -f $p -l $p $PRIV/tender.pdf - | grep -q 'NOT FOR PUBLICATION' && marked=$((marked + 1))
    p=$((p + 1))
done
check "every page of the private PDF is marked NOT FOR PUBLICATION ($marked of $pages)" "[ $marked -eq $pages ]"
check "the private HTML is marked with the paragraph" "grep -q 'NOT FOR PUBLICATION' $PRIV/tender.html"
check "the index links the public edition only" \
    "grep -q 'href=\"p/tender.html\"' $T/out/index.html && ! grep -q 'private/' $T/out/index.html"
check "the dependency file names both editions" "grep -q 'private/p/tender.pdf' $PRIV/tender.d && grep -q ' $PUB/tender.pdf' $PRIV/tender.d"
check "the dependency file is kept with the private edition, not in the public folder" "[ ! -e $PUB/tender.d ]"
echo "1..$n"
